// What the watches have said about a case, as lines for its card (src/cards/caseCard.ts
// `watchLines`): the "genast" nudge while the skyddsbedömning is still missing, and a report that
// came in out of hours. Read from the watches' own claims, so the card says what was sent.
import type { Case } from '../domain/schemas.js';
import { formatSwedishDate, stockholmDate, stockholmTime } from '../domain/time.js';
import { genastNudgedAt, genastOfficeHours } from '../jobs/watches.js';
import { isOfficeTime } from '../domain/officeHours.js';
import { officeHoursOf, type AppDeps } from './context.js';

export function watchLinesFor(deps: AppDeps, c: Case): { text: string; color: string }[] {
  const out: { text: string; color: string }[] = [];
  const year = Number(stockholmDate(deps.now()).slice(0, 4));
  const when = (iso: string) => `${formatSwedishDate(stockholmDate(iso), year)} kl. ${stockholmTime(iso)}`;
  if (!isOfficeTime(c.receivedAt, deps.calendar, officeHoursOf(deps)))
    out.push({
      text: `Kom in utanför kontorstid (${when(c.receivedAt)})${c.skyddsbedomning ? '' : ': socialjouren gör skyddsbedömningen tills kontorstiden börjar'}.`,
      color: c.skyddsbedomning ? 'Default' : 'Warning',
    });
  const nudged = !c.skyddsbedomning && c.phase !== 'closed' ? genastNudgedAt(deps, c.id) : undefined;
  if (nudged) {
    const h = genastOfficeHours(deps);
    out.push({
      text: `Skyddsbedömningen är inte gjord ${h === 1 ? '1 kontorstimme' : `${h} kontorstimmar`} efter anmälan: gruppledarna påmindes ${when(nudged)}.`,
      color: 'Attention',
    });
  }
  return out;
}
