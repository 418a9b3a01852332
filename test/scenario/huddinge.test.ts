// The Huddinge case of docs/domain.md (lex Sarah, Barnenheten 2021) replayed day by day with fixed clocks
// through the real use cases, the real lowdb store and the real scheduler: every working morning at
// 07:45 the scheduler runs and the domain queries are asked what the bot would flag; what it queued
// (to which channel or person) is read from the outbox. The point: the silence that lasted almost
// three months would have been called out after the configured number of days (21 by default).
// The run writes docs/huddinge-timeline.json (the three cases' timelines and what the bot said).
import { queuedHandoverCard } from '../../src/outbox/handoverCards.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endAbsence, registerAbsence } from '../../src/app/absence.js';
import { assignCase } from '../../src/app/assignCase.js';
import { Directory, type AppDeps } from '../../src/app/context.js';
import { CONVERSATIONS, GROUP_CHANNELS } from '../../src/app/conversations.js';
import { decideForhandsbedomning, recordContact, recordSkyddsbedomning } from '../../src/app/decisions.js';
import type { CaseResult } from '../../src/app/executeCaseCommand.js';
import { OUTBOX, type OutboxMessage } from '../../src/outbox/messages.js';
import { caseTimeline, type Timeline } from '../../src/app/timeline.js';
import { deadlinesOf, deadlineStatus } from '../../src/domain/deadlines.js';
import { dueWithin, noContact, overdue, unassigned } from '../../src/domain/queries.js';
import type { Case, LocalDate, Staff } from '../../src/domain/schemas.js';
import { addDays, stockholmDate, stockholmInstant } from '../../src/domain/time.js';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { EXAMPLE_ORG, person } from '../support/bot.js';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { actorOf, registerCase } from '../support/deps.js';

const GROUP = 'barn-utredning-1';
const per = person(EXAMPLE_ORG, 'per'); // team lead (gruppledare)
const lars = person(EXAMPLE_ORG, 'lars'); // unit manager (enhetschef)
const elin = person(EXAMPLE_ORG, 'elin'); // the caseworker from the resource pool
const fredrik = person(EXAMPLE_ORG, 'fredrik'); // the two new caseworkers of 2021-02-24
const gunilla = person(EXAMPLE_ORG, 'gunilla');
const CASES = ['HUD-2020-001', 'HUD-2020-002', 'HUD-2020-003'];
const CHILDREN = ['B-2011-0001', 'B-2012-0002', 'B-2015-0003']; // three siblings, pseudonymous
const FIRST_DAY = '2020-12-08';
const LAST_DAY = '2021-04-15';

interface Posted {
  to: string;
  card: string;
  title?: string;
  summary?: string;
}
interface Morning {
  date: LocalDate;
  flags: { unassigned: string[]; noContact: string[]; dueSoon: string[]; overdue: string[] };
  posted: Posted[];
}
interface Replay {
  deps: AppDeps;
  mornings: Morning[];
  refusals: Record<string, string>;
  timelines: Timeline[];
}

const firstName = (id: string) => EXAMPLE_ORG.staff.find((s) => s.aadObjectId === id)?.name ?? id;

function describePosted(m: OutboxMessage): Posted {
  const to =
    m.target.kind === 'group'
      ? `kanal:${m.target.groupId}`
      : m.target.kind === 'user'
        ? `chatt:${firstName(m.target.staffId)}`
        : 'annan';
  const c = m.content as {
    kind: string;
    template?: string;
    data?: { title?: string; summary?: string };
    caseId?: string;
  };
  const card = c.kind === 'card' ? c.template! : c.kind === 'caseCard' ? `ärendekort ${c.caseId}` : c.kind;
  return {
    to,
    card,
    ...(c.data?.title ? { title: c.data.title } : {}),
    ...(c.data?.summary ? { summary: c.data.summary } : {}),
  };
}

