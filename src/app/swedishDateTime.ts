// A date and time as a Swedish export writes it ("2026-11-20 09:15", "2026-11-20") to an instant with
// the Stockholm offset: the file import and the Teams form read them (src/app/importReports.ts, reportForm.ts).
import { DateTime } from 'luxon';

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
