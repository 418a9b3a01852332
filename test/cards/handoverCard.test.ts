// The handover checklist card as a team lead sees it: valid Adaptive Card 1.5, every case most urgent
// first with its next deadline and steps, controls per case, and under the size limit with 60 cases.
import { describe, expect, it } from 'vitest';
import { handoverCard } from '../../src/cards/handoverCard.js';
import { cardSize, MAX_CARD_BYTES } from '../../src/cards/render.js';
import { markReturned } from '../../src/domain/handover.js';
import { cardText, cardVerbs } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';
import { handoverFixture } from './handoverFixture.js';

describe('the handover checklist card', () => {
  it('lists all 9 cases, most urgent first, with progress, next deadline, checklist and status', () => {
    const { input } = handoverFixture(9);
    const card = handoverCard(input);
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/Överlämning: Anna Berg är frånvarande/);
    expect(text).not.toMatch(/sjuk/);
    expect(text).toMatch(/1 av 9 ärenden överlämnade · 5 av 9 har ny handläggare/);
    const order = [...text.matchAll(/\*\*(IFO-[\d-]+)\*\*/g)].map((m) => m[1]);
    expect(order).toHaveLength(9);
    expect(order).toEqual(input.states.map((s) => s.caseId));
    const dues = input.states.map((s) => s.next!.due);
    expect(dues).toEqual([...dues].sort());
    expect(text).toMatch(/Ny handläggare: Bo Lindqvist/);
    expect((text.match(/Ingen ny handläggare/g) ?? []).length).toBe(4);
    expect(text).toMatch(
      /☑ Ny handläggare {2}☑ Tidsfrister {2}☑ Möten flyttade {2}☑ Familjen informerad {2}☑ Skriftlig status/,
    );
    // Posted in channels: that a status exists, who wrote it and when; never the text.
    expect(text).toMatch(/Status skriven av Bo Lindqvist, tis 24 nov/);
    expect(JSON.stringify(card)).not.toContain('Barnsamtal hållet');
    const withStatus = input.states.find((s) => s.status?.text.startsWith('Barnsamtal hållet'))!.caseId;
    const revealed = cardText(handoverCard({ ...input, revealStatusOf: withStatus }));
    expect(revealed).toMatch(/Status \(Bo Lindqvist, tis 24 nov, visas bara för dig\): Barnsamtal hållet/);
    expect(cardVerbs(card).filter((v) => v === 'handover.showStatus').length).toBeGreaterThan(0);
    // Per case: reassign, tick and status; nothing refers to a child.
    const verbs = cardVerbs(card);
    expect(verbs.filter((v) => v === 'handover.reassign')).toHaveLength(9);
    expect(verbs.filter((v) => v === 'handover.tick')).toHaveLength(9);
    expect(verbs.filter((v) => v === 'handover.status')).toHaveLength(9);
    expect(JSON.stringify(card)).not.toMatch(/B-2026-7\d\d/);
  });

  it('stays under 40 KB with 60 cases, every case still reachable', () => {
    const { input } = handoverFixture(60);
    const card = handoverCard(input);
    expect(validateCard(card)).toEqual([]);
    expect(cardSize(card)).toBeLessThan(MAX_CARD_BYTES);
    const shown = [...cardText(card).matchAll(/\*\*(IFO-[\d-]+)\*\*/g)].length;
    const more = Number(cardText(card).match(/… och (\d+) ärenden till/)?.[1] ?? 0);
    expect(more).toBe(0);
    expect(shown).toBe(60);
    // A long list opens one case at a time.
    expect(cardVerbs(card).filter((v) => v === 'handover.open')).toHaveLength(shown);
    // That one case comes with its controls.
    const one = handoverCard({ ...input, focusCaseId: input.states[10].caseId });
    expect(validateCard(one)).toEqual([]);
    expect(cardVerbs(one)).toEqual(['handover.reassign', 'handover.tick', 'handover.status', 'handover.show']);
  });

  it('after the return offers to hand cases back one by one or all, and shows the notes', () => {
    const { input } = handoverFixture(9);
    const card = handoverCard({ ...input, handover: markReturned(input.handover, input.now) });
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/Anna Berg är åter/);
    expect(text).toMatch(/Lämna tillbaka alla \(5\) till Anna Berg/);
    expect(text).toMatch(/Status skriven av Bo Lindqvist/);
    const verbs = cardVerbs(card);
    expect(verbs.filter((v) => v === 'handover.handBack')).toHaveLength(6);
    expect(verbs).not.toContain('handover.reassign');
  });
});
