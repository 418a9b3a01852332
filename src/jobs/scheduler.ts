// The schedules: node-cron in Europe/Stockholm fires at the configured times, and a catch-up tick on
// start covers a bot that was down at that time. Every tick does the same idempotent thing: if today
// is a Swedish working day and the time has passed, each job of TODAY that has no claim yet is built,
// claimed and queued in one commit (src/jobs/claims.ts). So a list is posted once per group and day
// across restarts, crashes and several instances; yesterday's list is never posted today, and the
// outbox drain paces the sends to Teams' limits.
import cron, { type ScheduledTask } from 'node-cron';
import { absences, officeHoursOf, type AppDeps } from '../app/context.js';
import { GROUP_CHANNELS, type GroupChannel } from '../app/conversations.js';
import { enqueue } from '../outbox/messages.js';
import { buildDistributionView, distributionCardData, distributionKey } from '../app/distribution.js';
import { morningListData } from '../cards/morningList.js';
import { addDays, stockholmDate, stockholmTime, ZONE } from '../domain/time.js';
import { errorFields, log } from '../log.js';
import type { DocWrite } from '../store/port.js';
import {
  CLAIMS,
  claimAndEnqueue,
  distributionClaimId,
  escalationClaimId,
  lvuClaimId,
  hasClaim,
  morningClaimId,
  type Claim,
} from './claims.js';
import { buildEscalation, escalationCardData } from './escalation.js';
import { langOfStaff } from '../app/recipientLang.js';
import type { Lang } from '../cards/text/index.js';
import { runMonthlyStats } from './monthlyStats.js';
import { lvuWarnings, teamLeadLvuCards } from './lvuWarnings.js';
import {
  buildMorningList,
  deadlineMemo,
  DEFAULT_LIST_SETTINGS,
  listCases,
  type MorningListView,
} from './morningList.js';
import { openHandovers, runHandoverMorning } from '../app/handover.js';
import type { Group } from '../domain/schemas.js';
import { pruneLedger } from './reminderLedger.js';
import { pruneSnoozes } from './snooze.js';
import { runReminders, type ReminderRunInput } from './reminderRun.js';
import { runWatches } from './watches.js';
import { runGallring } from '../app/lifecycle.js';

export interface SchedulerOptions {
  /** HH:MM Swedish time (MORNING_LIST_TIME, default 07:45): group lists, reminders, escalation. */
  morningListTime: string;
  /** HH:MM (DISTRIBUTION_TIME): the distribution-meeting card in each group's channel. */
  distributionTime?: string;
  /** Run node-cron (off in tests, which call tick() with a fake clock). */
  cron?: boolean;
  /** Called after each claim is durable (tests use it to crash at exactly that point). */
  onClaimed?: (claimId: string) => void;
  /** Claims older than this many days are removed. */
  keepClaimsDays?: number;
  /**
   * GALLRING_AFTER_MONTHS: gallring once a working day, after the morning lists are queued (claim
   * `gallring:<date>`, so once across instances); unset: never (src/app/lifecycle.ts).
   */
  gallringAfterMonths?: number;
}

export interface TickReport {
  date: string;
  workingDay: boolean;
  /** Claims made by this tick (jobs queued now). */
  claimed: string[];
}

const cronAt = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return `${m} ${h} * * *`;
};

