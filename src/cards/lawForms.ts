// The forms of the statute's smaller steps and of the LVU track (docs/rules.md), drawn by one generic
// template (cards/decision-form.json) from a list of fields (src/cards/lawFormFields.ts): which forms
// there are and what each records; which make sense for a case now is the domain's (src/domain/forms.ts).
import { FORM_COMMAND, isLvuForm, LAW_FORM_KINDS, type LawFormKind } from '../domain/forms.js';
import type { Command } from '../domain/permissions.js';
import { texts, type Lang } from './text/index.js';
import { sv } from './text/sv.js';

interface LawFormMeta {
  /** The Swedish button and heading (another language: the catalogue's formButton and lawForms.heading). */
  button: string;
  heading: string;
  command: Command;
  submit: string;
  /** LVU forms go in their own row of buttons on the case card. */
  lvu: boolean;
}

/** A form's submit button in `lang`: "Spara" unless the form names its own. */
export const lawFormSubmit = (kind: LawFormKind, lang: Lang = 'sv') => {
  const t = texts(lang).lawForms;
  return t.submit[kind] ?? t.save;
};

export const LAW_FORM_META = Object.fromEntries(
  LAW_FORM_KINDS.map((k) => [
    k,
    {
      button: sv.formButton[k],
      heading: sv.lawForms.heading[k],
      command: FORM_COMMAND[k],
      submit: lawFormSubmit(k),
      lvu: isLvuForm(k),
    },
  ]),
) as Record<LawFormKind, LawFormMeta>;
