// Decisions on a case from a form (skyddsbedömning, förhandsbedömning, extension, contact, barnsamtal
// not held, återkoppling done, close). One use case per decision, all the same story: validate the
// form with zod (a message per field, in the reader's language), refuse free text with a personnummer
// before anything is stored, run the command with the version the card showed, refresh the channel
// card in the same commit, and remind the person that the legal record is the case-management system.
// The kinds and the form schemas are in decisionSchemas.ts, the forms as cards in decisionFormCards.ts.
import { z } from 'zod';
import type { CaseIntent } from '../domain/commands.js';
import { fieldWords, refuse, type Actor, type Case, type Refusal } from '../domain/schemas.js';
import { guardFreeText } from '../domain/secrecy.js';
import { DECISION_FORM_FIELDS } from '../domain/forms.js';
import { formatDate, stockholmYear } from '../domain/time.js';
import { fieldMessage } from './formFields.js';
import { LAW_SPECS, endUppfoljningAfterOpening } from './lawDecisions.js';
import { joinAnd, refusalText, texts, type Lang } from '../cards/text/index.js';
import { caseLink, type AppDeps } from './context.js';
import { executeCaseCommand, type CaseResult } from './executeCaseCommand.js';
import {
  AterkopplingForm,
  BarnsamtalNotHeldForm,
  CloseForm,
  ContactForm,
  ExtendForm,
  ForhandForm,
  SkyddForm,
  UppfoljningForm,
  type DecisionKind,
  type FormData,
} from './decisionSchemas.js';

export {
  AterkopplingForm,
  BarnsamtalNotHeldForm,
  CloseForm,
  ContactForm,
  DECISION_KINDS,
  ExtendForm,
  ForhandForm,
  SkyddForm,
  UppfoljningForm,
  type DecisionKind,
  type FormData,
} from './decisionSchemas.js';
export { decisionFormView, refusedFormView } from './decisionFormCards.js';

export interface DecisionInput {
  caseId: string;
  /** The case version the card showed. */
  version: number;
  actor: Actor;
  data: FormData;
  /** The reader's language (the activity's locale): the answer and the field messages. */
  lang?: Lang;
}

export interface Reminder {
  text: string;
  /** The case in the case-management system, when CASE_LINK_TEMPLATE is set. */
  link?: string;
}

export type DecisionResult =
  | { ok: true; case: Case; message: string; reminder: Reminder }
  | (Extract<CaseResult, { ok: false }> & { kind: DecisionKind });

// ---- one spec per decision ----

export interface Spec<S extends z.ZodType> {
  schema: S;
  intent(d: z.infer<S>): CaseIntent;
  /** The answer, in the reader's language. */
  success(c: Case, deps: AppDeps, lang: Lang): string;
}

export const spec = <S extends z.ZodType>(s: Spec<S>) => s;
const names = (deps: AppDeps, ids: string[], lang: Lang) =>
  joinAnd(
    ids.map((id) => deps.org.name(id, lang)),
    lang,
  );
const answers = (lang: Lang) => texts(lang).caseAnswers.decisions;
const day = (c: Case, d: string | undefined, lang: Lang) => (d ? formatDate(d, stockholmYear(c.updatedAt), lang) : '');

const SPECS = {
  skydd: spec({
    schema: SkyddForm,
    intent: (d) => ({
      type: 'recordSkyddsbedomning',
      immediateProtection: d.immediateProtection,
      motivation: d.motivation,
      ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
    }),
    success: (c, _deps, lang) => answers(lang).skydd(!!c.skyddsbedomning?.immediateProtection),
  }),
  forhand: spec({
    schema: ForhandForm,
    intent: (d) => {
      const investigators = [d.investigator, d.secondInvestigator].filter((x): x is string => !!x);
      return {
        type: 'decideForhandsbedomning',
        outcome: d.outcome,
        motivation: d.motivation,
        ...(d.synnerligaSkal ? { synnerligaSkal: d.synnerligaSkal } : {}),
        ...(d.violenceReason ? { violenceReason: d.violenceReason } : {}),
        ...(investigators.length ? { investigators } : {}),
        ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
      };
    },
    success: (c, deps, lang) => {
      const t = answers(lang);
      // Said when the decision came after the date in force (it stays counted as late).
      const late = c.forhandsbedomning?.late ? t.late : '';
      if (c.utredning) {
        const who = c.assignees.length ? t.investigators(names(deps, c.assignees, lang)) : t.noInvestigator;
        return t.opened(day(c, c.utredning.openedOn, lang), day(c, c.utredning.deadline, lang), who, late);
      }
      const task =
        c.aterkoppling && !c.aterkoppling.doneAt
          ? c.aterkoppling.due
            ? t.aterkopplingDue(c.aterkoppling.due)
            : t.aterkopplingNoLimit
          : '';
      return c.closure?.outcome === 'already_ongoing' ? t.alreadyOngoing(late, task) : t.notOpened(late, task);
    },
  }),
  extend: spec({
    schema: ExtendForm,
    intent: (d) => ({
      type: 'extend',
      newDeadline: d.newDeadline,
      reason: d.reason,
      ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
    }),
    success: (c, _deps, lang) => {
      const t = answers(lang);
      const last = c.utredning?.extensions.at(-1);
      const base = t.extended(
        day(c, last?.previousDeadline, lang),
        day(c, last?.newDeadline, lang),
        day(c, c.utredning?.statutoryDeadline, lang),
      );
      return last?.overrun ? `${base}${t.extendedOverrun}` : base;
    },
  }),
  contact: spec({
    schema: ContactForm,
    intent: (d) => ({
      type: 'recordContact',
      kind: d.kind,
      date: d.date,
      ...(d.childRef ? { childRef: d.childRef } : {}),
      ...(d.note ? { note: d.note } : {}),
    }),
    success: (c, _deps, lang) => {
      const t = answers(lang);
      const k = c.contacts.at(-1);
      return t.contact(k ? (t.contactKind[k.kind] ?? k.kind) : t.contactUnknown, day(c, k?.date, lang));
    },
  }),
  barnsamtal: spec({
    schema: BarnsamtalNotHeldForm,
    intent: (d) => ({ type: 'recordBarnsamtalNotHeld', reason: d.reason }),
    success: (_c, _deps, lang) => answers(lang).barnsamtal,
  }),
  aterkoppling: spec({
    schema: AterkopplingForm,
    intent: () => ({ type: 'completeAterkoppling' }),
    success: (_c, _deps, lang) => answers(lang).aterkoppling,
  }),
  close: spec({
    schema: CloseForm,
    intent: (d) => ({
      type: 'close',
      outcome: d.outcome,
      ...(d.motivation ? { motivation: d.motivation } : {}),
      ...(d.uppfoljningUntil ? { uppfoljningUntil: d.uppfoljningUntil } : {}),
      ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
    }),
    success: (c, _deps, lang) =>
      answers(lang).closed(c.closure?.outcome === 'insats') +
      (c.uppfoljning ? answers(lang).uppfoljningUntil(c.uppfoljning.due) : ''),
  }),
  uppfoljning: spec({
    schema: UppfoljningForm,
    intent: (d) => ({ type: 'completeUppfoljning', outcome: d.outcome, ...(d.note ? { note: d.note } : {}) }),
    success: (c, _deps, lang) =>
      answers(lang).uppfoljning(answers(lang).uppfoljningOutcome[c.uppfoljning?.outcome ?? 'no_action']),
  }),
  ...LAW_SPECS,
} satisfies Record<DecisionKind, Spec<z.ZodType>>;

