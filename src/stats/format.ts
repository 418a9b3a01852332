// Swedish words for months and shares, one place for the card, the chart and the CLI.
import type { Month } from './figures.js';

export const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** "november 2026", or "nov 26" when short. */
export function monthName(m: Month, short = false): string {
  const name = MONTHS[Number(m.slice(5, 7)) - 1];
  return short ? `${name.slice(0, 3)} ${m.slice(2, 4)}` : `${name} ${m.slice(0, 4)}`;
}

/**
 * "75 %", "66,7 %" (Swedish: decimal comma, a space before the sign). The space is a no-break space,
 * so that a narrow card never puts the sign alone on the next line.
 */
export function formatPercent(share: number): string {
  const p = Math.round(1000 * share) / 10;
  return `${Number.isInteger(p) ? p : p.toFixed(1).replace('.', ',')}\u00a0%`;
}
