// The use cases' own words in English where a reader of English meets them (docs/cards.md), and in
// Swedish otherwise: a lost race, the out-of-hours card's words, the handover escalation, the
// samordning card, the field messages of a form and the gallring report. The protocol-level tests
// are in test/e2e/appMessagesLocale.test.ts.
import { describe, expect, it } from 'vitest';
import { executeCaseCommand } from '../../src/app/executeCaseCommand.js';
import { escalationCardData } from '../../src/app/handover.js';
import { outOfHoursCardData } from '../../src/app/outOfHours.js';
import { samordningCardData, type Samordning } from '../../src/app/samordning.js';
import { fieldMessage } from '../../src/app/formFields.js';
import { gallringReport, type GallringResult } from '../../src/app/gallring.js';
import { submitDecision } from '../../src/app/decisions.js';
import { EXAMPLE_ORG, person, report } from '../support/bot.js';
import { actorOf, registerCase, testDeps } from '../support/deps.js';

const [anna, karin] = [person(EXAMPLE_ORG, 'anna'), person(EXAMPLE_ORG, 'karin')];
const ID = report().externalId;

describe("the use cases' words in the reader's language", () => {
  it('says a press lost its race in English or Swedish, naming who changed the case', async () => {
    const deps = await testDeps();
    await registerCase(deps);
    const take = (lang?: 'en' | 'sv') =>
      executeCaseCommand(deps, {
        caseId: ID,
        expectedVersion: 0,
        actor: actorOf(anna),
        intent: { type: 'take' },
        ...(lang ? { lang } : {}),
      });
    const en = await take('en');
    expect(en.ok).toBe(false);
    if (!en.ok)
      expect(en.refusal.message).toBe(
        'The case was changed by Ärendevakt since the card was shown. Nothing was changed; here is where it stands now.',
      );
    const sv = await take();
    if (!sv.ok)
      expect(sv.refusal.message).toBe(
        'Ärendet har ändrats av Ärendevakt sedan kortet visades. Inget har ändrats; här är det aktuella läget.',
      );
    expect(sv.ok).toBe(false);
  });

  it('writes the field messages and the answer of a decision form in English', async () => {
    const deps = await testDeps();
    await registerCase(deps);
    const refused = await submitDecision(deps, 'skydd', {
      caseId: ID,
      version: 1,
      actor: actorOf(karin),
      data: { immediateProtection: 'kanske', motivation: '' },
      lang: 'en',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusal.message).toBe('The details could not be saved. Correct the fields below.');
      expect(refused.refusal.fields).toEqual({
        immediateProtection: 'Choose whether the child needs immediate protection.',
        motivation: 'Write a short motivation.',
      });
    }
    // A key is translated; a text that is not one (the secrecy guard's) is kept as it is.
    expect(fieldMessage('dateFormat', 'en')).toBe('Enter a date as YYYY-MM-DD.');
    expect(fieldMessage('dateFormat')).toBe('Ange ett datum som ÅÅÅÅ-MM-DD.');
    expect(fieldMessage('Något annat.', 'en')).toBe('Något annat.');
  });

  it('has the out-of-hours card in English, though the channel it is posted in gets Swedish', async () => {
    const now = new Date('2026-11-20T17:31:00+01:00');
    const deps = await testDeps({ now: () => now });
    const c = await registerCase(deps, { receivedAt: '2026-11-20T17:30:00+01:00' });
    const en = outOfHoursCardData(deps, c, now, 'en');
    expect(en.title).toBe(`${ID} · New report outside office hours`);
    expect(en.text).toBe(
      'The report came in Fri 20 Nov at 17:30 to Mottagning barn och unga, outside office hours. The safety assessment (skyddsbedömning) is due by Sat 21 Nov: the out-of-hours service (socialjouren) is responsible until office hours begin Mon 23 Nov at 08:00.',
    );
    expect(en.facts.map((f) => f.title)).toEqual([
      'Case',
      'Group',
      'Concerns',
      'Received',
      'Reporter',
      'Safety assessment',
    ]);
    const sv = outOfHoursCardData(deps, c, now);
    expect(sv.text).toBe(
      'Anmälan kom in fre 20 nov kl. 17:30 till Mottagning barn och unga, utanför kontorstid. Skyddsbedömningen ska göras senast lör 21 nov: socialjouren ansvarar tills kontorstiden börjar mån 23 nov kl. 08:00.',
    );
  });

  it('writes the handover escalation in the recipient’s language, with one case counted as one', async () => {
    const deps = await testDeps();
    const now = new Date('2026-11-24T07:50:00+01:00');
    const e = {
      recipientId: karin.aadObjectId,
      kind: 'noOwner' as const,
      items: [
        {
          caseId: ID,
          handoverId: 'h1',
          fromStaffId: anna.aadObjectId,
          nextDeadline: { kind: 'forhandsbedomning', label: 'Förhandsbedömning', due: '2026-11-26' },
        },
      ],
    };
    const en = escalationCardData(deps, e, now, 'en');
    expect(en.title).toBe('Handover: 1 case without a new caseworker');
    expect(en.items[0]).toMatchObject({
      phase: 'from Anna Berg',
      detail: 'No new caseworker',
      deadline: 'Initial assessment Thu 26 Nov',
    });
    const sv = escalationCardData(deps, e, now);
    expect(sv.title).toBe('Överlämning: 1 ärende saknar ny handläggare');
    expect(sv.items[0]).toMatchObject({ phase: 'från Anna Berg', deadline: 'Förhandsbedömning tors 26 nov' });
  });

  it('has the samordning card in the team lead’s language', async () => {
    const deps = await testDeps();
    const s: Samordning = {
      id: 'samordning:F-1:barn+vuxen',
      familyRef: 'F-1',
      createdAt: '2026-11-20T09:00:00+01:00',
      sides: [
        {
          key: 'barn',
          name: 'Barn och unga',
          groupIds: ['barn-mottagning'],
          leadIds: [karin.aadObjectId],
          caseIds: [ID],
          ownerIds: [],
          since: '2026-11-20T09:00:00+01:00',
        },
        {
          key: 'vuxen',
          name: 'Vuxen',
          groupIds: [],
          leadIds: [],
          caseIds: ['V-1'],
          ownerIds: [],
          since: '2026-11-12T09:00:00+01:00',
        },
      ],
      told: {},
      version: 1,
    };
    const en = samordningCardData(deps, s, 0, deps.now(), undefined, 'en');
    expect(en).toMatchObject({
      lang: 'en',
      title: 'Coordination (samordning): family F-1',
      tellTitle: 'Tell the team lead in Vuxen',
    });
    expect(en.facts).toEqual([
      { title: 'Your cases', value: ID },
      { title: 'Other section', value: 'Vuxen' },
      { title: 'Caseworker there', value: 'unassigned' },
      { title: 'Since', value: 'Thu 12 Nov' },
    ]);
    const sv = samordningCardData(deps, s, 0, deps.now());
    expect(sv).toMatchObject({ title: 'Samordning: familj F-1', tellTitle: 'Meddela gruppledaren i Vuxen' });
    expect(sv).not.toHaveProperty('lang');
  });

  it('counts the gallring report’s cases and months in good Swedish', () => {
    const result = (cases: number, months: number) =>
      ({
        plan: {
          cutoff: '2025-11-20T00:00:00Z',
          afterMonths: months,
          cases: Array<string>(cases).fill('x'),
          docs: [],
          expectedVersions: {},
          docsDeleted: 2,
          docsChanged: 1,
          unlinked: [],
        },
        ms: 1500,
      }) satisfies GallringResult;
    expect(gallringReport(result(1, 1), true)).toBe(
      'Gallring: avslutade ärenden som avslutades före 2025-11-20 (1 månad).\nProvkörning: 1 ärende skulle gallras, 2 dokument tas bort och 1 ändras. Inget har ändrats.\nTid: 1.5 s.',
    );
    expect(gallringReport(result(3, 12), false, 'en')).toBe(
      'Gallring: closed cases that were closed before 2025-11-20 (12 months).\nRemoved: 3 cases with their free text; 2 documents deleted, 1 changed.\nTime: 1.5 s.',
    );
  });
});
