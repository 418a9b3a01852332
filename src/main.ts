// The composition root: the only place that wires real adapters together. `npm start` runs this file.
import { readFileSync } from 'node:fs';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type restify from 'restify';
import { Directory, type AppDeps } from './app/context.js';
import { createBot } from './bot/app.js';
import { TeamsSender } from './bot/teamsSender.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { Calendar } from './domain/calendar.js';
import { ROUTES } from './http/routes.js';
import { createServer } from './http/server.js';
import { OutboxDrain } from './jobs/outboxDrain.js';
import { Scheduler, type SchedulerOptions } from './jobs/scheduler.js';
import { errorFields, log } from './log.js';
import { StoreFileError } from './store/durable-file.js';
import { openLowdbStore } from './store/lowdb-store.js';

const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export interface RunningBot {
  url: string;
  port: number;
  deps: AppDeps;
  drain: OutboxDrain;
  /** Morning lists, reminders, escalation (src/jobs/scheduler.ts); absent when turned off. */
  scheduler?: Scheduler;
  stop(): Promise<void>;
}

export interface StartOptions {
  now?: () => Date;
  /** Routes beside /api/messages; default: every feature route in src/http/routes.ts (intake API...). */
  routes?: ((server: restify.Server, deps: AppDeps) => void)[];
  drainOptions?: ConstructorParameters<typeof OutboxDrain>[2];
  /** The schedules: on by default; cron runs on the wall clock only (a test with `now` calls tick()). */
  scheduler?: Pick<SchedulerOptions, 'cron' | 'onClaimed'> | false;
}

export async function startBot(config: Config, opts: StartOptions = {}): Promise<RunningBot> {
  const store = await openLowdbStore(config.dataFile);
  const deps: AppDeps = {
    store,
    org: new Directory(config.org),
    rules: config.rules,
    calendar: new Calendar({ eveHolidaysAreNonWorking: config.org.eveHolidaysAreNonWorking }),
    now: opts.now ?? (() => new Date()),
    config: {
      ...(config.caseLinkTemplate ? { caseLinkTemplate: config.caseLinkTemplate } : {}),
      plannedLeaveHandoverDays: config.plannedLeaveHandoverDays,
      ...(config.summaryMaxChars !== undefined ? { summaryMaxChars: config.summaryMaxChars } : {}),
      ...(config.ingestApiKey ? { ingestApiKey: config.ingestApiKey } : {}),
    },
  };
  const creds = config.credentials;
  const adapter = creds
    ? new TeamsAdapter({
        MicrosoftAppId: creds.appId,
        MicrosoftAppPassword: creds.appPassword,
        MicrosoftAppType: creds.appType ?? 'MultiTenant',
        MicrosoftAppTenantId: creds.tenantId,
      })
    : new TeamsAdapter({});
  const appId = creds?.appId ?? '';
  adapter.onTurnError = async (ctx, err) => {
    // botbuilder's and teams-ai's messages quote the activity (a card's inputs): class and code only.
    log.error({ activityId: ctx.activity.id, type: ctx.activity.type, ...errorFields(err) }, 'turn failed');
  };
  const bot = createBot(deps, { adapter, appId });
  const drain = new OutboxDrain(deps, new TeamsSender(adapter, appId), opts.drainOptions);
  deps.onOutbox = () => drain.kick();
  const { server, idle } = createServer(deps, {
    adapter,
    bot,
    version: VERSION,
    authenticated: !!creds,
    routes: (opts.routes ?? ROUTES).map((r) => (s: restify.Server) => r(s, deps)),
  });
  await new Promise<void>((resolve) => server.listen(config.port, '0.0.0.0', resolve));
  const port = (server.address() as { port: number }).port;
  drain.start();
  const scheduler =
    opts.scheduler === false
      ? undefined
      : new Scheduler(deps, {
          morningListTime: config.morningListTime,
          ...(config.distributionTime ? { distributionTime: config.distributionTime } : {}),
          cron: opts.scheduler?.cron ?? !opts.now,
          ...(opts.scheduler?.onClaimed ? { onClaimed: opts.scheduler.onClaimed } : {}),
        });
  // Back after the morning run (`åter`): today's reminders go out then (src/jobs/reminderLedger.ts).
  if (scheduler) deps.onPresenceChanged = (staffId) => void scheduler.catchUpReminders(staffId);
  // The catch-up (today's list if the time has passed and nobody claimed it) finishes before the bot
  // counts as started, so nothing a first request does can race with it.
  await scheduler?.start();
  let stopping: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    drain,
    ...(scheduler ? { scheduler } : {}),
    stop() {
      stopping ??= (async () => {
        server.server.close(); // stop accepting
        await scheduler?.stop();
        await idle(); // finish requests in flight, and the writes they make
        await drain.stop();
        await store.close();
      })();
      return stopping;
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  let running: RunningBot;
  try {
    running = await startBot(config);
  } catch (err) {
    if (err instanceof StoreFileError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  log.info({ port: running.port, version: VERSION, org: config.orgFile, data: config.dataFile }, 'Ärendevakt started');
  if (!config.credentials)
    log.warn('Local mode: no MicrosoftAppId set, requests to /api/messages are NOT authenticated');
  if (!config.ingestApiKey) log.warn('Intake API disabled: INGEST_API_KEY is not set');
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down: finishing requests and writes');
    await running.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    log.fatal(errorFields(err), 'start failed');
    process.exit(1);
  });
}
