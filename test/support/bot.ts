// Start the real server (restify + teams-ai + lowdb in a temp dir) against a Bot Connector stand-in,
// and talk to it like Teams does. Reused by every e2e test: features add their own steps on top.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from '../../src/app/context.js';
import { executeCaseCommand, type CaseResult } from '../../src/app/executeCaseCommand.js';
import { loadOrganisation, type Config } from '../../src/config.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { Organisation, ReportInput, Staff } from '../../src/domain/schemas.js';
import { startBot, type RunningBot, type StartOptions } from '../../src/main.js';
import { ConnectorStandIn } from './connector.js';
import { databaseForDataFile } from './postgres.js';
import * as teams from './teams.js';
import { INTAKE_ACTOR, report } from './synthetic.js';

export const EXAMPLE_ORG: Organisation = loadOrganisation(
  join(import.meta.dirname, '../../data/organisation.example.json'),
);

/** People of the example organisation by first name, lower case (anna, bo, karin, lars...). */
export function person(org: Organisation, firstName: string): Staff {
  const s = org.staff.find((x) => x.name.split(' ')[0].toLowerCase() === firstName.toLowerCase());
  if (!s) throw new Error(`no staff member named ${firstName}`);
  return s;
}

export type From = Staff | { aadObjectId: string; name: string };

export interface TestBot {
  url: string;
  connector: ConnectorStandIn;
  deps: AppDeps;
  running: RunningBot;
  org: Organisation;
  dataFile: string;
  /** Staff of the organisation by first name. */
  who(firstName: string): Staff;
  /** POST a message activity; resolves with the replies the bot posted to the connector for it. */
  sendMessage(
    from: From,
    text: string,
    where?: teams.Where,
    opts?: { mentions?: Staff[]; tenant?: string },
  ): Promise<{ status: number; replies: ReturnType<ConnectorStandIn['cards']> }>;
  /** POST an Action.Execute invoke; resolves with the HTTP status and the invoke response body. */
  invoke(
    from: From,
    verb: string,
    data: Record<string, unknown>,
    where?: teams.Where,
  ): Promise<{ status: number; body: InvokeBody }>;
  /** POST any activity. */
  post(activity: object): Promise<{ status: number; body: unknown }>;
  /** Register an anmälan through the use case (queues the channel card). */
  registerReport(over?: Partial<ReportInput>): Promise<CaseResult>;
  /** Wait until the outbox has nothing left to send now. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

export interface InvokeBody {
  statusCode: number;
  type: string;
  value: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface TestBotOptions {
  /** Replaces fields of the example organisation (e.g. staff or groups). */
  orgOverrides?: Partial<Organisation>;
  now?: () => Date;
  caseLinkTemplate?: string;
  /** Reuse a data file (restart tests). */
  dataFile?: string;
  drainOptions?: StartOptions['drainOptions'];
  routes?: StartOptions['routes'];
  /** INGEST_API_KEY: turns on the intake and read API. */
  ingestApiKey?: string;
  /** More configuration, given the connector stand-in (e.g. Microsoft Graph pointed at a stand-in). */
  config?: (connector: ConnectorStandIn) => Partial<Config>;
  /**
   * The schedules. Default: with `now`, on without cron (the test calls tick()); without `now`, off,
   * so that a test on the wall clock never gets what the date happens to schedule (the monthly
   * statistics in a month's first week, a morning list after 07:45).
   */
  scheduler?: StartOptions['scheduler'];
}

export { INTAKE_ACTOR, report } from './synthetic.js';

export async function startTestBot(opts: TestBotOptions = {}): Promise<TestBot> {
  const connector = await new ConnectorStandIn().start();
  const dir = opts.dataFile ? undefined : mkdtempSync(join(tmpdir(), 'arendevakt-e2e-'));
  const dataFile = opts.dataFile ?? join(dir!, 'db.json');
  const org: Organisation = { ...EXAMPLE_ORG, ...opts.orgOverrides };
  // The team's roster as the connector reports it on install: everyone in the organisation file.
  connector.roster = org.staff.map((s) => ({ id: teams.teamsId(s), name: s.name, aadObjectId: s.aadObjectId }));
  const config: Config = {
    port: 0,
    dataFile,
    // TEST_STORE=postgres: the same suite on PostgreSQL (.ci/run runs it once).
    ...(process.env.TEST_STORE === 'postgres' ? { databaseUrl: await databaseForDataFile(dataFile) } : {}),
    orgFile: 'test',
    org,
    rules: DEFAULT_RULES,
    ...(opts.caseLinkTemplate ? { caseLinkTemplate: opts.caseLinkTemplate } : {}),
    ...(opts.ingestApiKey ? { ingestApiKey: opts.ingestApiKey } : {}),
    production: false,
    morningListTime: '07:45',
    plannedLeaveHandoverDays: 3,
    logLevel: 'silent',
    ...opts.config?.(connector),
  };
  const running = await startBot(config, {
    ...(opts.now ? { now: opts.now } : {}),
    scheduler: opts.scheduler ?? (opts.now ? {} : false),
    drainOptions: { backoffBaseMs: 20, ...opts.drainOptions },
    ...(opts.routes ? { routes: opts.routes } : {}),
  });
  const url = running.url;

  async function post(activity: object): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }

  const bot: TestBot = {
    url,
    connector,
    deps: running.deps,
    running,
    org,
    dataFile,
    who: (name) => person(org, name),
    async sendMessage(from, text, where = teams.personal, mopts = {}) {
      const activity = teams.message(connector.url, from, text, where, mopts);
      const r = await post(activity);
      return { status: r.status, replies: connector.cards((c) => c.kind === 'reply' && c.activityId === activity.id) };
    },
    async invoke(from, verb, data, where = teams.channel()) {
      const r = await post(teams.invoke(connector.url, from, verb, data, where));
      return { status: r.status, body: r.body as InvokeBody };
    },
    post,
    registerReport(over = {}) {
      const r = report(over);
      return executeCaseCommand(running.deps, {
        caseId: r.externalId,
        expectedVersion: null,
        actor: INTAKE_ACTOR,
        intent: { type: 'registerReport', report: r },
      });
    },
    drained: () => running.drain.idle(),
    async stop() {
      await running.stop();
      await connector.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return bot;
}

/** Install the bot in the team and link `channelId` to `groupId` as the team lead. */
export async function installAndConnect(
  bot: TestBot,
  lead: Staff,
  groupId = 'barn-mottagning',
  channelId = '19:mottagning@thread.tacv2',
): Promise<void> {
  const r = await bot.post(teams.botAddedToTeam(bot.connector.url, lead));
  if (r.status !== 200) throw new Error(`install answered ${r.status}`);
  const k = await bot.sendMessage(lead, `koppla ${groupId}`, teams.channel(channelId));
  if (k.status !== 200) throw new Error(`koppla answered ${k.status}`);
}

/** Every text in a card, flattened, for assertions that read like what a person sees. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'text' || k === 'title' || k === 'value' || k === 'label') && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/** The Action.Execute verbs a card offers (including inside Action.ShowCard). */
export function cardVerbs(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.verb === 'string') out.push(o.verb);
      for (const [k, x] of Object.entries(o)) if (k !== 'refresh') walk(x);
    }
  };
  walk(card);
  return out;
}

export { teams };
