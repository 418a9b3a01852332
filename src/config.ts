// Configuration: the environment and the organisation file, parsed by zod and failing loudly with a
// message that names the variable or the field.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RULES, parseRuleTable, type RuleTable } from './domain/rules.js';
import type { Organisation } from './domain/schemas.js';
import { readOrganisationFile } from './organisationFile.js';
import { formatPath, swedishIssues } from './swedishIssues.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid som HH:MM, t.ex. 07:45');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const Guid = z.string().trim().regex(GUID, 'ska vara ett GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)');

/** NODE_ENV as people write it: ' Production ' is production. The one place that reads it. */
export function isProduction(nodeEnv: string | undefined): boolean {
  return (nodeEnv ?? '').trim().toLowerCase() === 'production';
}

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).optional(),
  DATA_FILE: z.string().min(1).default('data/db.json'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL ska börja med postgres:// (PostgreSQL)')
    .optional(),
  ORG_FILE: z.string().min(1).optional(),
  RULES_FILE: z.string().min(1).optional(),
  INGEST_API_KEY: z.string().min(16, 'INGEST_API_KEY ska vara minst 16 tecken').optional(),
  CASE_LINK_TEMPLATE: z
    .string()
    .url()
    .refine((s) => s.includes('{externalId}'), 'CASE_LINK_TEMPLATE måste innehålla {externalId}')
    .optional(),
  MicrosoftAppId: Guid.optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppType: z.enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant']).default('SingleTenant'),
  MicrosoftAppTenantId: Guid.optional(),
  NODE_ENV: z.string().optional(),
  MORNING_LIST_TIME: HHMM.default('07:45'),
  DISTRIBUTION_TIME: HHMM.optional(),
  NO_CONTACT_DAYS: z.coerce.number().int().positive().max(365).optional(),
  REPORT_SUMMARY_MAX_CHARS: z.coerce.number().int().min(0).max(2000).default(2000),
  PROTECTION_RENOTICE_MINUTES: z.coerce.number().int().min(5).max(1440).default(120),
  GENAST_OFFICE_HOURS: z.coerce.number().min(0.5).max(24).default(3),
  PLANNED_LEAVE_HANDOVER_DAYS: z.coerce.number().int().min(0).max(20).default(3),
  STATS_CONTINUATION_DAYS: z.coerce.number().int().min(0).max(365).optional(),
  // Gallring (docs/privacy.md): closed cases whose closing is older than this many months are removed.
  GALLRING_AFTER_MONTHS: z.coerce.number().int().min(1).max(1200).optional(),
  // Reaching people outside every known roster by installing the app for them (src/bot/graphInstall.ts).
  GRAPH_INSTALL: z.enum(['on', 'off']).default('on'),
  GRAPH_BASE_URL: z.url().optional(),
  GRAPH_TOKEN_URL: z.url().optional(),
  TEAMS_APP_CATALOG_ID: z.string().min(1).max(200).optional(),
  TEAMS_SERVICE_URL: z.url().default('https://smba.trafficmanager.net/teams/'),
  OUTBOX_SEND_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(20_000),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  OUTBOX_DEAD_LETTER_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 14)
    .default(24),
  INGEST_RATE_PER_MINUTE: z.coerce.number().int().positive().max(100_000).default(600),
  INGEST_RATE_BURST: z.coerce.number().int().positive().max(100_000).default(300),
  READ_RATE_PER_MINUTE: z.coerce.number().int().positive().max(100_000).default(600),
  READ_RATE_BURST: z.coerce.number().int().positive().max(100_000).default(120),
  // auto: English for a user whose Teams is in English (the activity's locale), else Swedish; sv: always Swedish.
  LANGUAGE: z.enum(['auto', 'sv']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppType = 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';

/** Microsoft Graph app installation (src/bot/graphInstall.ts, docs/deploy.md). */
export interface GraphConfig {
  /** GRAPH_BASE_URL: https://graph.microsoft.com/v1.0 unless a test stands in for it. */
  baseUrl: string;
  /** GRAPH_TOKEN_URL: the tenant's token endpoint (client credentials). */
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  /** The manifest id of the app (its externalId in the organisation's app catalogue). */
  manifestId: string;
  /** TEAMS_APP_CATALOG_ID: the catalogue id, when known; otherwise looked up by manifest id. */
  catalogAppId?: string;
  /** Where the bot posts into the new chat (TEAMS_SERVICE_URL). */
  serviceUrl: string;
  tenantId: string;
  /** Per Graph call. */
  timeoutMs?: number;
}

export interface Config {
  port: number;
  /** HOST; default 127.0.0.1 in local mode (unauthenticated: never on the network), else 0.0.0.0. */
  host?: string;
  dataFile: string;
  /** DATABASE_URL: PostgreSQL (several instances); the embedded store in dataFile when absent. */
  databaseUrl?: string;
  orgFile: string;
  org: Organisation;
  rules: RuleTable;
  ingestApiKey?: string;
  caseLinkTemplate?: string;
  credentials?: { appId: string; appPassword?: string; appType: AppType; tenantId?: string };
  production: boolean;
  morningListTime: string;
  distributionTime?: string;
  plannedLeaveHandoverDays: number;
  /** The longest summary taken in; 0: summaries off. Default 2000. */
  summaryMaxChars?: number;
  statsContinuationDays?: number;
  /** GALLRING_AFTER_MONTHS: closed cases older than this are removed by `npm run gallring`; unset: no gallring. */
  gallringAfterMonths?: number;
  /** Minutes after an immediate-protection alarm without a protective measure before the unit manager is told again. */
  protectionRenoticeMinutes?: number;
  /** Office hours a report may wait for its skyddsbedömning before the team leads are nudged. */
  genastOfficeHours?: number;
  logLevel: string;
  /** LANGUAGE: 'sv' answers everyone in Swedish whatever their Teams language (docs/cards.md). */
  language?: 'auto' | 'sv';
  /** The outbox's deadline per send and how long a failing send is retried before it is a dead letter. */
  /** Microsoft Graph app installation for people the bot cannot reach otherwise (docs/deploy.md). */
  graph?: GraphConfig;
  outbox?: { sendTimeoutMs: number; deadLetterAfterMs: number; concurrency: number };
  /** The intake API's budgets per key: writes (POST /api/reports) and reads (GET /api/cases...) apart. */
  rateLimits?: { intake: { perMinute: number; burst: number }; reads: { perMinute: number; burst: number } };
}

const EXAMPLE_ORG = 'data/organisation.example.json';

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${what} ${file} kan inte läsas: ${(err as NodeJS.ErrnoException).code}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${what} ${file} är inte giltig JSON: ${(err as Error).message}`);
  }
}

export function loadOrganisation(file: string): Organisation {
  const result = readOrganisationFile(file);
  if (!result.ok) throw new ConfigError(`Organisationsfilen ${file} är felaktig:\n  ${result.errors.join('\n  ')}`);
  return result.org;
}

export function loadRules(file: string | undefined, noContactDays?: number): RuleTable {
  let rules = DEFAULT_RULES;
  if (file) {
    // A lawyer's replacement table (docs/rules.md): a bad row stops the start with the field named.
    const parsed = parseRuleTable(readJson(file, 'Regeltabellen'));
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${formatPath(i.path) || '(roten)'}: ${i.message}`);
      throw new ConfigError(`Regeltabellen ${file} är felaktig:\n${lines.join('\n')}`);
    }
    rules = parsed.data;
  }
  return noContactDays ? { ...rules, noContactDays } : rules;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // `MicrosoftAppId=` (empty, as in a .env template) means not set.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = Env.safeParse(given, { error: swedishIssues });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    throw new ConfigError(`Miljövariablerna är felaktiga:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const orgFile = resolve(
    cwd,
    e.ORG_FILE ?? (existsSync(resolve(cwd, 'data/organisation.json')) ? 'data/organisation.json' : EXAMPLE_ORG),
  );
  const production = isProduction(e.NODE_ENV);
  const org = loadOrganisation(orgFile);
  const credentials = e.MicrosoftAppId ? checkCredentials(e, org) : undefined;
  if (production && !credentials) {
    throw new ConfigError(
      'NODE_ENV=production kräver MicrosoftAppId och MicrosoftAppPassword (eller MicrosoftAppType=UserAssignedMSI): boten startar inte utan autentisering i produktion.',
    );
  }
  if (production && org.tenantId === NIL_GUID)
    throw new ConfigError(
      `Organisationsfilen ${orgFile}: tenantId är exemplets ${NIL_GUID}; ange kommunens katalog-id i Entra.`,
    );
  return {
    port: e.PORT,
    host: e.HOST ?? (credentials ? '0.0.0.0' : '127.0.0.1'),
    dataFile: resolve(cwd, e.DATA_FILE),
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    orgFile,
    org,
    rules: loadRules(e.RULES_FILE ? resolve(cwd, e.RULES_FILE) : undefined, e.NO_CONTACT_DAYS),
    ...(e.INGEST_API_KEY ? { ingestApiKey: e.INGEST_API_KEY } : {}),
    ...(e.CASE_LINK_TEMPLATE ? { caseLinkTemplate: e.CASE_LINK_TEMPLATE } : {}),
    ...(credentials ? { credentials } : {}),
    production,
    morningListTime: e.MORNING_LIST_TIME,
    ...(e.DISTRIBUTION_TIME ? { distributionTime: e.DISTRIBUTION_TIME } : {}),
    plannedLeaveHandoverDays: e.PLANNED_LEAVE_HANDOVER_DAYS,
    summaryMaxChars: e.REPORT_SUMMARY_MAX_CHARS,
    ...(e.STATS_CONTINUATION_DAYS !== undefined ? { statsContinuationDays: e.STATS_CONTINUATION_DAYS } : {}),
    ...(e.GALLRING_AFTER_MONTHS !== undefined ? { gallringAfterMonths: e.GALLRING_AFTER_MONTHS } : {}),
    protectionRenoticeMinutes: e.PROTECTION_RENOTICE_MINUTES,
    genastOfficeHours: e.GENAST_OFFICE_HOURS,
    logLevel: e.LOG_LEVEL,
    language: e.LANGUAGE,
    ...graphConfig(e, org, credentials),
    outbox: {
      sendTimeoutMs: e.OUTBOX_SEND_TIMEOUT_MS,
      deadLetterAfterMs: e.OUTBOX_DEAD_LETTER_HOURS * 3_600_000,
      concurrency: e.OUTBOX_CONCURRENCY,
    },
    rateLimits: {
      intake: { perMinute: e.INGEST_RATE_PER_MINUTE, burst: e.INGEST_RATE_BURST },
      reads: { perMinute: e.READ_RATE_PER_MINUTE, burst: e.READ_RATE_BURST },
    },
  };
}

