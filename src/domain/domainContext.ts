// What every command is decided against: the organisation, the rule table, the calendar, absences.
import type { Calendar } from './calendar.js';
import type { RuleTable } from './rules.js';
import type { Absence, Case, Decision, DomainEvent, LocalDate } from './schemas.js';
import { refuse, type FieldWords } from './schemas.js';
import { said, type RefusalKey, type Said } from './refusals.js';
import type { Organisation } from './schemas.js';
import { isValidLocalDate, stockholmDate } from './time.js';

export interface DomainContext {
  org: Organisation;
  rules: RuleTable;
  calendar: Calendar;
  absences: Absence[];
}

/** Finish a command: the new state (touched by the caller) and its events. */
export type Done = (state: Case, ...events: DomainEvent[]) => Decision<Case>;

export const blank = (s: string | undefined) => !s || s.trim().length === 0;

/** Which day a date field holds, so its messages name it: the decision's own day, or another day (carried out, informed…). */
export type DateNoun = 'decision' | 'date';

const DATE_WORDS = {
  decision: { format: 'decidedOnFormat', future: 'decidedOnFuture', beforeReport: 'decidedOnBeforeReport' },
  date: { format: 'dateFormat', future: 'dateFuture', beforeReport: 'dateBeforeReport' },
} as const satisfies Record<DateNoun, Record<string, RefusalKey>>;

/**
 * The date of a decision as entered on its form: default today, never in the future, never before
 * the report came in. Every clock that a decision starts counts from this date, not from the day it
 * was typed into the bot. Returns the date, or the words for the field ("Beslutsdatumet…", or
 * "Datumet…" for `noun: 'date'`).
 */
export function decisionDate(
  entered: string | undefined,
  today: LocalDate,
  current: Pick<Case, 'receivedAt'>,
  opts: { notBefore?: { date: LocalDate; message: Said }; noun?: DateNoun } = {},
): { date: LocalDate } | { error: Said } {
  if (entered === undefined || entered.trim() === '') return { date: today };
  const d = entered.trim();
  const words = DATE_WORDS[opts.noun ?? 'decision'];
  if (!isValidLocalDate(d)) return { error: said(words.format) };
  if (d > today) return { error: said(words.future) };
  if (d < stockholmDate(current.receivedAt)) return { error: said(words.beforeReport) };
  if (opts.notBefore && d < opts.notBefore.date) return { error: opts.notBefore.message };
  return { date: d };
}

export const invalid = (message: string | Said, fields: FieldWords) => refuse('invalid', message, fields);
