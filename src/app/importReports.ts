// File import of anmälningar from a case-management system's CSV export (docs/import-format.md).
// Every row goes through the same validation and secrecy guard as the API; the import is
// all-or-nothing (one store commit, or none when any row is bad) and idempotent on externalId.
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { CONCERN_LABEL, REPORTER_LABEL } from '../cards/labels.js';
import { Concern, ReporterType, type Case, type ReportInput } from '../domain/schemas.js';
import { DUTY_BODIES, professionalByDefault } from '../domain/dutyToReport.js';
import { stockholmDate } from '../domain/time.js';
import { domainContext, type AppDeps } from './context.js';
import { duplicateStatus, INTAKE_ACTOR, parseReport, ReportBatch } from './ingestReport.js';

export const IMPORT_ACTOR = { ...INTAKE_ACTOR, id: 'system:import', name: 'Import' };

/** Cards are posted for imported cases that are open and received within this many days. */
export const POST_CARDS_WITHIN_DAYS = 14;

/** The columns, by their canonical (Swedish) header, with the accepted alternative names. */
export const COLUMNS = {
  arendereferens: {
    field: 'externalId',
    required: true,
    names: ['ärendereferens', 'externalid', 'ärende', 'ärendenummer'],
  },
  mottagen: { field: 'receivedAt', required: true, names: ['mottagen', 'receivedat', 'inkom', 'datum'] },
  grupp: { field: 'groupId', required: true, names: ['grupp', 'groupid'] },
  barnreferens: { field: 'childRef', required: true, names: ['barnreferens', 'childref'] },
  familjereferens: {
    field: 'familyRef',
    required: false,
    names: ['familjereferens', 'familyref', 'familj', 'hushåll', 'hushållsnummer'],
  },
  anmalare: { field: 'reporter.type', required: true, names: ['anmälare', 'anmälartyp', 'reportertype', 'reporter'] },
  yrkesverksam: { field: 'reporter.professional', required: false, names: ['yrkesverksam', 'professional'] },
  oro: { field: 'concerns', required: true, names: ['oro', 'orsak', 'concerns'] },
  sammanfattning: { field: 'summary', required: false, names: ['sammanfattning', 'summary'] },
} as const;
type ColumnKey = keyof typeof COLUMNS;

/** The column header a field error is reported under (the file's own header text). */
const FIELD_TO_COLUMN: Record<string, ColumnKey> = Object.fromEntries(
  Object.entries(COLUMNS).map(([k, c]) => [c.field, k as ColumnKey]),
) as Record<string, ColumnKey>;

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function lookup<T extends string>(
  english: readonly T[],
  swedish: Record<T, string>,
  extra: Record<string, T> = {},
): Map<string, T> {
  const m = new Map<string, T>();
  for (const e of english) {
    m.set(norm(e), e);
    m.set(norm(swedish[e]), e);
  }
  for (const [k, v] of Object.entries(extra)) m.set(norm(k), v);
  return m;
}

const REPORTERS = lookup(ReporterType.options, REPORTER_LABEL, {
  sjukvård: 'healthcare',
  vården: 'healthcare',
  'hälso- och sjukvården': 'healthcare',
  bvc: 'healthcare',
  skolan: 'school',
  förskolan: 'preschool',
  polisen: 'police',
  socialtjänsten: 'social_services',
  'privat person': 'private_person',
  annat: 'other',
});
const CONCERNS = lookup(Concern.options, CONCERN_LABEL, {
  'våld i nära relationer': 'violence',
  vinr: 'violence',
  omsorgsbrist: 'neglect',
  'brister i omsorg': 'neglect',
  missbruk: 'parental_substance_abuse',
  'missbruk hos förälder': 'parental_substance_abuse',
  'förälders missbruk': 'parental_substance_abuse',
  'psykisk ohälsa': 'mental_health',
  hedersrelaterat: 'honour_related',
  'hedersrelaterat våld': 'honour_related',
  heder: 'honour_related',
  'eget beteende': 'own_behaviour',
  annan: 'other',
});

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'sant']);
const NO = new Set(['nej', 'n', 'no', 'false', '0', 'falskt']);

export interface RowProblem {
  /** Line in the file (1 = the header). */
  line: number;
  /** The column (as the file names it), or '(rad)' for the row as a whole. */
  column: string;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** Data rows read. */
  rows: number;
  /** New cases (imported, or that would be). */
  imported: string[];
  /** Already present with the same content: skipped. */
  skipped: { line: number; externalId: string }[];
  problems: RowProblem[];
  /** Case cards queued (open cases received in the last POST_CARDS_WITHIN_DAYS days). */
  cardsQueued: number;
  /** True when the store was written. */
  committed: boolean;
}

export class ImportFileError extends Error {}

