// A card the outbox sends a person is in that person's language (their last 1:1 locale,
// src/app/recipientLang.ts): the case view and its toast, and the delivery-failure report; a
// channel's copy, and a person who never wrote, read Swedish (docs/cards.md).
import { describe, expect, it } from 'vitest';
import { rememberConversation, userKey } from '../../src/app/conversations.js';
import type { AppDeps } from '../../src/app/context.js';
import { enqueue, type OutboxMessage } from '../../src/outbox/messages.js';
import { deadLetter, failureReports, type FailureData } from '../../src/outbox/deliveryFailure.js';
import { renderMessage } from '../../src/outbox/render.js';
import { cardText, EXAMPLE_ORG, person } from '../support/bot.js';
import { registerCase, testDeps } from '../support/deps.js';

const karin = person(EXAMPLE_ORG, 'karin');
const lars = person(EXAMPLE_ORG, 'lars');

async function writesIn(deps: AppDeps, staffId: string, locale: string) {
  const w = await rememberConversation(deps, {
    key: userKey(staffId),
    kind: 'personal',
    reference: { locale, user: { id: `29:${staffId}`, aadObjectId: staffId } },
    serviceUrl: 'https://smba.trafficmanager.net/teams/',
  });
  await deps.store.commit({ docs: [w!] });
}

const messageOf = (w: { value: unknown }) => w.value as unknown as OutboxMessage;

describe('what the outbox sends a person, in their language', () => {
  it('renders the case view to an en-US person in English, with an English toast, and to the channel in Swedish', async () => {
    const deps = await testDeps();
    const c = await registerCase(deps);
    await writesIn(deps, karin.aadObjectId, 'en-US');
    const now = deps.now();
    const toKarin = messageOf(
      enqueue(now, { kind: 'user', staffId: karin.aadObjectId }, { kind: 'caseCard', caseId: c.id }),
    );
    const toLars = messageOf(
      enqueue(now, { kind: 'user', staffId: lars.aadObjectId }, { kind: 'caseCard', caseId: c.id }),
    );
    const toChannel = messageOf(
      enqueue(now, { kind: 'group', groupId: c.groupId }, { kind: 'caseCard', caseId: c.id }),
    );
    const en = (await renderMessage(deps, toKarin))!;
    expect(cardText(en.card)).toMatch(/Unassigned/);
    expect(cardText(en.card)).not.toMatch(/Ej fördelad|Skyddsbedömning ska/);
    expect(en.summary).toMatch(new RegExp(`^New report ${c.id}`));
    for (const m of [toLars, toChannel]) {
      const sv = (await renderMessage(deps, m))!;
      expect(cardText(sv.card)).toMatch(/Ej fördelad/);
      expect(sv.summary).toMatch(new RegExp(`^Ny anmälan ${c.id}`));
    }
  });

  it("writes a delivery-failure report in each recipient's language, and climbs in the next one's", async () => {
    const deps = await testDeps();
    const c = await registerCase(deps, { concerns: ['violence'] });
    await writesIn(deps, karin.aadObjectId, 'en-GB');
    const queued = enqueue(
      deps.now(),
      { kind: 'group', groupId: 'vinr' },
      { kind: 'card', template: 'vinr-notice', data: { caseId: c.id } },
    );
    expect((await deps.store.commit({ docs: [queued] })).ok).toBe(true);
    const failed = messageOf(queued);
    // As the drain gives up on it: marked dead and reported in the same commit.
    const writes = await deadLetter(deps, failed, 'no_channel');
    expect((await deps.store.commit({ docs: writes })).ok).toBe(true);
    const reports = writes.slice(1).map(messageOf);
    const toKarin = reports.find((m) => m.target.kind === 'user' && m.target.staffId === karin.aadObjectId)!;
    const data = (toKarin.content as { data: FailureData }).data;
    expect(data.lang).toBe('en');
    expect(data.title).toBe('The VINR notice could not be delivered');
    expect(data.text).toBe(
      `The VINR notice for ${c.id} could not be delivered: the group Våld i nära relationer has no linked channel.`,
    );
    const shown = cardText((await renderMessage(deps, toKarin))!.card);
    expect(shown).toContain('What to do:');
    expect(shown).toContain('Try again');
    expect(shown).not.toMatch(/Gör så här|Försök igen|Visa ärendet|kunde inte/);
    // Karin's report fails too: the unit manager, who never wrote, reads it in Swedish, made again in Swedish.
    const climbed = (await failureReports(deps, toKarin, 'blocked')).map(messageOf);
    const toLars = climbed.find((m) => m.target.kind === 'user' && m.target.staffId === lars.aadObjectId)!;
    const up = (toLars.content as { data: FailureData }).data;
    expect(up.lang).toBeUndefined();
    expect(up.title).toBe('Kunde inte levereras: VINR-underrättelsen kunde inte levereras');
    expect(up.text).toMatch(
      /^VINR-underrättelsen för .* kunde inte levereras: gruppen Våld i nära relationer har ingen kopplad kanal\. Rapporten om det kunde inte heller levereras: Ärendevakt når inte Karin Ek i Teams/,
    );
  });
});
