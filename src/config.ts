// Configuration: the environment and the organisation file, parsed by zod and failing loudly with a
// message that names the variable or the field.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RULES, parseRuleTable, type RuleTable } from './domain/rules.js';
import { Organisation } from './domain/schemas.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid som HH:MM, t.ex. 07:45');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATA_FILE: z.string().min(1).default('data/db.json'),
  ORG_FILE: z.string().min(1).optional(),
  RULES_FILE: z.string().min(1).optional(),
  INGEST_API_KEY: z.string().min(16, 'INGEST_API_KEY ska vara minst 16 tecken').optional(),
  CASE_LINK_TEMPLATE: z
    .string()
    .url()
    .refine((s) => s.includes('{externalId}'), 'CASE_LINK_TEMPLATE måste innehålla {externalId}')
    .optional(),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().optional(),
  NODE_ENV: z.string().optional(),
  MORNING_LIST_TIME: HHMM.default('07:45'),
  DISTRIBUTION_TIME: HHMM.optional(),
  NO_CONTACT_DAYS: z.coerce.number().int().positive().max(365).optional(),
  REPORT_SUMMARY_MAX_CHARS: z.coerce.number().int().min(0).max(2000).default(2000),
  PLANNED_LEAVE_HANDOVER_DAYS: z.coerce.number().int().min(0).max(20).default(3),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  dataFile: string;
  orgFile: string;
  org: Organisation;
  rules: RuleTable;
  ingestApiKey?: string;
  caseLinkTemplate?: string;
  credentials?: { appId: string; appPassword?: string; appType?: string; tenantId?: string };
  production: boolean;
  morningListTime: string;
  distributionTime?: string;
  plannedLeaveHandoverDays: number;
  /** The longest summary taken in; 0: summaries off. Default 2000. */
  summaryMaxChars?: number;
  logLevel: string;
}

const EXAMPLE_ORG = 'data/organisation.example.json';

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}

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
  const parsed = Organisation.safeParse(readJson(file, 'Organisationsfilen'));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${formatPath(i.path) || '(roten)'}: ${i.message}`);
    throw new ConfigError(`Organisationsfilen ${file} är felaktig:\n${lines.join('\n')}`);
  }
  return parsed.data;
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
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    throw new ConfigError(`Miljövariablerna är felaktiga:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const orgFile = resolve(
    cwd,
    e.ORG_FILE ?? (existsSync(resolve(cwd, 'data/organisation.json')) ? 'data/organisation.json' : EXAMPLE_ORG),
  );
  const production = e.NODE_ENV === 'production';
  const credentials = e.MicrosoftAppId
    ? {
        appId: e.MicrosoftAppId,
        appPassword: e.MicrosoftAppPassword,
        appType: e.MicrosoftAppType,
        tenantId: e.MicrosoftAppTenantId,
      }
    : undefined;
  if (production && !credentials) {
    throw new ConfigError(
      'NODE_ENV=production kräver MicrosoftAppId och MicrosoftAppPassword: boten startar inte utan autentisering i produktion.',
    );
  }
  return {
    port: e.PORT,
    dataFile: resolve(cwd, e.DATA_FILE),
    orgFile,
    org: loadOrganisation(orgFile),
    rules: loadRules(e.RULES_FILE ? resolve(cwd, e.RULES_FILE) : undefined, e.NO_CONTACT_DAYS),
    ...(e.INGEST_API_KEY ? { ingestApiKey: e.INGEST_API_KEY } : {}),
    ...(e.CASE_LINK_TEMPLATE ? { caseLinkTemplate: e.CASE_LINK_TEMPLATE } : {}),
    ...(credentials ? { credentials } : {}),
    production,
    morningListTime: e.MORNING_LIST_TIME,
    ...(e.DISTRIBUTION_TIME ? { distributionTime: e.DISTRIBUTION_TIME } : {}),
    plannedLeaveHandoverDays: e.PLANNED_LEAVE_HANDOVER_DAYS,
    summaryMaxChars: e.REPORT_SUMMARY_MAX_CHARS,
    logLevel: e.LOG_LEVEL,
  };
}
