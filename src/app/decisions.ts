// Decisions on a case from a form (skyddsbedömning, förhandsbedömning, extension, contact, barnsamtal
// not held, återkoppling done, close). One use case per decision, all the same story: validate the
// form with zod (a Swedish message per field), refuse free text with a personnummer before anything
// is stored, run the command with the version the card showed, refresh the channel card in the same
// commit, and remind the person that the legal record is the case-management system.
import { z } from 'zod';
import type { CaseIntent } from '../domain/commands.js';
import { ContactKind, refuse, UppfoljningOutcome, type Actor, type Case, type Refusal } from '../domain/schemas.js';
import { guardFreeText, isSecrecyMessage, scrubbed } from '../domain/secrecy.js';
import { loadPerCaseworker } from '../domain/queries.js';
import { decisionForm, FORM_META } from '../cards/decisionForms.js';
import type { Card } from '../cards/render.js';
import { formatSwedishDate, isValidLocalDate, stockholmYear } from '../domain/time.js';
import { LAW_FORM_KINDS } from '../cards/lawForms.js';
import { date, emptyToUndefined, optionalDate, optionalText, requiredText, staffIds, yesNo } from './formFields.js';
import { LAW_SPECS, endUppfoljningAfterOpening } from './lawDecisions.js';
import { texts, type Lang } from '../cards/text/index.js';
import { absences, caseLink, type AppDeps } from './context.js';
import { executeCaseCommand, type CaseResult } from './executeCaseCommand.js';

export const DECISION_KINDS = [
  'skydd',
  'forhand',
  'extend',
  'contact',
  'barnsamtal',
  'aterkoppling',
  'close',
  'uppfoljning',
  ...LAW_FORM_KINDS,
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** What a person enters on a form: Adaptive Card inputs arrive as strings. */
export type FormData = Record<string, unknown>;

export interface DecisionInput {
  caseId: string;
  /** The case version the card showed. */
  version: number;
  actor: Actor;
  data: FormData;
}

export interface Reminder {
  text: string;
  /** The case in the case-management system, when CASE_LINK_TEMPLATE is set. */
  link?: string;
}

export type DecisionResult =
  | { ok: true; case: Case; message: string; reminder: Reminder }
  | (Extract<CaseResult, { ok: false }> & { kind: DecisionKind });

// ---- field schemas (Swedish messages; empty strings from the card count as missing) ----

export const SkyddForm = z.object({
  decidedOn: optionalDate,
  immediateProtection: yesNo('Välj om barnet behöver omedelbart skydd.'),
  motivation: requiredText('Skriv en kort motivering.'),
});

/** Said when a förhandsbedömning was decided after the date in force (it stays counted as late). */
const LATE_DECISION = ' Beslutet kom efter fristen och räknas som försenat.';

export const ForhandForm = z.object({
  decidedOn: optionalDate,
  outcome: z.enum(['open', 'not_open', 'already_ongoing'], {
    error: 'Välj beslut: inled utredning, inled inte, eller pågående utredning.',
  }),
  motivation: requiredText('Skriv en motivering till beslutet.'),
  synnerligaSkal: optionalText,
  violenceReason: optionalText,
  investigator: optionalText,
  secondInvestigator: optionalText,
});

export const ExtendForm = z.object({
  decidedOn: optionalDate,
  newDeadline: date('Ange det nya datumet som ÅÅÅÅ-MM-DD.'),
  reason: requiredText('Skriv skälet till förlängningen.'),
});

export const ContactForm = z.object({
  kind: z.enum(ContactKind.options, { error: 'Välj typ av kontakt.' }),
  date: date('Ange datumet för kontakten som ÅÅÅÅ-MM-DD.'),
  childRef: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/, 'Barnets referens: bokstäver, siffror, - _ . /')
      .optional(),
  ),
  note: optionalText,
});

export const BarnsamtalNotHeldForm = z.object({
  reason: requiredText('Skriv varför barnsamtal inte hålls (t.ex. barnets ålder eller språk).'),
});

export const AterkopplingForm = z.object({});

export const CloseForm = z.object({
  decidedOn: optionalDate,
  outcome: z.enum(['insats', 'ingen_insats'], { error: 'Välj utfall: insats eller ingen insats.' }),
  motivation: optionalText,
  uppfoljningUntil: optionalDate,
});

export const UppfoljningForm = z.object({
  outcome: z.enum(UppfoljningOutcome.options, {
    error: 'Välj hur uppföljningen slutade: utan vidare åtgärd, ny utredning eller insats.',
  }),
  note: optionalText,
});

// ---- one spec per decision ----

export interface Spec<S extends z.ZodType> {
  schema: S;
  intent(d: z.infer<S>): CaseIntent;
  success(c: Case, deps: AppDeps): string;
}

