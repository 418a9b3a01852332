// Out of hours has an owner: a report that arrives outside office hours (default weekdays 08:00–16:00
// on Swedish working days), or whose skyddsbedömning falls on a non-working day, is posted at once to
// the channel of the out-of-hours group (kind `out_of_hours`, the socialjour; linked with `koppla`
// like any group). Without such a group nothing is queued: the start-up log and /healthz
// (`no_out_of_hours_group`) say so. The next working morning's list marks the case (src/jobs/morningList.ts).
import { skyddsbedomningDue } from '../domain/deadlines.js';
import { isOfficeTime } from '../domain/officeHours.js';
import type { Case } from '../domain/schemas.js';
import { formatSwedishDate, formatSwedishDateTime, stockholmDate, stockholmTime } from '../domain/time.js';
import { concernsText, REPORTER_LABEL } from '../cards/labels.js';
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

/** The card to each out-of-hours group's channel, and the audit entry, for a new report out of hours. */
export function outOfHoursNotices(deps: AppDeps, c: Case, now: Date): { docs: DocWrite[]; audit: AuditInput[] } {
  const groups = outOfHoursGroups(deps).filter((g) => g.id !== c.groupId);
  if (!groups.length || !isOutOfHours(deps, c)) return { docs: [], audit: [] };
  const year = Number(stockholmDate(now).slice(0, 4));
  const due = skyddsbedomningDue(c.receivedAt, deps.rules);
  const group = deps.org.group(c.groupId)?.name ?? c.groupId;
  const received = `${formatSwedishDate(stockholmDate(c.receivedAt), year)} kl. ${stockholmTime(c.receivedAt)}`;
  const data = {
    caseId: c.id,
    // The reference first: at phone width the line breaks after it, never inside it.
    title: `${c.id} · Ny anmälan utanför kontorstid`,
    text: `Anmälan kom in ${received} till ${group}, utanför kontorstid. Skyddsbedömningen ska göras senast ${formatSwedishDate(due, year)}: socialjouren ansvarar tills kontorstiden börjar ${nextOpening(deps, c.receivedAt, year)}.`,
    facts: [
      { title: 'Ärende', value: c.id },
      { title: 'Grupp', value: group },
      { title: 'Oro', value: concernsText(c.concerns) },
      { title: 'Mottagen', value: received },
      { title: 'Anmälare', value: REPORTER_LABEL[c.reporter.type] },
      { title: 'Skyddsbedömning', value: `senast ${formatSwedishDate(due, year)}` },
    ],
    // What a delivery-failure report quotes (src/outbox/deliveryFailure.ts).
    concerns: concernsText(c.concerns),
    received: formatSwedishDateTime(c.receivedAt),
    skydd: `senast ${formatSwedishDate(due, year)}`,
  };
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

/** "mån 23 nov kl. 08:00": when the group is next at work after this instant. */
function nextOpening(deps: AppDeps, instant: string, year: number): string {
  const oh = officeHoursOf(deps);
  const day = stockholmDate(instant);
  const open =
    deps.calendar.isWorkingDay(day) && stockholmTime(instant) < oh.start ? day : deps.calendar.nextWorkingDay(day);
  return `${formatSwedishDate(open, year)} kl. ${oh.start}`;
}
