// What the decision forms show (src/views/decisionForm.ts): a form for a case, with what was entered
// and the messages by field, and the form again after a refused submission; the bot draws them with
// src/cards/decisionForms.ts.
import { isSecrecyMessage, scrubbed } from '../domain/secrecy.js';
import { loadPerCaseworker } from '../domain/queries.js';
import type { Case, Refusal } from '../domain/schemas.js';
import { DECISION_FORM_FIELDS } from '../domain/forms.js';
import type { FormInput } from '../views/decisionForm.js';
import { fieldTexts, texts, type Lang, refusalText } from '../cards/text/index.js';
import { absences, type AppDeps } from './context.js';
import type { DecisionKind, FormData } from './decisionSchemas.js';

/** The form for a decision on this case, with what was entered and the messages by field. */
export async function decisionFormView(
  deps: AppDeps,
  c: Case,
  kind: DecisionKind,
  state: { values?: Record<string, string>; issues?: Record<string, string>; error?: string; lang?: Lang } = {},
): Promise<FormInput> {
  const now = deps.now();
  return {
    kind,
    case: c,
    now,
    rules: deps.rules,
    calendar: deps.calendar,
    nameOf: (id) => deps.org.name(id),
    loads: loadPerCaseworker(await deps.store.openCases(), deps.org.org, await absences(deps), now, c.groupId),
    // Who may be named: the deciders (team leads, unit managers); for a protective measure anyone in the group.
    deciders: deps.org.org.staff
      .filter(
        (s) =>
          (kind === 'skyddsatgard' || s.role !== 'caseworker') &&
          (s.role === 'unit_manager' || s.groups.includes(c.groupId)),
      )
      .map((s) => ({ id: s.aadObjectId, name: s.name })),
    ...state,
  };
}

/**
 * The form again after a refused submission: what was entered, except anything the secrecy guard
 * refused (a personnummer is never sent back to the card), and the messages by field.
 */
export async function refusedFormView(
  deps: AppDeps,
  c: Case,
  kind: DecisionKind,
  data: FormData,
  refusal: Refusal,
  lang: Lang = 'sv',
): Promise<FormInput> {
  const entered: Record<string, string> = {};
  for (const f of DECISION_FORM_FIELDS[kind]) if (typeof data[f] === 'string') entered[f] = data[f] as string;
  // Whatever was refused, a value with something like a personnummer never goes back to the card.
  const values = scrubbed(entered);
  const issues: Record<string, string> = {};
  // The guard's own messages are known by their Swedish text (refusal.fields); shown in the reader's language.
  const shown = fieldTexts(refusal, lang);
  for (const [f, message] of Object.entries(refusal.fields ?? {})) {
    if (isSecrecyMessage(message)) values[f] = '';
    if (DECISION_FORM_FIELDS[kind].includes(f)) issues[f] = shown[f] ?? message;
  }
  const byField = Object.keys(issues).length > 0;
  const t = texts(lang).forms;
  const error = byField
    ? refusal.fields && Object.values(refusal.fields).some(isSecrecyMessage)
      ? t.notSavedSecrecy
      : t.notSavedFields
    : t.notSaved(refusalText(refusal, lang));
  return await decisionFormView(deps, c, kind, { values, issues, error, lang });
}
