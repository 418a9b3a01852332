// Every card the bot can send, made by the real use cases from a realistic synthetic week (the same
// cards `npm run cards:preview` renders to PNG): each template in /cards is covered, each card is a
// valid Adaptive Card 1.5 under 40 KB, and none carries a personnummer or a child's reference from the data.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleCards } from '../../scripts/cards-preview.js';
import { cardSize, MAX_CARD_BYTES } from '../../src/cards/render.js';
import { validateCard } from '../support/validateCard.js';

describe('every card the bot sends, from a realistic week', async () => {
  const cards = await sampleCards();

  it('covers every template in /cards', () => {
    const templates = readdirSync(new URL('../../cards/', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5));
    expect(new Set(cards.map((c) => c.template))).toEqual(new Set(templates));
  });

  it.each(cards.map((c) => [c.name, c] as const))('%s is a valid Adaptive Card 1.5 under 40 KB', (_name, { card }) => {
    expect(validateCard(card)).toEqual([]);
    expect(cardSize(card)).toBeLessThan(MAX_CARD_BYTES);
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/\b(19|20)?\d{6}[-+]?\d{4}\b/);
    // The week's child references are B-2026-43xx…45xx; the form's placeholder example is allowed.
    expect(json).not.toMatch(/B-2026-4[3-5]\d\d/);
  });
});
