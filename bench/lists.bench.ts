// Morning-list benchmarks: the time to build every group's morning list (view + size-fitted card)
// with 5,000 open cases in 20 groups, and the size of the largest card (must stay under 40 KB).
// Run alone with `npx tsx bench/lists.bench.ts`; the bench runner can import `benchLists()`.
import { performance } from 'node:perf_hooks';
import { morningListData } from '../src/cards/morningList.js';
import { cardSize, MAX_CARD_BYTES, renderCard } from '../src/cards/render.js';
import { Calendar } from '../src/domain/calendar.js';
import { DEFAULT_RULES } from '../src/domain/rules.js';
import type { Group, Staff } from '../src/domain/schemas.js';
import { buildMorningList, deadlineMemo, DEFAULT_LIST_SETTINGS, listCases } from '../src/views/morningListBuilder.js';
import { buildReminders } from '../src/views/reminders.js';
import { fittedReminder } from '../src/cards/reminderCard.js';
import { manyCases } from '../test/jobs/listFixtures.js';

export interface ListBenchRow {
  name: string;
  value: number;
  unit: string;
  aim: string;
  ok: boolean;
  note?: string;
}

export async function benchLists(opts: { open?: number; groups?: number } = {}): Promise<ListBenchRow[]> {
  const open = opts.open ?? 5_000;
  const groupCount = opts.groups ?? 20;
  const groups: Group[] = Array.from({ length: groupCount }, (_, i) => ({
    id: `grupp-${i + 1}`,
    name: `Grupp ${i + 1}`,
    kind: i % 2 ? 'investigation' : 'intake',
  }));
  const staff: Staff[] = Array.from({ length: groupCount * 8 }, (_, i) => ({
    aadObjectId: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
    name: `Handläggare ${i + 1}`,
    role: 'caseworker',
    groups: [groups[i % groupCount].id],
    capacity: 12,
  }));
  const now = new Date('2026-11-23T07:45:00+01:00');
  const cases = listCases(
    manyCases(
      open,
      groups.map((g) => g.id),
      staff.map((s) => s.aadObjectId),
      '2026-11-23',
    ),
  );
  const calendar = new Calendar({ eveHolidaysAreNonWorking: true });
  const settings = { ...DEFAULT_LIST_SETTINGS, noContactDays: DEFAULT_RULES.noContactDays };

  const deadlines = deadlineMemo(DEFAULT_RULES); // one memo per run, as the scheduler does
  const t0 = performance.now();
  let largest = 0;
  let items = 0;
  for (const group of groups) {
    const view = buildMorningList({
      group,
      cases,
      staff,
      absences: [],
      handovers: [],
      now,
      calendar,
      rules: DEFAULT_RULES,
      settings,
      deadlines,
    });
    items += view.total;
    largest = Math.max(largest, cardSize(renderCard('morning-list', morningListData(view))));
  }
  const listsMs = performance.now() - t0;
  const t1 = performance.now();
  const reminders = buildReminders({ cases, staff, absences: [], now, calendar, rules: DEFAULT_RULES, deadlines });
  // Fitted to the card as the morning run queues them (src/jobs/reminderRun.ts).
  for (const r of reminders) {
    if (r.summary) fittedReminder(r.summary);
    if (r.tomorrow) fittedReminder(r.tomorrow);
  }
  const remindersMs = performance.now() - t1;
  return [
    {
      name: `build all ${groupCount} morning lists, ${open} open cases`,
      value: Math.round(listsMs),
      unit: 'ms',
      aim: '< 10000',
      ok: listsMs < 10_000,
      note: `${items} list items`,
    },
    {
      name: 'largest morning-list card',
      value: largest,
      unit: 'bytes',
      aim: `< ${MAX_CARD_BYTES}`,
      ok: largest < MAX_CARD_BYTES,
    },
    {
      name: `then personal reminders for ${staff.length} caseworkers (deadlines shared)`,
      value: Math.round(remindersMs),
      unit: 'ms',
      aim: '< 10000',
      ok: remindersMs < 10_000,
      note: `${reminders.length} people with something to hear`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchLists();
  console.log('| bench | value | aim | ok |');
  console.log('|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.name}${r.note ? ` (${r.note})` : ''} | ${r.value} ${r.unit} | ${r.aim} | ${r.ok ? 'yes' : 'NO'} |`,
    );
}