export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  private watchTask: ScheduledTask | null = null;
  private running: Promise<TickReport> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private started = false;
  private failing = false;

  constructor(
    private readonly deps: AppDeps,
    private readonly opts: SchedulerOptions,
  ) {}

  /** Cron at the configured times, plus a catch-up tick now (resolved when it is done; never rejects). */
  async start(): Promise<void> {
    this.stopped = false;
    if (this.opts.cron !== false) {
      const times = [this.opts.morningListTime, ...(this.opts.distributionTime ? [this.opts.distributionTime] : [])];
      for (const t of new Set(times))
        this.tasks.push(
          cron.schedule(cronAt(t), () => void this.safeTick(), { timezone: ZONE, name: `arendevakt-${t}` }),
        );
      // The watches that cannot wait for the morning (src/jobs/watches.ts): every minute, every day.
      this.watchTask = cron.schedule('* * * * *', () => void this.watch(), {
        timezone: ZONE,
        name: 'arendevakt-watch',
      });
    }
    log.info(
      {
        zone: ZONE,
        morningListTime: this.opts.morningListTime,
        distributionTime: this.opts.distributionTime,
        next: this.nextRuns().map((d) => d.toISOString()),
      },
      'schedules started (Swedish working days only)',
    );
    await this.safeTick();
    this.started = true;
  }

  /** For /readyz: started, not stopped, cron armed, and the last tick did not fail. */
  health(): { ok: boolean; reason?: string } {
    if (!this.started || this.stopped) return { ok: false, reason: 'scheduler_stopped' };
    if (this.opts.cron !== false && this.nextRuns().length === 0) return { ok: false, reason: 'scheduler_not_armed' };
    if (this.failing) return { ok: false, reason: 'scheduler_failing' };
    return { ok: true };
  }

  /** When cron fires next (empty when cron is off). */
  nextRuns(): Date[] {
    return this.tasks.map((t) => t.getNextRun()).filter((d): d is Date => d instanceof Date);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.tasks.splice(0)) await t.destroy();
    await this.watchTask?.destroy();
    this.watchTask = null;
    if (this.retry) clearTimeout(this.retry);
    while (this.running) await this.running.catch(() => undefined);
  }

  /** A tick that never throws: a failure is logged and retried in a minute (claims keep it once). */
  async safeTick(): Promise<TickReport | undefined> {
    try {
      const report = await this.tick();
      this.failing = false;
      return report;
    } catch (err) {
      this.failing = true;
      log.error(errorFields(err), 'scheduled tick failed; retrying in a minute');
      if (!this.stopped && !this.retry) {
        this.retry = setTimeout(() => {
          this.retry = null;
          void this.safeTick();
        }, 60_000);
        this.retry.unref();
      }
      return undefined;
    }
  }

  /**
   * The minute watches (immediate protection without a measure, "genast"), on every day, serialised
   * with the ticks; never throws. Returns the claims made.
   */
  async watch(): Promise<string[]> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.stopped) return [];
    let claimed: string[] = [];
    const go = async (): Promise<TickReport> => {
      const now = this.deps.now();
      claimed = await runWatches(this.deps, now);
      if (claimed.length) log.info({ claimed: claimed.length }, 'watches queued notices');
      return { date: stockholmDate(now), workingDay: this.deps.calendar.isWorkingDay(stockholmDate(now)), claimed };
    };
    this.running = go().finally(() => {
      this.running = null;
    });
    try {
      await this.running;
    } catch (err) {
      log.error(errorFields(err), 'watch failed; tried again next minute');
    }
    return claimed;
  }

  /** Run whatever is due today and not yet claimed. Ticks never overlap. */
  tick(): Promise<TickReport> {
    if (this.running) return this.running.then(() => this.tick());
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<TickReport> {
    await this.deps.store.refresh?.(); // what other instances claimed (src/store/port.ts)
    const now = this.deps.now();
    const today = stockholmDate(now);
    const report: TickReport = { date: today, workingDay: this.deps.calendar.isWorkingDay(today), claimed: [] };
    if (!report.workingDay || this.stopped) return report;
    const time = stockholmTime(now);
    if (time >= this.opts.morningListTime) await this.morning(now, today, report);
    if (time >= this.opts.morningListTime) await this.monthlyStats(now, today, report);
    if (this.opts.distributionTime && time >= this.opts.distributionTime) await this.distribution(now, today, report);
    if (report.claimed.length) {
      this.deps.onOutbox?.();
      log.info({ date: today, claimed: report.claimed.length }, 'scheduled jobs queued');
    }
    if (this.opts.gallringAfterMonths && time >= this.opts.morningListTime)
      await this.gallring(now, today, this.opts.gallringAfterMonths, report);
    await this.pruneClaims(today);
    await pruneLedger(this.deps.store, today, this.opts.keepClaimsDays ?? 14);
    await pruneSnoozes(this.deps.store, today, this.opts.keepClaimsDays ?? 14);
    return report;
  }

  /**
   * The day's gallring, after the lists went out. Claimed first: a crash before it ran leaves it to
   * tomorrow's, which removes the same cases (gallring is idempotent). Its failure is logged and
   * does not fail the tick.
   */
  private async gallring(now: Date, today: string, afterMonths: number, report: TickReport): Promise<void> {
    const id = `gallring:${today}`;
    if (hasClaim(this.deps.store, id)) return;
    await this.claim(report, id, now, []);
    if (!report.claimed.includes(id)) return;
    try {
      const r = await runGallring(this.deps.store, { afterMonths, now });
      log.info(
        { cases: r.plan.cases.length, docs: r.plan.docs.length, chainOk: r.verification?.ok, ms: Math.round(r.ms) },
        'gallring done',
      );
      if (r.verification && !r.verification.ok)
        log.error({ firstBadSeq: r.verification.firstBadSeq }, 'audit chain broken after gallring');
    } catch (err) {
      log.error(errorFields(err), 'gallring failed; tried again tomorrow');
    }
  }

  private async claim(report: TickReport, id: string, now: Date, messages: DocWrite[]): Promise<void> {
    if ((await claimAndEnqueue(this.deps.store, id, now, messages)) === 'claimed') {
      report.claimed.push(id);
      this.opts.onClaimed?.(id);
    }
  }

  private linkedGroups() {
    const linked = new Set(this.deps.store.listDocs<GroupChannel>(GROUP_CHANNELS).map((g) => g.groupId));
    return this.deps.org.org.groups.filter((g) => linked.has(g.id));
  }

  private async morning(now: Date, today: string, report: TickReport): Promise<void> {
    const { store, org, calendar, rules } = this.deps;
    const cases = listCases(store.allCases());
    const abs = absences(this.deps);
    // The absence feature's morning part first (start due checklists, escalate late handovers; it
    // keeps its own once-a-day claims), so the lists show today's handovers. Its failure must not
    // stop the lists.
    try {
      await runHandoverMorning(this.deps, now);
    } catch (err) {
      log.error(errorFields(err), 'handover morning failed');
    }
    const handovers = openHandovers(this.deps, now);
    const settings = { ...DEFAULT_LIST_SETTINGS, noContactDays: rules.noContactDays };
    const deadlines = deadlineMemo(rules);
    const views = new Map<string, MorningListView>();
    const viewOf = (group: Group) => {
      let v = views.get(group.id);
      if (!v)
        views.set(
          group.id,
          (v = buildMorningList({
            group,
            cases,
            staff: org.org.staff,
            absences: abs,
            handovers,
            now,
            calendar,
            rules,
            settings,
            deadlines,
            officeHours: officeHoursOf(this.deps),
          })),
        );
      return v;
    };
    // Group lists first: the drain sends in queue order, the channels before the 1:1 chats.
    for (const group of this.linkedGroups()) {
      const id = morningClaimId(group.id, today);
      if (hasClaim(store, id)) continue;
      const view = viewOf(group);
      await this.claim(report, id, now, [
        enqueue(
          now,
          { kind: 'group', groupId: group.id },
          { kind: 'card', template: 'morning-list', data: morningListData(view) },
        ),
      ]);
    }
    await this.reminders(now, today, report, { cases, absences: abs, deadlines });
    // LVU 7 § and 8 §: the team leads of the case's group are told two working days before.
    const warnings = lvuWarnings(cases, now, calendar, rules, deadlines).filter((w) => w.deadline.due >= today);
    for (const card of teamLeadLvuCards(warnings, org.org.staff, now, (id) => langOfStaff(this.deps, id))) {
      const id = lvuClaimId(card.staffId, today);
      if (hasClaim(store, id)) continue;
      await this.claim(report, id, now, [
        enqueue(now, { kind: 'user', staffId: card.staffId }, { kind: 'card', template: 'reminder', data: card.data }),
      ]);
    }
    const managers = org.unitManagers().filter((m) => !hasClaim(store, escalationClaimId(m.aadObjectId, today)));
    if (managers.length) {
      for (const g of org.org.groups) viewOf(g);
      // One card per language the unit managers read (src/app/recipientLang.ts).
      const built = new Map<Lang, object | undefined>();
      const dataIn = (lang: Lang) => {
        if (!built.has(lang)) {
          const view = buildEscalation({
            groups: org.org.groups,
            cases,
            staff: org.org.staff,
            now,
            calendar,
            rules,
            views,
            lang,
          });
          built.set(lang, view && escalationCardData(view));
        }
        return built.get(lang);
      };
      for (const m of managers) {
        const data = dataIn(langOfStaff(this.deps, m.aadObjectId));
        if (!data) continue;
        await this.claim(report, escalationClaimId(m.aadObjectId, today), now, [
          enqueue(now, { kind: 'user', staffId: m.aadObjectId }, { kind: 'card', template: 'escalation', data }),
        ]);
      }
    }
  }

  /** The unit manager's monthly statistics card (src/jobs/monthlyStats.ts); its failure never stops the lists. */
  private async monthlyStats(now: Date, today: string, report: TickReport): Promise<void> {
    try {
      await runMonthlyStats(this.deps, now, today, (id, messages) => this.claim(report, id, now, messages));
    } catch (err) {
      log.error(errorFields(err), 'monthly statistics failed');
    }
  }

  /** Today's personal reminders not yet claimed (src/jobs/reminderRun.ts). */
  private reminders(now: Date, today: string, report: TickReport, given: ReminderRunInput = {}): Promise<void> {
    return runReminders(this.deps, now, today, (id, messages) => this.claim(report, id, now, messages), given);
  }

  /**
   * Someone became present after this morning's run (`åter`): their reminders of today go out now,
   * once (the same claim as the morning's). Serialised with the ticks; never throws.
   */
  async catchUpReminders(staffId: string): Promise<void> {
    const go = async (): Promise<TickReport> => {
      const now = this.deps.now();
      const today = stockholmDate(now);
      const report: TickReport = { date: today, workingDay: this.deps.calendar.isWorkingDay(today), claimed: [] };
      if (!report.workingDay || this.stopped || stockholmTime(now) < this.opts.morningListTime) return report;
      await this.reminders(now, today, report, { only: new Set([staffId]) });
      if (report.claimed.length) {
        this.deps.onOutbox?.();
        log.info({ staffId, claimed: report.claimed.length }, 'reminders caught up after a return');
      }
      return report;
    };
    while (this.running) await this.running.catch(() => undefined);
    this.running = go().finally(() => {
      this.running = null;
    });
    try {
      await this.running;
    } catch (err) {
      log.error({ staffId, message: (err as Error).message }, 'reminder catch-up failed');
    }
  }

  private async distribution(now: Date, today: string, report: TickReport): Promise<void> {
    for (const group of this.linkedGroups()) {
      const id = distributionClaimId(group.id, today);
      if (hasClaim(this.deps.store, id)) continue;
      const view = buildDistributionView(this.deps, group.id);
      await this.claim(report, id, now, [
        enqueue(
          now,
          { kind: 'group', groupId: group.id },
          { kind: 'card', template: 'distribution', data: distributionCardData(view) },
          distributionKey(group.id, today),
        ),
      ]);
    }
  }

  private async pruneClaims(today: string): Promise<void> {
    const cutoff = addDays(today, -(this.opts.keepClaimsDays ?? 14));
    const old = this.deps.store.listDocs<Claim>(CLAIMS).filter((c) => stockholmDate(c.at) < cutoff);
    if (old.length)
      await this.deps.store.commit({ docs: old.map((c) => ({ collection: CLAIMS, id: c.id, value: null })) });
  }
}