/** ';' or ',' by which one occurs more often in the header line (outside quotes). */
export function detectDelimiter(text: string): ';' | ',' {
  const end = text.search(/\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const semi = header.split(';').length;
  const comma = header.split(',').length;
  return semi >= comma ? ';' : ',';
}

/** The Stockholm offset of one local hour ('+01:00'), or null for an hour that does not exist. */
const offsetCache = new Map<string, string | null>();
function stockholmOffset(year: number, month: number, day: number, hour: number): string | null {
  const key = `${year}-${month}-${day}T${hour}`;
  let off = offsetCache.get(key);
  if (off === undefined) {
    const d = DateTime.fromObject({ year, month, day, hour }, { zone: 'Europe/Stockholm' });
    off =
      d.isValid && d.year === year && d.month === month && d.day === day && d.hour === hour ? d.toFormat('ZZ') : null;
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, off);
  }
  return off;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-11-20 09:15", "2026-11-20" (00:00) or an ISO instant with offset; Swedish local time.
 * A time in the hour skipped when summer time starts is moved forward (as the clock does).
 */
export function parseSwedishDateTime(s: string): string | undefined {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}T.*([+-]\d{2}:\d{2}|Z)$/.test(t)) {
    const d = DateTime.fromISO(t, { setZone: true });
    return d.isValid ? t : undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [
    +m[1],
    +m[2],
    +m[3],
    m[4] ? +m[4] : 0,
    m[5] ? +m[5] : 0,
    m[6] ? +m[6] : 0,
  ];
  if (minute > 59 || second > 59 || hour > 23) return undefined;
  const off = stockholmOffset(year, month, day, hour);
  if (off) return `${m[1]}-${m[2]}-${m[3]}T${p2(hour)}:${p2(minute)}:${p2(second)}${off}`;
  const d = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: 'Europe/Stockholm' });
  if (!d.isValid || d.day !== day || d.month !== month) return undefined;
  return d.toISO({ suppressMilliseconds: true }) ?? undefined;
}

interface Parsed {
  header: string[];
  columns: Partial<Record<ColumnKey, number>>;
  records: { line: number; values: string[] }[];
}

function readCsv(input: string | Buffer): Parsed {
  let text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\uFFFD') && typeof input !== 'string')
    throw new ImportFileError('Filen är inte UTF-8. Spara den som UTF-8 (med eller utan BOM).');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as never;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new ImportFileError(
      `Filen kan inte läsas som CSV${line ? ` (rad ${line})` : ''}: kontrollera citattecken och avgränsare.`,
    );
  }
  if (rows.length === 0) throw new ImportFileError('Filen är tom: den ska ha en rubrikrad och en rad per anmälan.');
  const header = rows[0].record;
  const columns: Partial<Record<ColumnKey, number>> = {};
  const unknown: number[] = [];
  header.forEach((h, i) => {
    const key = (Object.keys(COLUMNS) as ColumnKey[]).find((k) =>
      (COLUMNS[k].names as readonly string[]).includes(norm(h)),
    );
    if (key && columns[key] === undefined) columns[key] = i;
    else unknown.push(i + 1);
  });
  const missing = (Object.keys(COLUMNS) as ColumnKey[]).filter((k) => COLUMNS[k].required && columns[k] === undefined);
  if (missing.length) {
    throw new ImportFileError(
      `Rubrikraden saknar kolumnerna: ${missing.map((k) => COLUMNS[k].names[0]).join(', ')}. Se docs/import-format.md.`,
    );
  }
  // Unknown or repeated columns are refused (their text is not repeated: it could be anything).
  if (unknown.length)
    throw new ImportFileError(
      `Okänd eller upprepad kolumn i rubrikraden (kolumn ${unknown.join(', ')}). Se docs/import-format.md.`,
    );
  return { header, columns, records: rows.slice(1).map((r) => ({ line: r.info.lines, values: r.record })) };
}