async function linkChannel(deps: AppDeps, groupId: string) {
  const key = `channel:19:${groupId}@thread.tacv2`;
  await deps.store.commit({
    docs: [
      {
        collection: CONVERSATIONS,
        id: key,
        value: {
          key,
          kind: 'channel',
          reference: { conversation: { id: key } },
          serviceUrl: 'http://connector/',
          active: true,
          updatedAt: '2020-12-01T08:00:00Z',
          version: 1,
        },
      },
      {
        collection: GROUP_CHANNELS,
        id: groupId,
        value: {
          groupId,
          conversationKey: key,
          linkedBy: per.aadObjectId,
          linkedAt: '2020-12-01T08:00:00Z',
          version: 1,
        },
      },
    ],
  });
}

async function replay(dir: string): Promise<Replay> {
  let now = new Date(`${FIRST_DAY}T00:00:00+01:00`);
  const store = await openLowdbStore(join(dir, 'db.json'));
  const deps: AppDeps = {
    store,
    org: new Directory(EXAMPLE_ORG),
    rules: DEFAULT_RULES,
    now: () => now,
    calendar: new Calendar({ eveHolidaysAreNonWorking: EXAMPLE_ORG.eveHolidaysAreNonWorking }),
    config: { plannedLeaveHandoverDays: 3 },
  };
  await linkChannel(deps, GROUP);
  const scheduler = new Scheduler(deps, { morningListTime: '07:45', cron: false });
  const at = (d: LocalDate, hhmm: string) => {
    now = stockholmInstant(d, hhmm);
  };
  const must = async (what: string, p: Promise<CaseResult | { ok: boolean; refusal?: { message: string } }>) => {
    const r = await p;
    if (!r.ok) throw new Error(`${what}: ${(r as { refusal: { message: string } }).refusal.message}`);
  };
  const version = async (id: string) => (await deps.store.getCase(id))!.version;
  const each = async (f: (id: string, i: number) => Promise<void>) => {
    for (const [i, id] of CASES.entries()) await f(id, i);
  };
  const assignAll = (who: Staff[]) =>
    each(async (id) =>
      must(
        `assign ${id}`,
        assignCase(deps, {
          caseId: id,
          version: await version(id),
          assignees: who.map((s) => s.aadObjectId),
          actor: actorOf(per),
        }),
      ),
    );
  const refusals: Record<string, string> = {};

  // What happened, by date (docs/domain.md), at the hour it happened.
  const events: Record<LocalDate, () => Promise<void>> = {
    '2020-12-08': async () => {
      at('2020-12-08', '09:30');
      await each(async (id, i) => {
        await registerCase(deps, {
          externalId: id,
          childRef: CHILDREN[i],
          groupId: GROUP,
          receivedAt: '2020-12-08T09:15:00+01:00',
          reporter: { type: 'preschool', professional: true },
          concerns: ['neglect'],
          summary: 'Förskolan uttrycker mycket stor oro.',
        });
      });
      // Until it is recorded the skyddsbedömning shows as due today.
      const sk = deadlinesOf((await deps.store.getCase(CASES[0]))!, deps.rules).find(
        (d) => d.kind === 'skyddsbedomning',
      )!;
      refusals.skyddStatusBefore = deadlineStatus(sk, now, deps.calendar);
      at('2020-12-08', '14:00');
      await each(async (id) =>
        must(
          'skydd',
          recordSkyddsbedomning(deps, {
            caseId: id,
            version: await version(id),
            actor: actorOf(per),
            data: { immediateProtection: 'nej', motivation: 'Inget omedelbart skyddsbehov enligt förskolan.' },
          }),
        ),
      );
    },
    '2020-12-14': async () => {
      at('2020-12-14', '15:00');
      await each(async (id) =>
        must(
          'förhandsbedömning',
          decideForhandsbedomning(deps, {
            caseId: id,
            version: await version(id),
            actor: actorOf(per),
            data: {
              outcome: 'open',
              motivation: 'Samtal med pappan; rektorn berättar om märken i ansiktet och hög frånvaro.',
            },
          }),
        ),
      );
    },
    '2021-01-13': async () => {
      at('2021-01-13', '10:00');
      await assignAll([elin]);
    },
    '2021-01-27': async () => {
      at('2021-01-27', '16:00');
      await each(async (id) =>
        must(
          'kontakt',
          recordContact(deps, {
            caseId: id,
            version: await version(id),
            actor: actorOf(elin),
            data: { kind: 'other', date: '2021-01-27', note: 'Referenssamtal med förskolechefen.' },
          }),
        ),
      );
    },
    '2021-02-08': async () => {
      at('2021-02-08', '08:30');
      await must('sjuk', registerAbsence(deps, { actor: actorOf(per), staffId: elin.aadObjectId, kind: 'sick' }));
    },
    '2021-02-11': async () => {
      at('2021-02-11', '13:00');
      await must(
        'gruppledaren sjuk',
        registerAbsence(deps, { actor: actorOf(lars), staffId: per.aadObjectId, kind: 'sick', to: '2021-02-16' }),
      );
    },
    '2021-02-19': async () => {
      at('2021-02-19', '09:00');
      for (const s of [fredrik, gunilla]) {
        await must(
          'sportlov',
          registerAbsence(deps, {
            actor: actorOf(per),
            staffId: s.aadObjectId,
            kind: 'planned',
            from: '2021-02-22',
            to: '2021-03-07',
          }),
        );
      }
    },
    '2021-02-22': async () => {
      at('2021-02-22', '09:00');
      await must('åter', endAbsence(deps, { actor: actorOf(elin), staffId: elin.aadObjectId }));
      // As main.ts wires it: back after the morning run, today's reminders go out now.
      await scheduler.catchUpReminders(elin.aadObjectId);
    },
    '2021-02-24': async () => {
      at('2021-02-24', '10:00');
      const r = await assignCase(deps, {
        caseId: CASES[0],
        version: await version(CASES[0]),
        assignees: [fredrik.aadObjectId, gunilla.aadObjectId],
        actor: actorOf(per),
      });
      refusals.reassignToAbsent = r.ok ? 'accepted' : r.refusal.message;
    },
    '2021-03-08': async () => {
      at('2021-03-08', '10:00');
      await assignAll([fredrik, gunilla]);
    },
    '2021-03-17': async () => {
      at('2021-03-17', '10:00');
      await assignAll([elin]);
    },
  };

  const mornings: Morning[] = [];
  const seen = new Set<string>();
  for (let day: LocalDate = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
    at(day, '07:45');
    if (deps.calendar.isWorkingDay(day)) {
      await scheduler.tick();
      const open = [...(await deps.store.openCases())].filter((c) => c.groupId === GROUP);
      const ids = (xs: { case: Case }[], f: (x: never) => string) => xs.map((x) => `${x.case.id} ${f(x as never)}`);
      const flags = {
        unassigned: ids(
          unassigned(open, now, deps.calendar),
          (u: { age: { workingDays: number } }) => `ofördelad ${u.age.workingDays} arbetsdagar`,
        ),
        noContact: ids(
          noContact(open, now, deps.rules.noContactDays),
          (n: { daysWithout: number }) => `${n.daysWithout} dagar utan kontakt med familj eller barn`,
        ),
        dueSoon: ids(
          dueWithin(open, now, 3, deps.rules, deps.calendar),
          (d: { deadline: { label: string; due: string } }) => `${d.deadline.label} ${d.deadline.due}`,
        ),
        overdue: ids(
          overdue(open, now, deps.rules, deps.calendar),
          (d: { deadline: { label: string; due: string } }) => `${d.deadline.label} ${d.deadline.due}`,
        ),
      };
      mornings.push({ date: day, flags, posted: [] });
    }
    // What was queued today (the morning and the day's actions), to whom. A checklist is queued by
    // its id and drawn when it is sent (src/outbox/render.ts): drawn here as a prompt drain would,
    // the morning's before the day's events and the day's after them.
    const drawNew = async () => {
      const fresh = (await deps.store.listDocs<OutboxMessage>(OUTBOX)).filter((m) => !seen.has(m.id));
      for (const m of fresh) seen.add(m.id);
      return await Promise.all(
        fresh.map(async (m) => {
          if (m.content.kind !== 'handoverCard') return m;
          const drawn = await queuedHandoverCard(deps, m.content.handoverId);
          const data = drawn === 'obsolete' ? {} : drawn.data;
          return { ...m, content: { kind: 'card' as const, template: 'handover', data } };
        }),
      );
    };
    const morning = await drawNew();
    await events[day]?.();
    const drawn = [...morning, ...(await drawNew())];
    const posted = drawn.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).map(describePosted);
    const today = mornings.at(-1);
    if (today?.date === day) today.posted = posted;
    else if (posted.length)
      mornings.push({ date: day, flags: { unassigned: [], noContact: [], dueSoon: [], overdue: [] }, posted });
  }
  at(LAST_DAY, '18:00');
  const timelines = [];
  for (const id of CASES) timelines.push((await caseTimeline(deps, id))!);
  return { deps, mornings, refusals, timelines };
}

