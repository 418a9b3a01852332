// The calendar's answers depend on the dates alone, and every card render asks the same few
// questions (working days from today to each deadline), each a walk of luxon date arithmetic.
// Remembering the answers took a case card's view from ~2 ms to ~0.2 ms (bench/bot.bench.ts).
import { Calendar, type CalendarOptions } from '../domain/calendar.js';
import type { LocalDate } from '../domain/schemas.js';

const LIMIT = 20_000;

function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    v = compute();
    cache.set(key, v);
  }
  return v;
}

export class MemoCalendar extends Calendar {
  private readonly working = new Map<string, boolean>();
  private readonly between = new Map<string, number>();
  private readonly added = new Map<string, LocalDate>();

  constructor(opts: CalendarOptions) {
    super(opts);
  }

  override isWorkingDay(d: LocalDate): boolean {
    return remember(this.working, d, () => super.isWorkingDay(d));
  }

  override workingDaysBetween(a: LocalDate, b: LocalDate): number {
    return remember(this.between, `${a}|${b}`, () => super.workingDaysBetween(a, b));
  }

  override addWorkingDays(d: LocalDate, n: number): LocalDate {
    return remember(this.added, `${d}|${n}`, () => super.addWorkingDays(d, n));
  }
}
