// The distribution meeting (fördelningsmöte): the group's unassigned cases with an assign control
// beside each, and each caseworker's load (förhandsbedömningar, utredningar, capacity, absence, next
// deadline), so the meeting distributes in one pass. Assigning goes through the one assign use case
// (assignCase.ts); the posted card is then updated for everyone through the outbox.
import { deadlinesOf } from '../domain/deadlines.js';
import { loadPerCaseworker, unassigned } from '../domain/queries.js';
import { protectionFirst, protectionState } from '../domain/protection.js';
import type { Actor, Case } from '../domain/schemas.js';
import { formatDate, stockholmDate } from '../domain/time.js';
import { concernsText } from '../cards/labels.js';
import { protectionHeadlineIn } from '../views/protectionAlarm.js';
import { ageWords, count, deadlineLabel, texts, type Lang } from '../cards/text/index.js';
import type { DistributionView } from '../views/distribution.js';
import { assignCase } from './assignCase.js';
import { unassignedAge } from './lists.js';
import type { Age } from '../domain/age.js';
import { absences, type AppDeps } from './context.js';
import type { CaseResult } from './executeCaseCommand.js';
import { cardActivityOf } from '../outbox/cardActivities.js';
import { enqueue } from '../outbox/messages.js';

/** The posted card of a group's meeting that day (updated in place as cases are assigned). */
export const distributionKey = (groupId: string, date: string) => `distribution:${groupId}:${date}`;

interface Suggestable {
  id: string;
  open: number;
  capacity?: number;
}

/**
 * Spread the suggestions by load: each row gets the present caseworker with the lowest share of
 * their capacity, counting what the rows above already suggested.
 */
export function spreadSuggestions(people: Suggestable[], rows: number): string[] {
  const extra = new Map<string, number>();
  const share = (p: Suggestable) => (p.open + (extra.get(p.id) ?? 0) + 1) / (p.capacity ?? 10);
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    let best: Suggestable | undefined;
    const count = (p: Suggestable) => p.open + (extra.get(p.id) ?? 0);
    // Ties: the one with fewer cases in hand, then the order given.
    for (const p of people)
      if (!best || share(p) < share(best) || (share(p) === share(best) && count(p) < count(best))) best = p;
    if (!best) break;
    out.push(best.id);
    extra.set(best.id, (extra.get(best.id) ?? 0) + 1);
  }
  return out;
}

