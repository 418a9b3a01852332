// The unit manager's escalation card (cards/escalation.json) from its view (src/views/escalation.ts):
// as many rows as fit Teams' card size, each unassigned row with Tilldela among its group's
// caseworkers. Pure.
import type { EscalationView } from '../views/escalation.js';
import { fitCount, rowActionData, truncatedSections, type ListNotice } from './morningList.js';

/** The data for cards/escalation.json, fitted under the size budget (with a notice after a press on it). */
export function escalationCardData(view: EscalationView, notice?: ListNotice): object {
  // Section titles name their group and kind, so they are unique on the card.
  const groupOf = new Map(view.sections.map((s) => [s.title, s.groupId ?? '']));
  return fitCount(
    view.total,
    (n) => ({
      title: view.title,
      summary: view.summary,
      ...(view.lang ? { lang: view.lang } : {}),
      ...rowActionData([], { list: 'escalation' }, notice),
      sections: truncatedSections(view.sections, n).map((s) => {
        const choices = view.choices[groupOf.get(s.title) ?? ''] ?? [];
        return { ...s, items: s.items.map((item) => ({ ...item, choices, hasChoices: choices.length > 0 })) };
      }),
    }),
    'escalation',
  );
}
