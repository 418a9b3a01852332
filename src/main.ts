// The composition root: the only place that wires real adapters together. `npm start` runs this file.
import { bindConfiguredChannels } from './app/configuredChannels.js';
import { readFileSync } from 'node:fs';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type restify from 'restify';
import { Directory, type AppDeps } from './app/context.js';
import { CONVERSATIONS, MEMBERS, userKey } from './app/conversations.js';
import { createBot } from './bot/app.js';
import { TeamsSender } from './bot/teamsSender.js';
import { GraphInstaller } from './bot/graphInstall.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { Calendar } from './domain/calendar.js';
import { ROUTES } from './http/routes.js';
import { WriteProbe, type Readiness } from './http/health.js';
import { createServer } from './http/server.js';
import { OutboxDrain } from './outbox/drain.js';
import { Scheduler, type SchedulerOptions } from './jobs/scheduler.js';
import { errorFields, log } from './log.js';
import { watchOrganisation } from './organisationFile.js';
import { StoreFileError } from './store/durableFile.js';
import { openStore } from './store/open.js';
import { redactUrl } from './store/redactUrl.js';

/** docker stop waits 10 s before SIGKILL; App Service similar. Finish before that. */
const SHUTDOWN_DEADLINE_MS = 8_000;
const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export interface RunningBot {
  url: string;
  port: number;
  host: string;
  /** starting → ready → stopping: what /readyz answers. */
  readiness: Readiness;
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
  const store = await openStore(config);
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
      ...(config.statsContinuationDays !== undefined ? { statsContinuationDays: config.statsContinuationDays } : {}),
      ...(config.ingestApiKey ? { ingestApiKey: config.ingestApiKey } : {}),
      ...(config.rateLimits ? { rateLimits: config.rateLimits } : {}),
      ...(config.protectionRenoticeMinutes ? { protectionRenoticeMinutes: config.protectionRenoticeMinutes } : {}),
      ...(config.genastOfficeHours ? { genastOfficeHours: config.genastOfficeHours } : {}),
      ...(config.language ? { language: config.language } : {}),
    },
  };
  const creds = config.credentials;
  const adapter = creds
    ? new TeamsAdapter({
        MicrosoftAppId: creds.appId,
        MicrosoftAppPassword: creds.appPassword,
        MicrosoftAppType: creds.appType,
        MicrosoftAppTenantId: creds.tenantId,
      })
    : new TeamsAdapter({});
  const appId = creds?.appId ?? '';
  adapter.onTurnError = async (ctx, err) => {
    // botbuilder's and teams-ai's messages quote the activity (a card's inputs): class and code only.
    log.error({ activityId: ctx.activity.id, type: ctx.activity.type, ...errorFields(err) }, 'turn failed');
  };
  const bot = createBot(deps, { adapter, appId });
  const drain = new OutboxDrain(
    deps,
    new TeamsSender(adapter, appId, config.graph && new GraphInstaller(config.graph)),
    {
      ...(config.outbox ?? {}),
      ...opts.drainOptions,
    },
  );
  deps.onOutbox = () => drain.kick();
  store.onRemoteCommit?.(() => drain.kick());
  const readiness: Readiness = {
    phase: 'starting',
    parts: [
      {
        name: 'outbox',
        health: async () => {
          const h = await drain.health();
          return h.ok ? h : { ok: false, reason: 'outbox_not_draining', count: h.due };
        },
      },
    ],
  };
  const { server, idle } = createServer(deps, {
    adapter,
    bot,
    version: VERSION,
    authenticated: !!creds,
    routes: (opts.routes ?? ROUTES).map((r) => (s: restify.Server) => r(s, deps)),
    health: { readiness, probe: new WriteProbe(deps) },
  });
  const host = config.host ?? '127.0.0.1';
  try {
    await listen(server, config.port, host);
  } catch (err) {
    await store.close();
    throw err;
  }
  const port = (server.address() as { port: number }).port;
  drain.start();
  const scheduler =
    opts.scheduler === false
      ? undefined
      : new Scheduler(deps, {
          morningListTime: config.morningListTime,
          ...(config.distributionTime ? { distributionTime: config.distributionTime } : {}),
          ...(config.gallringAfterMonths ? { gallringAfterMonths: config.gallringAfterMonths } : {}),
          cron: opts.scheduler?.cron ?? !opts.now,
          ...(opts.scheduler?.onClaimed ? { onClaimed: opts.scheduler.onClaimed } : {}),
        });
  // Back after the morning run (`åter`): today's reminders go out then (src/jobs/reminderLedger.ts).
  if (scheduler) deps.onPresenceChanged = (staffId) => void scheduler.catchUpReminders(staffId);
  // The catch-up (today's list if the time has passed and nobody claimed it) finishes before the bot
  // counts as started, so nothing a first request does can race with it.
  await scheduler?.start();
  if (scheduler) readiness.parts.push({ name: 'scheduler', health: () => scheduler.health() });
  readiness.phase = 'ready';
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`,
    port,
    host,
    readiness,
    deps,
    drain,
    ...(scheduler ? { scheduler } : {}),
    stop() {
      stopping ??= (async () => {
        readiness.phase = 'stopping';
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

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`Porten ${port} på ${host} används redan av ett annat program: stoppa det eller välj en annan med PORT.`);
    this.name = 'PortInUseError';
  }
}

function listen(server: restify.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, host) : err);
    // restify re-emits the http server's 'error' on itself; unhandled there it is a raw stack trace.
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
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
    if (err instanceof StoreFileError || err instanceof PortInUseError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const orgWatch = watchOrganisation(
    config.orgFile,
    (org) => {
      running.deps.org.replace(org);
      running.deps.calendar = new Calendar({ eveHolidaysAreNonWorking: org.eveHolidaysAreNonWorking });
      // A channel the file names (or now names differently) for a team already seen is bound at once.
      void bindConfiguredChannels(running.deps).catch((err) =>
        log.warn(errorFields(err), 'configured channels not bound'),
      );
    },
    log,
  );
  // The file may name channels differently than when the bot last ran: bound now for teams already seen.
  void bindConfiguredChannels(running.deps).catch((err) => log.warn(errorFields(err), 'configured channels not bound'));
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down: finishing requests and writes');
    orgWatch.close();
    // A request or write that does not finish within the deadline is not waited for forever.
    setTimeout(() => {
      log.error({ signal }, 'shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await running.stop();
    log.info('stopped');
    process.exit(0);
  };
  // Before the start-up line: whoever waits for it (a test, an orchestrator) may signal at once.
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // A failure no caller caught (a disk that ran full under a background job) is logged, not fatal:
  // a bot that exits while the disk is full only restarts into the same disk.
  process.on('unhandledRejection', (err) => log.error(errorFields(err), 'unhandled failure; still running'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGHUP', () => {
    log.info({ signal: 'SIGHUP' }, 'Organisationsfilen läses om (SIGHUP)');
    orgWatch.reload();
  });
  log.info(
    {
      host: running.host,
      port: running.port,
      version: VERSION,
      org: config.orgFile,
      data: config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataFile,
    },
    'Ärendevakt started',
  );
  if (!config.credentials)
    log.warn(
      { host: running.host },
      running.host === '127.0.0.1'
        ? 'Local mode: no MicrosoftAppId set, requests to /api/messages are NOT authenticated; listening on 127.0.0.1 only (set HOST to change)'
        : `Local mode: no MicrosoftAppId set, requests to /api/messages are NOT authenticated, and HOST=${running.host} lets others reach them`,
    );
  if (!config.ingestApiKey) log.warn('Intake API disabled: INGEST_API_KEY is not set');
  await logWhoCannotBeReached(running.deps, !!config.graph);
}

/**
 * Nothing dangerous passes silently: the start-up log says when reports out of hours have nobody to
 * go to, and which team leads and unit managers the bot cannot reach in a 1:1 chat yet (ids only).
 */
export async function logWhoCannotBeReached(deps: AppDeps, graph = false): Promise<void> {
  if (!deps.org.org.groups.some((g) => g.kind === 'out_of_hours'))
    log.warn(
      'No out-of-hours group (kind out_of_hours, the socialjour) in the organisation file: reports outside office hours reach nobody until the next working morning',
    );
  const unreachable: { aadObjectId: string; role: string }[] = [];
  for (const s of deps.org.org.staff) {
    if (s.role === 'caseworker') continue;
    if (await deps.store.getDoc(CONVERSATIONS, userKey(s.aadObjectId))) continue;
    if (await deps.store.getDoc(MEMBERS, s.aadObjectId)) continue;
    unreachable.push({ aadObjectId: s.aadObjectId, role: s.role });
  }
  if (unreachable.length)
    log.warn(
      { unreachable },
      graph
        ? `${unreachable.length} team leads or unit managers have no 1:1 chat with the bot yet and are in no team roster it knows: the app will be installed for them through Microsoft Graph with their first card (if Graph refuses, the card is reported as undeliverable)`
        : `${unreachable.length} team leads or unit managers cannot be reached in a 1:1 chat yet (no chat with the bot, in no team roster it knows; Microsoft Graph installation is off): their alarms are reported as undeliverable until they are`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    log.fatal(errorFields(err), 'start failed');
    process.exit(1);
  });
}