export async function buildDistributionView(
  deps: AppDeps,
  groupId: string,
  lang: Lang = 'sv',
): Promise<DistributionView> {
  const now = deps.now();
  const today = stockholmDate(now);
  const year = Number(today.slice(0, 4));
  const all = texts(lang);
  const t = all.distribution;
  const date = (d: string) => formatDate(d, year, lang);
  const names = (ids: readonly string[]) => ids.map((id) => deps.org.name(id)).join(` ${all.and} `);
  const open = await deps.store.openCases();
  const group = deps.org.group(groupId);
  // An unmet immediate-protection alarm first, however new the case is.
  const waiting = protectionFirst(
    unassigned(
      open.filter((c) => c.groupId === groupId),
      now,
      deps.calendar,
    ),
    (u) => u.case,
  );
  const loads = loadPerCaseworker(open, deps.org.org, await absences(deps), now, groupId);
  const nextDue = (c: Case) =>
    deadlinesOf(c, deps.rules)
      .filter((d) => !d.done)
      .sort((a, b) => (a.due < b.due ? -1 : 1))[0];
  const present = loads
    .filter((l) => !l.absent)
    .sort((a, b) => a.open / (a.capacity ?? 10) - b.open / (b.capacity ?? 10));
  const caseworkers = loads.map((l) => {
    let next: { due: string; label: string; caseId: string } | undefined;
    for (const c of open) {
      if (!c.assignees.includes(l.staff.aadObjectId)) continue;
      const d = nextDue(c);
      if (d && (!next || d.due < next.due)) next = { due: d.due, label: deadlineLabel(d, lang), caseId: c.id };
    }
    const parts = [
      `**${l.staff.name}**${l.absent ? t.absent : ''}`,
      count(l.forhandsbedomningar, 'förhandsbedömning', lang),
      count(l.utredningar, 'utredning', lang),
      t.load(l.open, l.capacity),
    ];
    // The next deadline on a line of its own, its reference first: at phone width a reference in the
    // middle of a line breaks inside it (test/cards/phoneWidth.browser.test.ts).
    const nextLine = next ? `\n${t.next(next.caseId, date(next.due), next.label)}` : t.noDeadlines;
    return { text: parts.join(' · ') + nextLine, color: l.absent || l.overCapacity ? 'Warning' : 'Default' };
  });
  const suggestions = spreadSuggestions(
    present.map((l) => ({
      id: l.staff.aadObjectId,
      open: l.open,
      ...(l.capacity !== undefined ? { capacity: l.capacity } : {}),
    })),
    waiting.length,
  );
  const skyddLate = (c: Case) =>
    deadlinesOf(c, deps.rules).find((d) => d.kind === 'skyddsbedomning' && !d.done && (d.overrun || d.due < today));
  // Ages in calendar days and working days: over jul or Easter working days alone understate the wait.
  const oldest = waiting.reduce<Age | undefined>((o, u) => (!o || u.age.days > o.days ? u.age : o), undefined);
  const assignedToday = open
    .filter((c) => c.groupId === groupId && c.assignees.length && c.firstAssignedAt)
    .filter((c) => stockholmDate(c.firstAssignedAt!) === today)
    .sort((a, b) => (a.firstAssignedAt! < b.firstAssignedAt! ? -1 : 1))
    .map((c) => ({ text: t.assignedTo(c.id, names(c.assignees)) }));
  return {
    groupId,
    ...(lang === 'sv' ? {} : { lang }),
    title: t.title(group?.name ?? groupId, formatDate(today, undefined, lang)),
    summary: waiting.length
      ? t.summary(
          count(waiting.length, 'ofördelat ärende', lang),
          !oldest || oldest.days === 0 ? t.oldestToday : ageWords(oldest, lang),
        )
      : t.allAssigned,
    cases: waiting.map(({ case: c, age: waited }, i) => {
      const d = nextDue(c);
      const suggested = suggestions[i] ?? '';
      const alarm = protectionHeadlineIn(protectionState(c), (id) => deps.org.name(id), lang);
      if (protectionState(c).status === 'unmet')
        return {
          caseId: c.id,
          version: c.version,
          text: `**${c.id}** · **${alarm}** · ${concernsText(c.concerns, lang)}`,
          color: 'Attention',
          suggested,
        };
      const age = unassignedAge(waited, lang);
      // An overdue skyddsbedömning is said in words first, with its date, not only by the row's colour.
      const late = skyddLate(c);
      if (late)
        return {
          caseId: c.id,
          version: c.version,
          text: `**${c.id}** · **${t.skyddLate(late.due ? date(late.due) : '')}** · ${concernsText(c.concerns, lang)} · ${age}`,
          color: 'Attention',
          suggested,
        };
      return {
        caseId: c.id,
        version: c.version,
        text: `**${c.id}** · ${concernsText(c.concerns, lang)} · ${all.phase[c.phase]} · ${age}${d ? ` · ${deadlineLabel(d, lang)} ${date(d.due)}` : ''}`,
        color: waited.workingDays > 1 ? 'Attention' : 'Default',
        suggested,
      };
    }),
    choices: present.map((l) => ({
      title: `${l.staff.name} (${l.open}${l.capacity !== undefined ? `/${l.capacity}` : ''})`,
      value: l.staff.aadObjectId,
    })),
    defaultChoice: present[0]?.staff.aadObjectId ?? '',
    assignedToday,
    caseworkers,
  };
}

/**
 * Assign from the meeting card: the one assign use case, then the group's posted meeting card is
 * updated for everyone (same key as the scheduled post, so the drain updates it in place).
 */
export async function assignFromDistribution(
  deps: AppDeps,
  input: { caseId: string; version: number; assignee: string; groupId: string; actor: Actor },
): Promise<CaseResult> {
  const r = await assignCase(deps, {
    caseId: input.caseId,
    version: input.version,
    assignees: [input.assignee],
    actor: input.actor,
  });
  const now = deps.now();
  const key = distributionKey(input.groupId, stockholmDate(now));
  // Only a card the bot posted itself (the scheduled one) can be updated for everyone; a card shown
  // as a command's answer is refreshed for the person who pressed by the invoke's answer.
  if (r.ok && (await cardActivityOf(deps.store, key))) {
    // The view, fitted to the card's size when it is sent (src/outbox/render.ts).
    const data = await buildDistributionView(deps, input.groupId);
    await deps.store.commit({
      docs: [
        enqueue(
          now,
          { kind: 'group', groupId: input.groupId },
          { kind: 'card', template: 'distribution', data, fit: true },
          key,
        ),
      ],
    });
    deps.onOutbox?.();
  }
  return r;
}
