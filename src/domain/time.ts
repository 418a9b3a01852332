// Swedish time. Every deadline is a calendar date in Europe/Stockholm; instants are converted at the
// edge. Dates are plain 'YYYY-MM-DD' strings, so a daylight-saving change can never move one.
import { DateTime } from 'luxon';
import type { LocalDate } from './schemas.js';

export const ZONE = 'Europe/Stockholm';

const toDateTime = (instant: Date | string): DateTime =>
  (typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant)).setZone(
    ZONE,
  );

const fromLocal = (d: LocalDate): DateTime => DateTime.fromISO(d, { zone: ZONE });

// Calendar dates carry no time zone, so their arithmetic is done on UTC midnights: exact and fast
// (card views and lists do it thousands of times). Only instants need the Stockholm zone.
const DAY_MS = 86_400_000;
const utcOf = (d: LocalDate): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const localOf = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);

const stockholmParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const stockholmClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// Sweden's offset from UTC only changes on the hour, so it is looked up once per hour and remembered.
const offsets = new Map<number, number>();
function offsetAt(hour: number): number {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const probe = hour * 3_600_000;
    const [date, time] = [stockholmParts.format(probe), stockholmClock.format(probe)];
    offset = Date.parse(`${date}T${time}:00Z`) - probe;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

function stockholmWallClock(instant: Date | string): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(t + offsetAt(Math.floor(t / 3_600_000))).toISOString(); // the Swedish wall clock, written as if it were UTC
}

// The Swedish date only changes on the hour too: the date of each hour is remembered as well, so the
// statistics' tens of thousands of conversions (bench/stats.bench.ts) are a parse and a map lookup.
const datesOfHour = new Map<number, LocalDate>();

/** The calendar date in Sweden at this instant. */
export function stockholmDate(instant: Date | string): LocalDate {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const hour = Math.floor(t / 3_600_000);
  let date = datesOfHour.get(hour);
  if (date === undefined) {
    date = new Date(t + offsetAt(hour)).toISOString().slice(0, 10);
    if (datesOfHour.size > 100_000) datesOfHour.clear();
    datesOfHour.set(hour, date);
  }
  return date;
}

/** Hours and minutes in Sweden at this instant, e.g. "16:05". */
export function stockholmTime(instant: Date | string): string {
  return stockholmWallClock(instant).slice(11, 16);
}

export function addDays(d: LocalDate, n: number): LocalDate {
  return localOf(utcOf(d) + n * DAY_MS);
}

/**
 * Lag (1930:173) 1 §: to the same date in the target month, or that month's last day where the date
 * does not exist (2025-10-31 + 4 months = 2026-02-28). Luxon clamps the day in exactly this way.
 */
export function addMonths(d: LocalDate, n: number): LocalDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const day = Number(d.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return localOf(Date.UTC(y, m, Math.min(day, lastDay)));
}

/** Whole calendar days from a to b (negative when b is before a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((utcOf(b) - utcOf(a)) / DAY_MS);
}

/** Midnight in Sweden at the start of that date, as an instant. */
export function startOfStockholmDay(d: LocalDate | Date): Date {
  const local = typeof d === 'string' ? fromLocal(d) : toDateTime(d).startOf('day');
  return local.toJSDate();
}

/** An instant at a Swedish wall-clock time on a date, e.g. (2026-03-30, "07:45"). */
export function stockholmInstant(d: LocalDate, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return fromLocal(d).set({ hour: h, minute: m, second: 0, millisecond: 0 }).toJSDate();
}

export function weekday(d: LocalDate): number {
  return ((new Date(utcOf(d)).getUTCDay() + 6) % 7) + 1; // 1 = Monday ... 7 = Sunday
}

// The one date format and the one time format on every card (docs/cards.md): a date is "tors 12 nov"
// (with the year only when it is not the reference year, the current one where the caller knows it),
// a time is "kl. 08:40", both together "tors 12 nov kl. 08:40". Never ISO on a card.
export type DateLang = 'sv' | 'en';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function parts(d: LocalDate, lang: DateLang): { weekday: string; day: string; month: string } {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    });
    dateFormats.set(lang, f);
  }
  const out = { weekday: '', day: '', month: '' };
  for (const p of f.formatToParts(utcOf(d)))
    if (p.type === 'weekday' || p.type === 'day' || p.type === 'month') out[p.type] = p.value.replace(/\./g, '');
  return out;
}

/** "tors 12 nov", or "tors 12 nov 2025" when the date's year is not `referenceYear`. */
export function formatDate(d: LocalDate, referenceYear?: number, lang: DateLang = 'sv'): string {
  const p = parts(d, lang);
  const s = `${p.weekday} ${p.day} ${p.month}`;
  const year = Number(d.slice(0, 4));
  return referenceYear !== undefined && year !== referenceYear ? `${s} ${year}` : s;
}

/** "kl. 08:40" in Swedish time ("at 08:40" in English). */
export function formatTime(instant: Date | string, lang: DateLang = 'sv'): string {
  return `${lang === 'sv' ? 'kl.' : 'at'} ${stockholmTime(instant)}`;
}

/** "tors 12 nov kl. 08:40" in Swedish time, with the year when it is not `referenceYear`. */
export function formatDateTime(instant: Date | string, referenceYear?: number, lang: DateLang = 'sv'): string {
  return `${formatDate(stockholmDate(instant), referenceYear, lang)} ${formatTime(instant, lang)}`;
}

/** The year in Sweden at this instant: the reference year for formatDate. */
export function stockholmYear(instant: Date | string): number {
  return Number(stockholmDate(instant).slice(0, 4));
}

/** Same as formatDate: the name the card code has always used. */
export const formatSwedishDate = (d: LocalDate, referenceYear?: number): string => formatDate(d, referenceYear);

/** Same as formatDateTime: "fre 20 nov kl. 09:15" (it was ISO-like "2026-11-20 09:15"). */
export const formatSwedishDateTime = (instant: Date | string, referenceYear?: number): string =>
  formatDateTime(instant, referenceYear);

export function isValidLocalDate(d: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && fromLocal(d).isValid;
}