/** Fields of the decision forms that hold a reference (the rest is free text or a choice). */
const REFERENCE_FIELDS = new Set(['childRef']);

/** Every field of a decision form through the one guard: references as references, the rest as text. */
export function guardFormFields(kind: DecisionKind, data: FormData) {
  const text: Record<string, string | undefined> = {};
  const refs: Record<string, string | undefined> = {};
  for (const f of DECISION_FORM_FIELDS[kind]) {
    const v = data[f];
    if (typeof v === 'string') (REFERENCE_FIELDS.has(f) ? refs : text)[f] = v;
  }
  return guardFreeText(text, refs);
}

/** The zod issues of a form as one message per field, in the reader's language. */
export function fieldMessages(error: z.ZodError, lang: Lang = 'sv'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= fieldMessage(issue.message, lang);
  }
  return out;
}

export function reminderFor(deps: AppDeps, caseId: string, lang: Lang = 'sv'): Reminder {
  const link = caseLink(deps, caseId);
  return {
    text: answers(lang).reminder(caseId),
    ...(link ? { link } : {}),
  };
}

/** Any decision by kind: the entrance the card actions use. */
export async function submitDecision(deps: AppDeps, kind: DecisionKind, input: DecisionInput): Promise<DecisionResult> {
  const s = SPECS[kind] as Spec<z.ZodType<Record<string, unknown>>>;
  const lang = input.lang ?? 'sv';
  const current = await deps.store.getCase(input.caseId);
  const parsed = s.schema.safeParse(input.data ?? {});
  // The secrecy guard reads every field of the form as it was sent, whatever else is wrong with it,
  // so the person learns every problem at once and a field with a number always comes back empty.
  const secrecy = guardFormFields(kind, input.data ?? {});
  if (!parsed.success || secrecy) {
    const fields = {
      ...(parsed.success ? {} : fieldMessages(parsed.error, lang)),
      ...(secrecy ? fieldWords(secrecy) : {}),
    };
    const message = secrecy && parsed.success ? refusalText(secrecy, lang) : answers(lang).notSaved;
    return failed(kind, refuse('invalid', message, fields), current);
  }
  const r = await executeCaseCommand(deps, {
    caseId: input.caseId,
    expectedVersion: input.version,
    actor: input.actor,
    intent: s.intent(parsed.data),
    lang,
  });
  if (!r.ok) return { ...r, kind };
  if (kind === 'forhand' && r.case.utredning) await endUppfoljningAfterOpening(deps, r.case);
  return {
    ok: true,
    case: r.case,
    message: s.success(r.case, deps, lang),
    reminder: reminderFor(deps, r.case.id, lang),
  };
}

function failed(kind: DecisionKind, refusal: Refusal, current: Case | undefined): DecisionResult {
  return { ok: false, kind, refusal, ...(current ? { case: current } : {}) };
}

export const recordSkyddsbedomning = (deps: AppDeps, input: DecisionInput) => submitDecision(deps, 'skydd', input);
export const decideForhandsbedomning = (deps: AppDeps, input: DecisionInput) => submitDecision(deps, 'forhand', input);
export const extendInvestigation = (deps: AppDeps, input: DecisionInput) => submitDecision(deps, 'extend', input);
export const recordContact = (deps: AppDeps, input: DecisionInput) => submitDecision(deps, 'contact', input);
export const recordBarnsamtalNotHeld = (deps: AppDeps, input: DecisionInput) =>
  submitDecision(deps, 'barnsamtal', input);
export const completeAterkoppling = (deps: AppDeps, input: DecisionInput) =>
  submitDecision(deps, 'aterkoppling', input);
export const closeInvestigation = (deps: AppDeps, input: DecisionInput) => submitDecision(deps, 'close', input);
