// The family and history section of the case card (docs/family.md): siblings with their phase and
// owner, the other sections involved (section, owner, since when, never their content), violence in
// the family, and the child's history (reports in 12 months, a repeated report, earlier
// investigations, consecutive investigations). Self-contained: a view in, Adaptive Card elements out,
// so the card's layout decides where it goes (`withFamilySection` puts it before the buttons).
import type { Card } from './render.js';
import { texts, type Lang } from './text/index.js';
import { isEmptyFamilySection, type FamilySectionView } from '../views/familySection.js';

const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...extra });

/** The section's elements (an empty list when there is nothing to say). */
export function familySection(v: FamilySectionView | undefined, lang: Lang = 'sv'): Record<string, unknown>[] {
  if (!v || isEmptyFamilySection(v)) return [];
  const t = texts(lang).family;
  const items: Record<string, unknown>[] = [];
  if (v.repeated) items.push(text(v.repeated, { weight: 'Bolder', color: 'Attention' }));
  if (v.violence) items.push(text(v.violence, { weight: 'Bolder', color: 'Attention' }));
  if (v.siblings.length) {
    // The family reference stays off the card like the child's (it is posted in channels, docs/privacy.md).
    items.push(text(t.siblings, { weight: 'Bolder', spacing: 'Small' }));
    for (const s of v.siblings) items.push(text(s, { spacing: 'None' }));
    if (v.suggestion) items.push(text(v.suggestion, { spacing: 'Small', isSubtle: true }));
  }
  if (v.sections.length) {
    items.push(text(t.sections, { weight: 'Bolder', spacing: 'Small' }));
    for (const s of v.sections) items.push(text(s, { spacing: 'None' }));
  }
  if (v.reports) items.push(text(v.reports, { spacing: 'Small' }));
  if (v.earlier.length) {
    items.push(text(t.earlier, { weight: 'Bolder', spacing: 'Small' }));
    for (const e of v.earlier) items.push(text(e, { spacing: 'None' }));
  }
  if (v.consecutive)
    items.push(
      text(v.consecutive.text, {
        spacing: 'Small',
        weight: 'Bolder',
        color: v.consecutive.overrun ? 'Attention' : 'Default',
      }),
    );
  const out: Record<string, unknown>[] = [{ type: 'Container', style: 'emphasis', spacing: 'Medium', items }];
  if (v.assignSiblings)
    out.push({
      type: 'ActionSet',
      spacing: 'Small',
      actions: [
        {
          type: 'Action.Execute',
          title: v.assignSiblings.title,
          verb: 'family.assignSiblings',
          data: { caseId: v.assignSiblings.caseId },
        },
      ],
    });
  return out;
}

/**
 * The card with the section placed before its first row of buttons (or last). Returns a new card;
 * a layout of its own can call familySection() and place the elements elsewhere.
 */
export function withFamilySection(card: Card, v: FamilySectionView | undefined, lang: Lang = 'sv'): Card {
  const elements = familySection(v, lang);
  if (!elements.length) return card;
  const body = Array.isArray(card.body) ? [...(card.body as Record<string, unknown>[])] : [];
  const at = body.findIndex((e) => e.type === 'ActionSet');
  body.splice(at < 0 ? body.length : at, 0, ...elements);
  return { ...card, body };
}
