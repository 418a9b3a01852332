// A personal reminder card (cards/reminder.json) from its plan (src/views/reminders.ts): as many rows
// as fit Teams' card size, most urgent first, with how many were left off. Pure.
import type { ReminderCardData } from '../views/reminders.js';
import { fitCount } from './morningList.js';

export function fittedReminder(data: ReminderCardData): ReminderCardData {
  const all = data.items.length + data.more;
  const items = data.items;
  return fitCount(
    items.length,
    (n) => ({ ...data, items: items.slice(0, n), more: all - n }),
    'reminder',
  ) as ReminderCardData;
}
