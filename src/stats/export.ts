// The month's figures as the exports give them (GET /api/stats, npm run stats): JSON with every scope,
// or CSV as Swedish Excel opens it (semicolons, decimal comma, CRLF, a BOM). Only pseudonymous case
// references leave, never anything a person wrote.
import { csvCell } from '../app/timeline.js';
import type { DaysSummary, MonthStats, ScopeStats } from './figures.js';

export interface StatsExport {
  month: string;
  from: string;
  to: string;
  asOf: string;
  complete: boolean;
  /** The unit first (groupId null), then each group; only the group asked for when one was. */
  scopes: ScopeStats[];
}

export function statsExport(m: MonthStats, groupId?: string): StatsExport {
  const scopes = groupId ? m.groups.filter((g) => g.groupId === groupId) : [m.unit, ...m.groups];
  return { month: m.month, from: m.from, to: m.to, asOf: m.asOf, complete: m.complete, scopes };
}

export const CSV_COLUMNS = [
  'månad',
  'grupp-id',
  'grupp',
  'mått',
  'i tid',
  'bedömda',
  'andel i tid (%)',
  'pågående',
  'median',
  '90:e percentilen',
  'max',
  'försenade ärenden',
];

const decimal = (n: number | null, digits = 1) => (n === null ? '' : n.toFixed(digits).replace('.', ','));
const days = (d: DaysSummary) => [decimal(d.median), decimal(d.p90, 0), decimal(d.max, 0)];

/** One row per figure and scope, and two rows (working and calendar days) for the days unassigned. */
export function statsCsv(e: StatsExport): string {
  const rows = [CSV_COLUMNS.join(';')];
  for (const s of e.scopes) {
    const head = [e.month, s.groupId ?? 'enheten', s.name];
    for (const f of s.figures)
      rows.push(
        [
          ...head,
          f.label,
          String(f.met),
          String(f.total),
          f.share === null ? '' : decimal(100 * f.share),
          String(f.pending),
          '',
          '',
          '',
          f.lateCases.join(' '),
        ]
          .map(csvCell)
          .join(';'),
      );
    const u = s.unassigned;
    for (const [label, d] of [
      ['Dagar ofördelad (arbetsdagar)', u.workingDays],
      ['Dagar ofördelad (kalenderdagar)', u.calendarDays],
    ] as const)
      rows.push(
        [...head, label, '', String(u.received), '', String(u.stillUnassigned), ...days(d), ''].map(csvCell).join(';'),
      );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
