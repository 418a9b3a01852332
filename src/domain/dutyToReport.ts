// Who reports under the duty to report (SoL 2025:400 19 kap. 1–3 §§; docs/rules.md): their reports
// are "professional" (återkoppling on request, 19 kap. 6 §). SFS 2025:1501 widened the list from
// 2026-01-15; a report that came in before then from a body added by it was not under the duty.
import type { LocalDate, ReporterType } from './schemas.js';

/** Reporter types that are always under the duty to report. */
export const PROFESSIONAL_TYPES: ReadonlySet<ReporterType> = new Set([
  'preschool',
  'school',
  'police',
  'healthcare',
  'social_services',
]);

export const WIDENED_ON: LocalDate = '2026-01-15';

/** Names an export may use for bodies under the duty, with the day the duty began for them. */
export const DUTY_BODIES: Readonly<Record<string, { type: ReporterType; since?: LocalDate }>> = {
  familjerådgivning: { type: 'other' },
  familjerådgivningen: { type: 'other' },
  barnombudsmannen: { type: 'other' },
  kommun: { type: 'social_services' },
  region: { type: 'healthcare' },
  tandvård: { type: 'healthcare', since: WIDENED_ON },
  tandvården: { type: 'healthcare', since: WIDENED_ON },
  folktandvården: { type: 'healthcare', since: WIDENED_ON },
  arbetsförmedlingen: { type: 'other', since: WIDENED_ON },
  försäkringskassan: { type: 'other', since: WIDENED_ON },
  skatteverket: { type: 'other', since: WIDENED_ON },
  kriminalvården: { type: 'other', since: WIDENED_ON },
  migrationsverket: { type: 'other', since: WIDENED_ON },
  ordningsvakt: { type: 'other', since: WIDENED_ON },
  ordningsvakter: { type: 'other', since: WIDENED_ON },
};

/** Was a report from this named body (or type) made under the duty to report on that day? */
export function professionalByDefault(
  type: ReporterType,
  bodyName: string | undefined,
  receivedOn: LocalDate,
): boolean {
  const body = bodyName ? DUTY_BODIES[bodyName] : undefined;
  if (body) return !body.since || receivedOn >= body.since;
  return PROFESSIONAL_TYPES.has(type);
}
