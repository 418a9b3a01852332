// Out of hours has an owner: a report that arrives outside office hours (default weekdays 08:00–16:00
// on Swedish working days), or whose skyddsbedömning falls on a non-working day, is posted at once to
// the channel of the out-of-hours group (kind `out_of_hours`, the socialjour; linked with `koppla`
// like any group). Without such a group nothing is queued: the start-up log and /healthz
// (`no_out_of_hours_group`) say so. The next working morning's list marks the case (src/views/morningListBuilder.ts).
import { skyddsbedomningDue } from '../domain/deadlines.js';
import { isOfficeTime } from '../domain/officeHours.js';
import type { Case } from '../domain/schemas.js';
import { formatDate, formatDateTime, stockholmDate, stockholmTime, stockholmYear } from '../domain/time.js';
import { concernsText } from '../cards/labels.js';
import { texts, type Lang } from '../cards/text/index.js';
import type { AuditInput, DocWrite } from '../store/port.js';
import { officeHoursOf, type AppDeps } from './context.js';
import { enqueue } from '../outbox/messages.js';

export const OUT_OF_HOURS_TEMPLATE = 'out-of-hours';

/** Is this report the socialjour's: outside office hours, or with its skyddsbedömning due on a non-working day? */
export function isOutOfHours(deps: AppDeps, c: Pick<Case, 'receivedAt'>): boolean {
  return (
    !isOfficeTime(c.receivedAt, deps.calendar, officeHoursOf(deps)) ||
    !deps.calendar.isWorkingDay(skyddsbedomningDue(c.receivedAt, deps.rules))
  );
}

export const outOfHoursGroups = (deps: AppDeps) => deps.org.org.groups.filter((g) => g.kind === 'out_of_hours');

/**
 * The out-of-hours card's data in a language (src/cards/text/, `appNotices.outOfHours`). It is posted
 * in a channel, which has no one language, so the notice itself is Swedish (docs/cards.md).
 */
export function outOfHoursCardData(deps: AppDeps, c: Case, now: Date, lang: Lang = 'sv') {
  const all = texts(lang);
  const t = all.appNotices.outOfHours;
  const year = stockholmYear(now);
  const due = formatDate(skyddsbedomningDue(c.receivedAt, deps.rules), year, lang);
  const group = deps.org.group(c.groupId)?.name ?? c.groupId;
  const received = formatDateTime(c.receivedAt, year, lang);
  return {
    caseId: c.id,
    // The reference first: at phone width the line breaks after it, never inside it.
    title: t.title(c.id),
    text: t.text(received, group, due, nextOpening(deps, c.receivedAt, year, lang)),
    facts: [
      { title: t.case, value: c.id },
      { title: t.group, value: group },
      { title: t.concerns, value: concernsText(c.concerns, lang) },
      { title: t.received, value: received },
      { title: t.reporter, value: all.reporter[c.reporter.type] },
      { title: t.skydd, value: t.by(due) },
    ],
    // What a delivery-failure report quotes (src/outbox/deliveryFailure.ts).
    concerns: concernsText(c.concerns, lang),
    received: formatDateTime(c.receivedAt, undefined, lang),
    skydd: t.by(due),
    // The template's own words in the same language (src/cards/render.ts).
    lang,
  };
}

/** The card to each out-of-hours group's channel, and the audit entry, for a new report out of hours. */
export function outOfHoursNotices(deps: AppDeps, c: Case, now: Date): { docs: DocWrite[]; audit: AuditInput[] } {
  const groups = outOfHoursGroups(deps).filter((g) => g.id !== c.groupId);
  if (!groups.length || !isOutOfHours(deps, c)) return { docs: [], audit: [] };
  const data = outOfHoursCardData(deps, c, now);
  return {
    docs: groups.map((g) =>
      enqueue(now, { kind: 'group', groupId: g.id }, { kind: 'card', template: OUT_OF_HOURS_TEMPLATE, data }),
    ),
    audit: [
      {
        at: now.toISOString(),
        actor: 'system',
        type: 'OutOfHoursNoticeSent',
        caseId: c.id,
        data: { groupId: groups[0].id },
      },
    ],
  };
}

/** "mån 23 nov kl. 08:00" ("Mon 23 Nov at 08:00"): when the group is next at work after this instant. */
function nextOpening(deps: AppDeps, instant: string, year: number, lang: Lang): string {
  const oh = officeHoursOf(deps);
  const day = stockholmDate(instant);
  const open =
    deps.calendar.isWorkingDay(day) && stockholmTime(instant) < oh.start ? day : deps.calendar.nextWorkingDay(day);
  return `${formatDate(open, year, lang)} ${texts(lang).time.at} ${oh.start}`;
}