const GOLDEN = new URL('../../docs/huddinge-timeline.json', import.meta.url);

describe('Huddinge 2020–2021 replayed day by day', () => {
  let r: Replay;
  let golden = '';
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-huddinge-'));
  afterAll(async () => {
    await r?.deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeAll(async () => {
    r = await replay(dir);
    golden = `${JSON.stringify(
      {
        about:
          "Huddinge (lex Sarah, Barnenheten 2021) replayed with fixed clocks by test/scenario/huddinge.test.ts: each case's timeline from the audit log, and what Ärendevakt would have flagged and posted each working morning.",
        noContactDays: r.deps.rules.noContactDays,
        timelines: r.timelines,
        mornings: r.mornings.filter((m) => m.posted.length || Object.values(m.flags).some((f) => f.length)),
      },
      null,
      2,
    )}\n`;
    // UPDATE_DOCS=1 npm test rewrites the committed document; a normal run only compares with it.
    if (process.env.UPDATE_DOCS) writeFileSync(GOLDEN, golden);
  }, 60_000);

  const morning = (d: LocalDate) => r.mornings.find((m) => m.date === d)!;

  it('matches the committed timeline document (docs/huddinge-timeline.json; UPDATE_DOCS=1 regenerates it)', () => {
    expect(golden).toBe(readFileSync(GOLDEN, 'utf8'));
  });
  const postedTo = (d: LocalDate, to: string, card?: string) =>
    morning(d).posted.filter((p) => p.to === to && (!card || p.card === card));

  it('shows the skyddsbedömning as due today until it is recorded the same day', () => {
    expect(r.refusals.skyddStatusBefore).toBe('due_today');
    expect(r.timelines[0].entries[1]).toMatchObject({
      when: '2020-12-08 14:00',
      who: 'Per Wallin',
      event: 'SkyddsbedomningRecorded',
    });
  });

  it('opens three investigations on 2020-12-14, one per child, each due 2021-04-14', async () => {
    for (const id of CASES) {
      expect((await r.deps.store.getCase(id))!.utredning).toMatchObject({
        openedOn: '2020-12-14',
        statutoryDeadline: '2021-04-14',
      });
    }
    expect(new Set((await Promise.all(CASES.map((id) => r.deps.store.getCase(id)))).map((c) => c!.childRef)).size).toBe(
      3,
    );
  });

  it('on the morning of 2020-12-15 lists three unassigned investigations in the channel, and tells the unit manager every working day until one is assigned', () => {
    expect(morning('2020-12-15').flags.unassigned).toEqual(CASES.map((id) => `${id} ofördelad 5 arbetsdagar`));
    const list = postedTo('2020-12-15', `kanal:${GROUP}`, 'morning-list');
    expect(list).toHaveLength(1);
    expect(list[0].summary).toMatch(/3 ofördelade ärenden \(det äldsta 7 dagar, 5 arbetsdagar\)/);
    const waitingDays = r.mornings.filter(
      (m) => m.date >= '2020-12-15' && m.date <= '2021-01-13' && m.flags.unassigned.length,
    );
    expect(waitingDays.map((m) => m.date)).toHaveLength(17); // 15 Dec – 13 Jan without the Christmas holidays and trettondagen
    for (const m of waitingDays) expect(postedTo(m.date, 'chatt:Lars Holm', 'escalation'), m.date).toHaveLength(1);
    expect(morning('2021-01-14').flags.unassigned).toEqual([]);
  });

  it(`warns about no contact with the family on 2021-01-04, the working morning on or after opened + 21 days, not after three months`, () => {
    const first = r.mornings.find((m) => m.flags.noContact.length > 0)!;
    expect(first.date).toBe('2021-01-04');
    expect(first.date <= addDays('2020-12-14', r.deps.rules.noContactDays + 3)).toBe(true);
    expect(first.flags.noContact).toEqual(CASES.map((id) => `${id} 21 dagar utan kontakt med familj eller barn`));
    const list = postedTo('2021-01-04', `kanal:${GROUP}`, 'morning-list')[0];
    expect(list.summary).toMatch(/3 utredningar utan kontakt/);
    // The reference call with the preschool on 2021-01-27 is not contact with the family: still flagged.
    expect(morning('2021-01-28').flags.noContact[0]).toBe(`${CASES[0]} 45 dagar utan kontakt med familj eller barn`);
    // Every working morning from then on, the whole silence long.
    const after = r.mornings.filter((m) => m.date >= '2021-01-04' && r.deps.calendar.isWorkingDay(m.date));
    expect(after.length).toBeGreaterThan(60);
    expect(after.filter((m) => m.flags.noContact.length !== 3)).toEqual([]);
    expect(morning('2021-03-08').flags.noContact[0]).toBe(`${CASES[0]} 84 dagar utan kontakt med familj eller barn`);
  });

  it("on 2021-02-08 posts the sick caseworker's handover checklist with every case at once", () => {
    const cards = postedTo('2021-02-08', `kanal:${GROUP}`).map((p) => p.card);
    expect(cards).toContain('handover');
    const tl = r.timelines[0].entries.map((e) => e.event);
    expect(tl).toContain('CaseAssigned');
  });

  it('on 2021-02-24 refuses to give the cases to two caseworkers who are on leave, so the gap is visible at once', () => {
    expect(r.refusals.reassignToAbsent).toBe('Fredrik Sjöberg är frånvarande i dag.');
  });

  it('shows the 4-month deadline 2021-04-14 before it comes, and as overdue after', () => {
    const soon = morning('2021-04-09');
    expect(soon.flags.dueSoon).toContain(`${CASES[0]} Utredning 2021-04-14`);
    const reminder = postedTo('2021-04-09', 'chatt:Elin Åkesson', 'reminder');
    expect(reminder.length).toBeGreaterThan(0);
    // The working day before, a reminder about exactly that date.
    expect(postedTo('2021-04-13', 'chatt:Elin Åkesson', 'reminder').map((p) => p.title)).toContain(
      'Påminnelse: 3 frister nästa arbetsdag',
    );
    expect(morning('2021-04-15').flags.overdue).toContain(`${CASES[0]} Utredning 2021-04-14`);
    expect(postedTo('2021-04-15', 'chatt:Lars Holm', 'escalation')).toHaveLength(1);
  });

  it('has a timeline per case with who, what and why, and an unbroken audit chain', () => {
    const t = r.timelines[0];
    expect(t.audit.ok).toBe(true);
    expect(t.entries.map((e) => [e.when, e.who, e.event])).toEqual([
      ['2020-12-08 09:30', 'Ärendevakt', 'ReportRegistered'],
      ['2020-12-08 14:00', 'Per Wallin', 'SkyddsbedomningRecorded'],
      ['2020-12-14 15:00', 'Per Wallin', 'ForhandsbedomningDecided'],
      ['2021-01-13 10:00', 'Per Wallin', 'CaseAssigned'],
      ['2021-01-27 16:00', 'Elin Åkesson', 'ContactRecorded'],
      ['2021-03-08 10:00', 'Per Wallin', 'CaseReassigned'],
      ['2021-03-17 10:00', 'Per Wallin', 'CaseReassigned'],
    ]);
    expect(t.entries[2].what).toBe(
      'Förhandsbedömning: utredning inleds mån 14 dec 2020, ska vara klar senast ons 14 apr; utredare: ingen utsedd.',
    );
    expect(stockholmDate(t.generatedAt)).toBe(LAST_DAY);
  });
});
