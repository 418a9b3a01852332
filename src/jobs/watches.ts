// The watches that cannot wait for the next morning, run every minute on every day (weekends too):
// - immediate protection without a protective measure PROTECTION_RENOTICE_MINUTES (2 h) after the
//   skyddsbedömning: the unit manager is told again, once (src/app/protection.ts);
// - "genast" (SoL 20 kap. 1 §): a report without skyddsbedömning GENAST_OFFICE_HOURS (3) office hours
//   after it arrived: the group's team leads are nudged in 1:1 and the channel card says so.
// Each is claimed once per case (src/jobs/claims.ts) in the same commit as its messages and its
// audit entry, so it is sent once across restarts and instances, and the timeline shows it.
import { alarmCardData, perLang, renoticeMinutes } from '../app/protection.js';
import { staffLangs } from '../app/recipientLang.js';
import { caseCardUpdates } from '../app/caseCardUpdates.js';
import { officeHoursOf, type AppDeps } from '../app/context.js';
import { enqueue } from '../outbox/messages.js';
import { ALARM_TEMPLATE } from '../views/protectionAlarm.js';
import { skyddsbedomningDue } from '../domain/deadlines.js';
import { addOfficeHours, DEFAULT_GENAST_OFFICE_HOURS } from '../domain/officeHours.js';
import { protectionState, renoticeAt } from '../domain/protection.js';
import type { Case } from '../domain/schemas.js';
import { formatDate, formatDateTime, stockholmYear } from '../domain/time.js';
import { joinAnd, texts, type Lang } from '../cards/text/index.js';
import { concernsText } from '../cards/labels.js';
import { CLAIMS, claimWrite, hasClaim } from './claims.js';

export const renoticeClaimId = (caseId: string) => `protection-renotice:${caseId}`;
export const genastClaimId = (caseId: string) => `genast:${caseId}`;
export const GENAST_TEMPLATE = 'genast-nudge';

/** A "genast" deadline passed longer ago than this is the morning list's, not a nudge's (an import of old cases). */
const GENAST_LOOKBACK_MS = 24 * 3_600_000;

export const genastOfficeHours = (deps: AppDeps) => deps.config.genastOfficeHours ?? DEFAULT_GENAST_OFFICE_HOURS;

/** When the team leads are nudged if the report still has no skyddsbedömning. */
export function genastDue(deps: AppDeps, c: Case): Date {
  return addOfficeHours(c.receivedAt, genastOfficeHours(deps), deps.calendar, officeHoursOf(deps));
}

/** When the nudge for this case went out, if it did (the case card says so). */
export async function genastNudgedAt(deps: AppDeps, caseId: string): Promise<string | undefined> {
  return (await deps.store.getDoc(CLAIMS, genastClaimId(caseId)))?.at;
}

/** Run every watch that is due now; returns the claims made. */
export async function runWatches(deps: AppDeps, now: Date): Promise<string[]> {
  const claimed: string[] = [];
  const minutes = renoticeMinutes(deps);
  const hours = genastOfficeHours(deps);
  for (const c of await deps.store.openCases()) {
    const state = protectionState(c);
    const at = renoticeAt(state, minutes);
    if (at && at <= now && !(await hasClaim(deps.store, renoticeClaimId(c.id)))) {
      if (await renotice(deps, c, now, minutes)) claimed.push(renoticeClaimId(c.id));
    }
    if (c.phase === 'skyddsbedomning' && !c.skyddsbedomning) {
      const due = genastDue(deps, c);
      if (
        due <= now &&
        now.getTime() - due.getTime() < GENAST_LOOKBACK_MS &&
        !(await hasClaim(deps.store, genastClaimId(c.id))) &&
        (await nudge(deps, c, now, hours))
      )
        claimed.push(genastClaimId(c.id));
    }
  }
  if (claimed.length) deps.onOutbox?.();
  return claimed;
}

/** The unit managers are told again (the team leads' alarm cards stay as they are). */
async function renotice(deps: AppDeps, c: Case, now: Date, minutes: number): Promise<boolean> {
  const to = deps.org.unitManagers().map((s) => s.aadObjectId);
  // Without a unit manager the group's team leads are told again instead: never nobody.
  const recipients = to.length ? to : deps.org.teamLeadsOf(c.groupId).map((s) => s.aadObjectId);
  const data = perLang((lang) => alarmCardData(deps, c, { renoticeAfterMinutes: minutes, lang }));
  const id = renoticeClaimId(c.id);
  const langOf = await staffLangs(deps, recipients);
  const r = await deps.store.commit({
    docs: [
      claimWrite(id, now, recipients.length),
      ...recipients.map((staffId) =>
        enqueue(
          now,
          { kind: 'user', staffId },
          { kind: 'card', template: ALARM_TEMPLATE, data: data(langOf(staffId)) },
        ),
      ),
    ],
    audit: [
      {
        at: now.toISOString(),
        actor: 'system',
        type: 'ProtectionRenoticeSent',
        caseId: c.id,
        data: { minutes, to: recipients },
      },
    ],
  });
  return r.ok;
}

/** The nudge's card in the team lead's language (src/cards/text/, `appNotices.genast`). */
export function genastNudgeData(deps: AppDeps, c: Case, now: Date, hours: number, lang: Lang = 'sv') {
  const all = texts(lang);
  const t = all.appNotices.genast;
  const year = stockholmYear(now);
  const received = formatDateTime(c.receivedAt, year, lang);
  return {
    caseId: c.id,
    // The reference first: at phone width the line breaks after it, never inside it.
    title: t.title(c.id),
    text: t.text(received, t.officeHours(hours)),
    facts: [
      { title: t.case, value: c.id },
      { title: t.group, value: deps.org.group(c.groupId)?.name ?? c.groupId },
      { title: t.concerns, value: concernsText(c.concerns, lang) },
      { title: t.received, value: received },
      {
        title: t.owner,
        value: c.assignees.length
          ? joinAnd(
              c.assignees.map((id) => deps.org.name(id, lang)),
              lang,
            )
          : all.unassigned,
      },
    ],
    concerns: concernsText(c.concerns, lang),
    received: formatDateTime(c.receivedAt, undefined, lang),
    skydd: t.by(formatDate(skyddsbedomningDue(c.receivedAt, deps.rules), year, lang)),
    // The template's own words (its buttons) in the reader's language too (src/cards/render.ts).
    lang,
  };
}

/** The group's team leads (else the unit manager) nudged, each in their own language, and the channel card marked. */
async function nudge(deps: AppDeps, c: Case, now: Date, hours: number): Promise<boolean> {
  const leads = deps.org.teamLeadsOf(c.groupId).map((s) => s.aadObjectId);
  const recipients = leads.length ? leads : deps.org.unitManagers().map((s) => s.aadObjectId);
  const data = perLang((lang) => genastNudgeData(deps, c, now, hours, lang));
  const id = genastClaimId(c.id);
  const langOf = await staffLangs(deps, recipients);
  const r = await deps.store.commit({
    docs: [
      claimWrite(id, now, recipients.length + 1),
      ...recipients.map((staffId) =>
        enqueue(
          now,
          { kind: 'user', staffId },
          { kind: 'card', template: GENAST_TEMPLATE, data: data(langOf(staffId)) },
        ),
      ),
      // The channel card is drawn again: it now says that the team leads were nudged.
      ...caseCardUpdates(now, c),
    ],
    audit: [
      {
        at: now.toISOString(),
        actor: 'system',
        type: 'GenastNudgeSent',
        caseId: c.id,
        data: { officeHours: hours, to: recipients },
      },
    ],
  });
  return r.ok;
}