/**
 * Graph installation needs the app's client secret (a managed identity is not supported for it yet)
 * and GRAPH_INSTALL not off. A GRAPH_BASE_URL without credentials is a local stand-in (tests, playground).
 */
function graphConfig(
  e: z.infer<typeof Env>,
  org: Organisation,
  credentials: Config['credentials'],
): { graph?: GraphConfig } {
  if (e.GRAPH_INSTALL === 'off') return {};
  if (!credentials?.appPassword && !(e.GRAPH_BASE_URL && !credentials)) return {};
  const tenantId = credentials?.tenantId ?? org.tenantId;
  return {
    graph: {
      baseUrl: (e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0').replace(/\/$/, ''),
      tokenUrl: e.GRAPH_TOKEN_URL ?? `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`,
      clientId: credentials?.appId ?? '',
      ...(credentials?.appPassword ? { clientSecret: credentials.appPassword } : {}),
      manifestId: credentials?.appId ?? '',
      ...(e.TEAMS_APP_CATALOG_ID ? { catalogAppId: e.TEAMS_APP_CATALOG_ID } : {}),
      serviceUrl: e.TEAMS_SERVICE_URL,
      tenantId,
    },
  };
}

/** SingleTenant (default) and MultiTenant sign in with a secret; UserAssignedMSI with the managed identity. */
function checkCredentials(e: z.infer<typeof Env>, org: Organisation): NonNullable<Config['credentials']> {
  const appType = e.MicrosoftAppType;
  if (appType === 'UserAssignedMSI' && e.MicrosoftAppPassword)
    throw new ConfigError(
      'MicrosoftAppType=UserAssignedMSI loggar in med den hanterade identiteten: ta bort MicrosoftAppPassword.',
    );
  if (appType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword)
    throw new ConfigError(
      `MicrosoftAppPassword saknas för MicrosoftAppType=${appType} (eller sätt MicrosoftAppType=UserAssignedMSI för en hanterad identitet).`,
    );
  // A single-tenant bot and a managed identity live in one tenant: the organisation's, unless told.
  const tenantId = e.MicrosoftAppTenantId ?? (appType === 'MultiTenant' ? undefined : org.tenantId);
  return {
    appId: e.MicrosoftAppId!,
    ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
    appType,
    ...(tenantId ? { tenantId } : {}),
  };
}
