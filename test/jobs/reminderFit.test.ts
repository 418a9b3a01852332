// A caseworker with hundreds of late deadlines still gets a reminder Teams accepts: the plan
// (src/views/reminders.ts) has every row, and what the morning run queues is fitted to the card's
// size with the rest counted (src/cards/reminderCard.ts), never the plan itself.
import { describe, expect, it } from 'vitest';
import { runReminders } from '../../src/jobs/reminderRun.js';
import { cardSize, MAX_CARD_BYTES, renderCard } from '../../src/cards/render.js';
import type { OutboxMessage } from '../../src/outbox/messages.js';
import type { DocWrite } from '../../src/store/port.js';
import type { ReminderCardData } from '../../src/views/reminders.js';
import { cardText, EXAMPLE_ORG, person } from '../support/bot.js';
import { testDeps } from '../support/deps.js';
import { forhandsCase } from './listFixtures.js';

const anna = person(EXAMPLE_ORG, 'anna');

describe('the queued reminder', () => {
  it('fits the card with 400 late deadlines, says how many more there are, and leads with the oldest', async () => {
    const deps = await testDeps();
    const cases = Array.from({ length: 400 }, (_, i) =>
      forhandsCase(
        `IFO-2026-${String(7000 + i).padStart(6, '0')}`,
        `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`,
        anna.aadObjectId,
      ),
    );
    const queued: DocWrite[] = [];
    await runReminders(deps, deps.now(), '2026-11-20', async (_id, messages) => void queued.push(...messages), {
      cases,
      absences: [],
    });
    const mine = queued
      .map((w) => w.value as unknown as OutboxMessage)
      .filter((m) => m.target.kind === 'user' && m.target.staffId === anna.aadObjectId);
    expect(mine).toHaveLength(1);
    const data = (mine[0].content as { data: ReminderCardData }).data;
    expect(data.kind).toBe('summary');
    expect(data.items.length).toBeGreaterThan(10);
    expect(data.items.length + data.more).toBe(400);
    expect(data.more).toBeGreaterThan(0);
    const card = renderCard('reminder', data);
    expect(cardSize(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    // Most urgent first: a case received on 1 October is on the card.
    expect(cardText(card)).toContain('IFO-2026-007000');
  });
});