/** One CSV row → the report object the API would receive, or problems by column. */
function rowToReport(
  p: Parsed,
  values: string[],
  line: number,
): { body: Record<string, unknown> } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const colName = (k: ColumnKey) => p.header[p.columns[k]!] ?? COLUMNS[k].names[0];
  if (values.length !== p.header.length) {
    return {
      problems: [
        { line, column: '(rad)', message: `Raden har ${values.length} kolumner, rubrikraden ${p.header.length}.` },
      ],
    };
  }
  const v = (k: ColumnKey) => (p.columns[k] === undefined ? '' : (values[p.columns[k]!] ?? ''));
  const receivedAt = parseSwedishDateTime(v('mottagen'));
  if (!receivedAt)
    problems.push({
      line,
      column: colName('mottagen'),
      message: 'Datum som ÅÅÅÅ-MM-DD TT:MM eller ÅÅÅÅ-MM-DD (svensk tid).',
    });
  const reporterName = norm(v('anmalare'));
  const type = REPORTERS.get(reporterName) ?? DUTY_BODIES[reporterName]?.type;
  if (!type)
    problems.push({
      line,
      column: colName('anmalare'),
      message: 'Okänd anmälartyp (t.ex. förskola, skola, polis, anhörig, privatperson, anonym, annan).',
    });
  const prof = norm(v('yrkesverksam'));
  let professional: boolean | undefined;
  if (YES.has(prof)) professional = true;
  else if (NO.has(prof)) professional = false;
  // An empty column: the duty to report as the statute read on the day the report came in.
  else if (prof === '')
    professional = type
      ? professionalByDefault(type, reporterName, stockholmDate(receivedAt ?? new Date(0)))
      : undefined;
  else problems.push({ line, column: colName('yrkesverksam'), message: 'Skriv ja eller nej.' });
  const concernTexts = v('oro').split(/[|,]/).map(norm).filter(Boolean);
  const concerns = concernTexts.map((c) => CONCERNS.get(c));
  if (concernTexts.length === 0 || concerns.some((c) => !c)) {
    problems.push({
      line,
      column: colName('oro'),
      message: 'Okänd eller saknad oro (t.ex. våld, brister i omsorgen, psykisk ohälsa), flera åtskilda med |.',
    });
  }
  if (problems.length) return { problems };
  const summary = v('sammanfattning');
  const familyRef = v('familjereferens');
  return {
    body: {
      externalId: v('arendereferens'),
      receivedAt,
      groupId: v('grupp'),
      childRef: v('barnreferens'),
      reporter: { type, professional },
      concerns,
      ...(summary ? { summary } : {}),
      ...(familyRef ? { familyRef } : {}),
    },
  };
}

/**
 * Read, check and (unless dryRun, and only when every row is good) import in one commit.
 * `now` decides which imported cases get their card posted.
 */
export async function importReports(
  deps: AppDeps,
  input: string | Buffer,
  opts: { dryRun: boolean },
): Promise<ImportReport> {
  const parsed = readCsv(input);
  const now = deps.now();
  const recentFrom = now.getTime() - POST_CARDS_WITHIN_DAYS * 86_400_000;
  const postCard = (c: Case) => c.phase !== 'closed' && Date.parse(c.receivedAt) >= recentFrom;
  const batch = new ReportBatch(deps, IMPORT_ACTOR, now, postCard);
  const ctx = domainContext(deps);
  const out: ImportReport = {
    dryRun: opts.dryRun,
    rows: parsed.records.length,
    imported: [],
    skipped: [],
    problems: [],
    cardsQueued: 0,
    committed: false,
  };
  const firstLine = new Map<string, number>();
  const colOf = (field: string) => {
    const key = FIELD_TO_COLUMN[field] ?? FIELD_TO_COLUMN[field.split('.')[0]];
    return key && parsed.columns[key] !== undefined ? parsed.header[parsed.columns[key]!] : field;
  };

  for (const { line, values } of parsed.records) {
    const row = rowToReport(parsed, values, line);
    if ('problems' in row) {
      out.problems.push(...row.problems);
      continue;
    }
    const r = parseReport(row.body, { summaryMaxChars: deps.config.summaryMaxChars });
    if (!r.ok) {
      for (const [field, message] of Object.entries(r.refusal.fields ?? { '(rad)': r.refusal.message }))
        out.problems.push({ line, column: colOf(field), message });
      continue;
    }
    const report: ReportInput = r.report;
    if (!deps.org.group(report.groupId)) {
      out.problems.push({ line, column: colOf('groupId'), message: 'Gruppen finns inte i organisationen.' });
      continue;
    }
    const seen = firstLine.get(report.externalId);
    if (seen !== undefined) {
      out.problems.push({
        line,
        column: colOf('externalId'),
        message: `Samma ärendereferens finns redan på rad ${seen}.`,
      });
      continue;
    }
    firstLine.set(report.externalId, line);
    const existing = deps.store.getCase(report.externalId);
    if (existing) {
      if (duplicateStatus(existing, report) === 200) out.skipped.push({ line, externalId: report.externalId });
      else out.problems.push({ line, column: colOf('externalId'), message: 'Ärendet finns redan med annat innehåll.' });
      continue;
    }
    const planned = batch.add(report, ctx);
    if (!planned.ok) {
      for (const [field, message] of Object.entries(planned.refusal.fields ?? { '(rad)': planned.refusal.message }))
        out.problems.push({ line, column: colOf(field), message });
      continue;
    }
    out.imported.push(report.externalId);
  }
  out.cardsQueued = batch.messages;
  if (opts.dryRun || out.problems.length > 0 || batch.size === 0) return out;
  if (!(await batch.commit())) {
    throw new ImportFileError(
      'Ett ärende ändrades under importen (kör boten samtidigt?). Inget importerades; försök igen.',
    );
  }
  out.committed = true;
  return out;
}
