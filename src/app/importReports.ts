// File import of anmälningar from a case-management system's CSV export (docs/import-format.md).
// Every row goes through the same validation and secrecy guard as the API; the import is
// all-or-nothing (one store commit, or none when any row is bad) and idempotent on externalId.
import { parse } from 'csv-parse/sync';
import type { Case, ReportInput } from '../domain/schemas.js';
import { DUTY_BODIES, professionalByDefault } from '../domain/dutyToReport.js';
import { stockholmDate } from '../domain/time.js';
import { domainContext, type AppDeps } from './context.js';
import { duplicateStatus, INTAKE_ACTOR, parseReport, ReportBatch } from './ingestReport.js';
import { COLUMNS, CONCERNS, FIELD_TO_COLUMN, NO, norm, REPORTERS, YES, type ColumnKey } from './importColumns.js';
import { parseSwedishDateTime } from './swedishDateTime.js';
import { texts } from '../cards/text/index.js';

export { COLUMNS } from './importColumns.js';
export { parseSwedishDateTime } from './swedishDateTime.js';

/** The import's problems are written in Swedish: the CLI has no Teams locale to read (docs/import-format.md). */
const t = texts('sv').appNotices.import;

export const IMPORT_ACTOR = { ...INTAKE_ACTOR, id: 'system:import', name: 'Import' };

/** Cards are posted for imported cases that are open and received within this many days. */
export const POST_CARDS_WITHIN_DAYS = 14;

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

interface Parsed {
  header: string[];
  columns: Partial<Record<ColumnKey, number>>;
  records: { line: number; values: string[] }[];
}

function readCsv(input: string | Buffer): Parsed {
  let text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\uFFFD') && typeof input !== 'string') throw new ImportFileError(t.notUtf8);
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
    throw new ImportFileError(t.notCsv(line));
  }
  if (rows.length === 0) throw new ImportFileError(t.empty);
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
    throw new ImportFileError(t.missingColumns(missing.map((k) => COLUMNS[k].names[0]).join(', ')));
  }
  // Unknown or repeated columns are refused (their text is not repeated: it could be anything).
  if (unknown.length) throw new ImportFileError(t.unknownColumns(unknown.join(', ')));
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
    return { problems: [{ line, column: t.row, message: t.columnCount(values.length, p.header.length) }] };
  }
  const v = (k: ColumnKey) => (p.columns[k] === undefined ? '' : (values[p.columns[k]!] ?? ''));
  const receivedAt = parseSwedishDateTime(v('mottagen'));
  if (!receivedAt)
    problems.push({
      line,
      column: colName('mottagen'),
      message: t.dateFormat,
    });
  const reporterName = norm(v('anmalare'));
  const type = REPORTERS.get(reporterName) ?? DUTY_BODIES[reporterName]?.type;
  if (!type)
    problems.push({
      line,
      column: colName('anmalare'),
      message: t.reporter,
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
  else problems.push({ line, column: colName('yrkesverksam'), message: t.yesNo });
  const concernTexts = v('oro').split(/[|,]/).map(norm).filter(Boolean);
  const concerns = concernTexts.map((c) => CONCERNS.get(c));
  if (concernTexts.length === 0 || concerns.some((c) => !c)) {
    problems.push({
      line,
      column: colName('oro'),
      message: t.concerns,
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
  const ctx = await domainContext(deps);
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
      for (const [field, message] of Object.entries(r.refusal.fields ?? { [t.row]: r.refusal.message }))
        out.problems.push({ line, column: colOf(field), message });
      continue;
    }
    const report: ReportInput = r.report;
    if (!deps.org.group(report.groupId)) {
      out.problems.push({ line, column: colOf('groupId'), message: texts('sv').appNotices.report.noGroup });
      continue;
    }
    const seen = firstLine.get(report.externalId);
    if (seen !== undefined) {
      out.problems.push({
        line,
        column: colOf('externalId'),
        message: t.sameRef(seen),
      });
      continue;
    }
    firstLine.set(report.externalId, line);
    const existing = await deps.store.getCase(report.externalId);
    if (existing) {
      if (duplicateStatus(existing, report) === 200) out.skipped.push({ line, externalId: report.externalId });
      else
        out.problems.push({ line, column: colOf('externalId'), message: texts('sv').appNotices.report.otherContent });
      continue;
    }
    const planned = await batch.add(report, ctx);
    if (!planned.ok) {
      for (const [field, message] of Object.entries(planned.refusal.fields ?? { [t.row]: planned.refusal.message }))
        out.problems.push({ line, column: colOf(field), message });
      continue;
    }
    out.imported.push(report.externalId);
  }
  out.cardsQueued = batch.messages;
  if (opts.dryRun || out.problems.length > 0 || batch.size === 0) return out;
  if (!(await batch.commit())) {
    throw new ImportFileError(t.changed);
  }
  out.committed = true;
  return out;
}