export const spec = <S extends z.ZodType>(s: Spec<S>) => s;
const names = (deps: AppDeps, ids: string[]) => ids.map((id) => deps.org.name(id)).join(' och ');

const SPECS = {
  skydd: spec({
    schema: SkyddForm,
    intent: (d) => ({
      type: 'recordSkyddsbedomning',
      immediateProtection: d.immediateProtection,
      motivation: d.motivation,
      ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
    }),
    success: (c) =>
      `Skyddsbedömningen är registrerad: ${c.skyddsbedomning?.immediateProtection ? 'barnet behöver omedelbart skydd' : 'inget omedelbart skyddsbehov'}.`,
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
    success: (c, deps) => {
      if (c.utredning) {
        const who = c.assignees.length ? ` Utredare: ${names(deps, c.assignees)}.` : ' Ingen utredare är utsedd ännu.';
        const lateOpen = c.forhandsbedomning?.late ? LATE_DECISION : '';
        return `Utredning inledd ${formatSwedishDate(c.utredning.openedOn, stockholmYear(c.updatedAt))}; ska vara klar senast ${formatSwedishDate(c.utredning.deadline, stockholmYear(c.updatedAt))}.${who}${lateOpen} Informera vårdnadshavarna (och barnet) om att utredningen inletts.`;
      }
      const task =
        c.aterkoppling && !c.aterkoppling.doneAt
          ? c.aterkoppling.due
            ? ` Återkoppling till anmälaren senast ${c.aterkoppling.due}.`
            : ' Återkoppling till anmälaren (ingen tidsgräns).'
          : '';
      const late = c.forhandsbedomning?.late ? LATE_DECISION : '';
      return c.closure?.outcome === 'already_ongoing'
        ? `Beslut: utredning pågår redan. Ärendet är avslutat.${late}${task}`
        : `Beslut: utredning inleds inte. Ärendet är avslutat.${late}${task}`;
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
    success: (c) => {
      const last = c.utredning?.extensions.at(-1);
      const day = (d: string | undefined) => (d ? formatSwedishDate(d, stockholmYear(c.updatedAt)) : '');
      const base = `Utredningen är förlängd från ${day(last?.previousDeadline)} till ${day(last?.newDeadline)} (lagstadgad tid ${day(c.utredning?.statutoryDeadline)}).`;
      return last?.overrun
        ? `${base} Förlängningen beslutades efter att fristen gått ut: den registreras som överskriden frist och utredningen räknas som försenad.`
        : base;
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
    success: (c) => {
      const k = c.contacts.at(-1);
      return `Kontakten är registrerad (${k ? CONTACT_TEXT[k.kind] : 'kontakt'} ${k?.date ? formatSwedishDate(k.date, stockholmYear(c.updatedAt)) : ''}).`;
    },
  }),
  barnsamtal: spec({
    schema: BarnsamtalNotHeldForm,
    intent: (d) => ({ type: 'recordBarnsamtalNotHeld', reason: d.reason }),
    success: () => 'Skälet till att barnsamtal inte hålls är registrerat.',
  }),
  aterkoppling: spec({
    schema: AterkopplingForm,
    intent: () => ({ type: 'completeAterkoppling' }),
    success: () => 'Återkopplingen till anmälaren är markerad som gjord.',
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
    success: (c) =>
      `Utredningen är avslutad (${c.closure?.outcome === 'insats' ? 'insats' : 'ingen insats'}).` +
      (c.uppfoljning
        ? ` Uppföljning till ${c.uppfoljning.due}. Informera vårdnadshavarna, och barnet om det fyllt 15 år.`
        : ''),
  }),
  uppfoljning: spec({
    schema: UppfoljningForm,
    intent: (d) => ({ type: 'completeUppfoljning', outcome: d.outcome, ...(d.note ? { note: d.note } : {}) }),
    success: (c) =>
      `Uppföljningen är registrerad som avslutad (${UPPFOLJNING_OUTCOME_TEXT[c.uppfoljning?.outcome ?? 'no_action']}).`,
  }),
  ...LAW_SPECS,
} satisfies Record<DecisionKind, Spec<z.ZodType>>;

export const UPPFOLJNING_OUTCOME_TEXT: Record<UppfoljningOutcome, string> = {
  no_action: 'utan vidare åtgärd',
  new_investigation: 'ny utredning inleds',
  insats: 'familjen får insats',
};

const CONTACT_TEXT: Record<ContactKind, string> = {
  barnsamtal: 'barnsamtal',
  hembesok: 'hembesök',
  vardnadshavarmote: 'möte med vårdnadshavare',
  other: 'annan kontakt',
};

/** Fields of the decision forms that hold a reference (the rest is free text or a choice). */
const REFERENCE_FIELDS = new Set(['childRef']);

/** Every field of a decision form through the one guard: references as references, the rest as text. */
export function guardFormFields(kind: DecisionKind, data: FormData) {
  const text: Record<string, string | undefined> = {};
  const refs: Record<string, string | undefined> = {};
  for (const f of FORM_META[kind].fields) {
    const v = data[f];
    if (typeof v === 'string') (REFERENCE_FIELDS.has(f) ? refs : text)[f] = v;
  }
  return guardFreeText(text, refs);
}

/** The zod issues of a form as one Swedish message per field. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

export function reminderFor(deps: AppDeps, caseId: string): Reminder {
  const link = caseLink(deps, caseId);
  return {
    text: `Kom ihåg att dokumentera beslutet i verksamhetssystemet (ärende ${caseId}); Ärendevakt är inte den rättsliga akten.`,
    ...(link ? { link } : {}),
  };
}

/** Any decision by kind: the entrance the card actions use. */
export async function submitDecision(deps: AppDeps, kind: DecisionKind, input: DecisionInput): Promise<DecisionResult> {
  const s = SPECS[kind] as Spec<z.ZodType<Record<string, unknown>>>;
  const current = deps.store.getCase(input.caseId);
  const parsed = s.schema.safeParse(input.data ?? {});
  // The secrecy guard reads every field of the form as it was sent, whatever else is wrong with it,
  // so the person learns every problem at once and a field with a number always comes back empty.
  const secrecy = guardFormFields(kind, input.data ?? {});
  if (!parsed.success || secrecy) {
    const fields = { ...(parsed.success ? {} : fieldMessages(parsed.error)), ...(secrecy?.fields ?? {}) };
    const message = secrecy && parsed.success ? secrecy.message : 'Uppgifterna kunde inte sparas. Rätta fälten nedan.';
    return failed(kind, refuse('invalid', message, fields), current);
  }
  const r = await executeCaseCommand(deps, {
    caseId: input.caseId,
    expectedVersion: input.version,
    actor: input.actor,
    intent: s.intent(parsed.data),
  });
  if (!r.ok) return { ...r, kind };
  if (kind === 'forhand' && r.case.utredning) await endUppfoljningAfterOpening(deps, r.case);
  return { ok: true, case: r.case, message: s.success(r.case, deps), reminder: reminderFor(deps, r.case.id) };
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

// ---- the forms as cards ----

/** The form for a decision on this case, with what was entered and the messages by field. */
export function decisionFormFor(
  deps: AppDeps,
  c: Case,
  kind: DecisionKind,
  state: { values?: Record<string, string>; issues?: Record<string, string>; error?: string; lang?: Lang } = {},
): Card {
  const now = deps.now();
  return decisionForm({
    kind,
    case: c,
    now,
    rules: deps.rules,
    calendar: deps.calendar,
    nameOf: (id) => deps.org.name(id),
    loads: loadPerCaseworker(deps.store.openCases(), deps.org.org, absences(deps), now, c.groupId),
    // Who may be named: the deciders (team leads, unit managers); for a protective measure anyone in the group.
    deciders: deps.org.org.staff
      .filter(
        (s) =>
          (kind === 'skyddsatgard' || s.role !== 'caseworker') &&
          (s.role === 'unit_manager' || s.groups.includes(c.groupId)),
      )
      .map((s) => ({ id: s.aadObjectId, name: s.name })),
    ...state,
  });
}

/**
 * The form again after a refused submission: what was entered, except anything the secrecy guard
 * refused (a personnummer is never sent back to the card), and the messages by field.
 */
export function formAgain(
  deps: AppDeps,
  c: Case,
  kind: DecisionKind,
  data: FormData,
  refusal: Refusal,
  lang: Lang = 'sv',
): Card {
  const entered: Record<string, string> = {};
  for (const f of FORM_META[kind].fields) if (typeof data[f] === 'string') entered[f] = data[f] as string;
  // Whatever was refused, a value with something like a personnummer never goes back to the card.
  const values = scrubbed(entered);
  const issues: Record<string, string> = {};
  for (const [f, message] of Object.entries(refusal.fields ?? {})) {
    if (isSecrecyMessage(message)) values[f] = '';
    if (FORM_META[kind].fields.includes(f)) issues[f] = message;
  }
  const byField = Object.keys(issues).length > 0;
  const t = texts(lang).forms;
  const error = byField
    ? refusal.fields && Object.values(refusal.fields).some(isSecrecyMessage)
      ? t.notSavedSecrecy
      : t.notSavedFields
    : t.notSaved(refusal.message);
  return decisionFormFor(deps, c, kind, { values, issues, error, lang });
}
