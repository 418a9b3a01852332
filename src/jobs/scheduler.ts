// The schedules: node-cron in Europe/Stockholm fires at the configured times, and a catch-up tick on
// start covers a bot that was down at that time. Every tick does the same idempotent thing: if today
// is a Swedish working day and the time has passed, each job of TODAY that has no claim yet is built,
// claimed and queued in one commit (src/jobs/claims.ts). So a list is posted once per group and day
// across restarts, crashes and several instances; yesterday's list is never posted today, and the
// outbox drain paces the sends to Teams' limits.
import cron, { type ScheduledTask } from 'node-cron';
import type { AppDeps } from '../app/context.js';
import { runGallring } from '../app/gallring.js';
import { addDays, stockholmDate, stockholmTime, ZONE } from '../domain/time.js';
import { errorFields, log } from '../log.js';
import { type DocWrite, docWrite } from '../store/port.js';
import { CLAIMS, claimAndEnqueue, hasClaim } from './claims.js';
import { runMonthlyStats } from './monthlyStats.js';
import { runDistribution, runMorning, type Claim } from './morningRun.js';
import { pruneLedger } from './reminderLedger.js';
import { runReminders, type ReminderRunInput } from './reminderRun.js';
import { pruneSnoozes } from '../app/snooze.js';
import { runWatches } from './watches.js';

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
   * `gallring:<date>`, so once across instances); unset: never (src/app/gallring.ts).
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
    if (time >= this.opts.morningListTime) await runMorning(this.deps, now, today, this.claimer(report, now));
    if (time >= this.opts.morningListTime) await this.monthlyStats(now, today, report);
    if (this.opts.distributionTime && time >= this.opts.distributionTime)
      await runDistribution(this.deps, now, today, this.claimer(report, now));
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
    if (await hasClaim(this.deps.store, id)) return;
    await this.claim(report, id, now, []);
    if (!report.claimed.includes(id)) return;
    try {
      const r = await runGallring(this.deps.store, { afterMonths, now });
      if (r.gaveUp) {
        log.warn({ attempts: r.attempts }, 'gallring gave up: cases changed under every attempt; tried again tomorrow');
        return;
      }
      log.info(
        {
          cases: r.plan.cases.length,
          docs: r.plan.docs.length,
          linksRemoved: r.plan.unlinked.length,
          alreadyDone: r.alreadyDone ?? false,
          chainOk: r.verification?.ok,
          ms: Math.round(r.ms),
        },
        'gallring done',
      );
      if (r.verification && !r.verification.ok)
        log.error({ firstBadSeq: r.verification.firstBadSeq }, 'audit chain broken after gallring');
    } catch (err) {
      log.error(errorFields(err), 'gallring failed; tried again tomorrow');
    }
  }

  private claimer(report: TickReport, now: Date): Claim {
    return (id, messages) => this.claim(report, id, now, messages);
  }

  private async claim(report: TickReport, id: string, now: Date, messages: DocWrite[]): Promise<void> {
    if ((await claimAndEnqueue(this.deps.store, id, now, messages)) === 'claimed') {
      report.claimed.push(id);
      this.opts.onClaimed?.(id);
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

  private async pruneClaims(today: string): Promise<void> {
    const cutoff = addDays(today, -(this.opts.keepClaimsDays ?? 14));
    const old = (await this.deps.store.listDocs(CLAIMS)).filter((c) => stockholmDate(c.at) < cutoff);
    if (old.length) await this.deps.store.commit({ docs: old.map((c) => docWrite(CLAIMS, c.id, null)) });
  }
}
