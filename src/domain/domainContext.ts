// What every command is decided against: the organisation, the rule table, the calendar, absences.
import type { Calendar } from './calendar.js';
import type { RuleTable } from './rules.js';
import type { Absence, Case, Decision, DomainEvent, LocalDate } from './schemas.js';
import { refuse } from './schemas.js';
import type { Said } from './refusals.js';
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

/**
 * The date of a decision as entered on its form: default today, never in the future, never before
 * the report came in. Every clock that a decision starts counts from this date, not from the day it
 * was typed into the bot. Returns the date, or a Swedish message for the field.
 */
export function decisionDate(
  entered: string | undefined,
  today: LocalDate,
  current: Pick<Case, 'receivedAt'>,
  notBefore?: { date: LocalDate; message: string },
): { date: LocalDate } | { error: string } {
  if (entered === undefined || entered.trim() === '') return { date: today };
  const d = entered.trim();
  if (!isValidLocalDate(d)) return { error: 'Ange beslutsdatumet som ÅÅÅÅ-MM-DD.' };
  if (d > today) return { error: 'Beslutsdatumet kan inte vara i framtiden.' };
  if (d < stockholmDate(current.receivedAt)) return { error: 'Beslutsdatumet kan inte vara före anmälan.' };
  if (notBefore && d < notBefore.date) return { error: notBefore.message };
  return { date: d };
}

export const invalid = (message: string | Said, fields: Record<string, string>) => refuse('invalid', message, fields);
