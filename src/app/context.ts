// What every use case gets: the store, the organisation with its lookups, the rules, the calendar
// and the clock. Built once in main.ts (and in tests with a fixed clock).
import type { Calendar } from '../domain/calendar.js';
import type { DomainContext } from '../domain/commands.js';
import type { RuleTable } from '../domain/rules.js';
import type { Absence, Actor, Organisation, Staff } from '../domain/schemas.js';
import { type Store, collection } from '../store/port.js';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../domain/officeHours.js';
import { texts, type Lang } from '../cards/text/index.js';

export const ABSENCES = collection<Absence>('absences');

export interface AppConfig {
  caseLinkTemplate?: string;
  /** 'sv': every answer in Swedish, whatever the person's Teams language (LANGUAGE). */
  language?: 'auto' | 'sv';
  plannedLeaveHandoverDays?: number;
  /**
   * REPORT_SUMMARY_MAX_CHARS: the longest summary of an anmälan the bot takes in (default 2000);
   * 0 turns summaries off: none is stored, the form has no field (docs/privacy.md).
   */
  summaryMaxChars?: number;
  /** INGEST_API_KEY: the intake API's bearer key; none: the API answers 503. */
  ingestApiKey?: string;
  /** STATS_CONTINUATION_DAYS: a new investigation about the child within this many days continues the clock (docs/stats.md). */
  statsContinuationDays?: number;
  /** Per-key budgets of the intake API: writes and reads apart (INGEST_RATE_*, READ_RATE_*). */
  rateLimits?: {
    intake: { perMinute: number; burst: number };
    reads: { perMinute: number; burst: number };
  };
  /** PROTECTION_RENOTICE_MINUTES: the unit manager is told again after this long without a protective measure (120). */
  protectionRenoticeMinutes?: number;
  /** GENAST_OFFICE_HOURS: a report without skyddsbedömning after this many office hours nudges the team leads (3). */
  genastOfficeHours?: number;
}

export interface AppDeps {
  store: Store;
  org: Directory;
  rules: RuleTable;
  calendar: Calendar;
  now: () => Date;
  config: AppConfig;
  /** Called after a commit that queued outbox messages, so the sender can start at once. */
  onOutbox?: () => void;
  /** Called after a person's absence ended, so that today's reminders missed by the morning run go out. */
  onPresenceChanged?: (staffId: string) => void;
}

/** The organisation file with the lookups the use cases need; replaced in place when the file changes. */
export class Directory {
  private byId!: Map<string, Staff>;
  org!: Organisation;

  constructor(org: Organisation) {
    this.replace(org);
  }

  /** A new version of the organisation file (src/organisationFile.ts): every later lookup sees it. */
  replace(org: Organisation): void {
    this.org = org;
    this.byId = new Map(org.staff.map((s) => [s.aadObjectId, s]));
  }

  staff(id: string): Staff | undefined {
    return this.byId.get(id);
  }

  /** The person's name; the bot's own for a system actor, "okänd person" in the reader's language for anyone else. */
  name(id: string, lang: Lang = 'sv'): string {
    if (id.startsWith('system:')) return 'Ärendevakt';
    return this.byId.get(id)?.name ?? texts(lang).appNotices.unknownPerson;
  }

  actor(id: string | undefined): Actor | undefined {
    const s = id ? this.byId.get(id) : undefined;
    return s ? { id: s.aadObjectId, name: s.name, role: s.role, groups: s.groups } : undefined;
  }

  group(id: string) {
    return this.org.groups.find((g) => g.id === id);
  }

  caseworkersOf(groupId: string): Staff[] {
    return this.org.staff.filter((s) => s.role === 'caseworker' && s.groups.includes(groupId));
  }

  teamLeadsOf(groupId: string): Staff[] {
    return this.org.staff.filter((s) => s.role === 'team_lead' && s.groups.includes(groupId));
  }

  unitManagers(): Staff[] {
    return this.org.staff.filter((s) => s.role === 'unit_manager');
  }

  membersOf(groupId: string): Staff[] {
    return this.org.staff.filter((s) => s.groups.includes(groupId) || s.role === 'unit_manager');
  }
}

/** The organisation's office hours (default weekdays 08:00–16:00 on Swedish working days). */
export function officeHoursOf(deps: AppDeps): OfficeHours {
  return deps.org.org.officeHours ?? DEFAULT_OFFICE_HOURS;
}

export async function absences(deps: AppDeps): Promise<Absence[]> {
  return await deps.store.listDocs(ABSENCES);
}

export async function domainContext(deps: AppDeps): Promise<DomainContext> {
  return { org: deps.org.org, rules: deps.rules, calendar: deps.calendar, absences: await absences(deps) };
}

export function caseLink(deps: AppDeps, caseId: string): string | undefined {
  const t = deps.config.caseLinkTemplate;
  return t ? t.replace('{externalId}', encodeURIComponent(caseId)) : undefined;
}
