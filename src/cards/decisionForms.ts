// The decision forms (cards/decision-*.json) and the case card's decision buttons. Pure: a case, the
// clock and what the person entered in, card JSON out. Which buttons a card shows is a convenience;
// every submission is checked again on the server (role, group, version).
import type { FormInput } from '../views/decisionForm.js';
import { texts, type Lang } from './text/index.js';
import { sv } from './text/sv.js';
import { deadlineStatus, deadlinesOf, forhandsbedomningDueInForce } from '../domain/deadlines.js';
import type { Load } from '../domain/queries.js';
import type { Command } from '../domain/permissions.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case, Role } from '../domain/schemas.js';
import { formatDate, stockholmDate } from '../domain/time.js';
import { protectionState } from '../domain/protection.js';
import { caseHeadline } from '../views/caseHeadline.js';
import { count } from './text/index.js';
import { isViolence } from '../domain/violence.js';
import { LAW_FORM_META, lawFormSubmit } from './lawForms.js';
import {
  availableForms,
  BASIC_FORM_KINDS,
  DECISION_FORM_FIELDS,
  FORM_COMMAND,
  isLawForm,
  LAW_FORM_KINDS,
  type BasicFormKind,
  type FormKind,
  type LawFormKind,
} from '../domain/forms.js';
import { lawFormFields } from './lawFormFields.js';
import { renderCard, type Card } from './render.js';

type FormMeta = { button: string; heading: string; command: Command; fields: readonly string[] };

const BASIC_META: Record<BasicFormKind, Omit<FormMeta, 'fields'>> = {
  skydd: {
    button: sv.formButton.skydd,
    heading: sv.forms.heading.skydd,
    command: FORM_COMMAND.skydd,
  },
  forhand: {
    button: sv.formButton.forhand,
    heading: sv.forms.heading.forhand,
    command: FORM_COMMAND.forhand,
  },
  extend: {
    button: sv.formButton.extend,
    heading: sv.forms.heading.extend,
    command: FORM_COMMAND.extend,
  },
  contact: {
    button: sv.formButton.contact,
    heading: sv.forms.heading.contact,
    command: FORM_COMMAND.contact,
  },
  barnsamtal: {
    button: sv.formButton.barnsamtal,
    heading: sv.forms.heading.barnsamtal,
    command: FORM_COMMAND.barnsamtal,
  },
  aterkoppling: {
    button: sv.formButton.aterkoppling,
    heading: sv.forms.heading.aterkoppling,
    command: FORM_COMMAND.aterkoppling,
  },
  close: {
    button: sv.formButton.close,
    heading: sv.forms.heading.close,
    command: FORM_COMMAND.close,
  },
  uppfoljning: {
    button: sv.formButton.uppfoljning,
    heading: sv.forms.heading.uppfoljning,
    command: FORM_COMMAND.uppfoljning,
  },
};

export const FORM_META: Record<FormKind, FormMeta> = Object.fromEntries(
  [...BASIC_FORM_KINDS, ...LAW_FORM_KINDS].map((k) => [
    k,
    {
      ...(isLawForm(k)
        ? { button: LAW_FORM_META[k].button, heading: LAW_FORM_META[k].heading, command: LAW_FORM_META[k].command }
        : BASIC_META[k]),
      fields: DECISION_FORM_FIELDS[k],
    },
  ]),
) as Record<FormKind, FormMeta>;

/** The template a form is drawn with (the statute's smaller steps and LVU share one). */
export const formTemplate = (kind: FormKind) => (isLawForm(kind) ? 'decision-form' : `decision-${kind}`);

export const openFormVerb = (kind: FormKind) => `decision.${kind}.open-form`;
export const submitVerb = (kind: FormKind) => `decision.${kind}.submit`;

/** Buttons for the case card: the case's own decisions, then the LVU track's (each row at most 5). */
export function decisionButtons(
  c: Case,
  viewer: Role | 'all' | 'none',
  rules: RuleTable,
  today?: string,
  lang: Lang = 'sv',
) {
  // Swedish from the form's own meta; another language from the catalogue (src/cards/text/).
  const title = (k: FormKind) =>
    lang === 'sv' ? FORM_META[k].button : (texts(lang).formButton[k] ?? FORM_META[k].button);
  const button = (k: FormKind) => ({ title: title(k), verb: openFormVerb(k) });
  const kinds = availableForms(c, viewer, rules, today);
  const lvu = kinds.filter((k) => isLawForm(k) && LAW_FORM_META[k].lvu);
  const own = kinds.filter((k) => !lvu.includes(k));
  return { main: own.slice(0, 5).map(button), more: own.slice(5, 10).map(button), lvu: lvu.slice(0, 5).map(button) };
}

const LOAD_TEXT = (l: Load, lang: Lang) => texts(lang).forms.load(l.staff.name, l.open, l.capacity);

/** A second investigator: the least-loaded present caseworker of the group other than the first. */
export function suggestSecond(loads: Load[], first: string | undefined): Load | undefined {
  return loads
    .filter((l) => !l.absent && l.staff.aadObjectId !== first)
    .sort((a, b) => a.open / (a.capacity ?? 10) - b.open / (b.capacity ?? 10) || a.open - b.open)[0];
}

export function decisionForm(input: FormInput): Card {
  const { kind, case: c, now } = input;
  const today = stockholmDate(now);
  const lang = input.lang ?? 'sv';
  const all = texts(lang);
  const t = all.forms;
  // The year is shown when it is not this year (a deadline in next spring must not read as this one).
  const fmt = (d: string) => formatDate(d, Number(today.slice(0, 4)), lang);
  // Under the heading (which names the reference and the form), what is most urgent on the case, as
  // the case card leads with it: late in words ("FÖRSENAD … för 9 dagar sedan"), or due and when.
  const head = caseHeadline({
    deadlines: deadlinesOf(c, input.rules),
    protection: protectionState(c),
    now,
    calendar: input.calendar,
    closed: c.phase === 'closed',
    lang,
  });
  const caseLine = head.deadline ? `${head.text} · ${head.detail}` : `${all.phase[c.phase]} · ${head.text}`;
  if (isLawForm(kind)) return lawForm(input, kind, caseLine, today);
  const values: Record<string, string> = {};
  for (const f of FORM_META[kind].fields) values[f] = '';
  const issues: Record<string, string> = {};
  for (const f of FORM_META[kind].fields) issues[f] = '';
  if (FORM_META[kind].fields.includes('decidedOn')) values.decidedOn = today;
  let intro = '';
  const extra: Record<string, unknown> = {};
  switch (kind) {
    case 'skydd': {
      intro = t.skyddIntro;
      // Past its deadline (the rule table's: the day the report came in, or the next morning for a
      // late report), the form says so before anything is entered.
      const due = deadlinesOf(c, input.rules).find((d) => d.kind === 'skyddsbedomning' && !d.done);
      extra.late = !!due && deadlineStatus(due, now, input.calendar) === 'overdue';
      extra.lateText = due ? t.skyddLateText(fmt(due.due)) : '';
      extra.protectionChoices = [
        { title: t.protectionNo, value: 'nej' },
        { title: t.protectionYes, value: 'ja' },
      ];
      break;
    }
    case 'forhand': {
      const due = forhandsbedomningDueInForce(c, input.rules);
      intro = t.forhandIntro(fmt(due));
      // Violence: the form proposes opening at once instead of offering the 14 days.
      extra.violence = isViolence(c);
      extra.violenceText = extra.violence ? t.violenceText(!c.concerns.includes('violence'), fmt(due)) : '';
      if (extra.violence) {
        intro = t.forhandIntroViolence;
        values.outcome = 'open';
      }
      extra.late = today > due;
      extra.lateText = t.lateText(fmt(due));
      extra.outcomeChoices = (['open', 'not_open', 'already_ongoing'] as const).map((value) => ({
        title: t.outcome[value],
        value,
      }));
      const present = input.loads.filter((l) => !l.absent);
      extra.investigatorChoices = present.map((l) => ({ title: LOAD_TEXT(l, lang), value: l.staff.aadObjectId }));
      const first = c.assignees[0] ?? present.slice().sort((a, b) => a.open - b.open)[0]?.staff.aadObjectId;
      const second = suggestSecond(input.loads, first);
      values.investigator = first ?? '';
      values.secondInvestigator = second?.staff.aadObjectId ?? '';
      extra.suggestion = second ? t.suggestion(second.staff.name, count(second.open, 'ärende', lang)) : '';
      break;
    }
    case 'extend': {
      const u = c.utredning;
      intro = u ? t.extendIntro(fmt(u.deadline), fmt(u.statutoryDeadline)) : '';
      break;
    }
    case 'contact':
      intro = t.contactIntro;
      extra.kindChoices = (['barnsamtal', 'hembesok', 'vardnadshavarmote', 'other'] as const).map((k) => ({
        title: all.contact[k],
        value: k,
      }));
      values.date = today;
      break;
    case 'barnsamtal':
      intro = t.barnsamtalIntro;
      break;
    case 'aterkoppling':
      intro = c.aterkoppling ? t.aterkopplingIntro(c.aterkoppling.due ? fmt(c.aterkoppling.due) : '') : '';
      break;
    case 'uppfoljning':
      intro = c.uppfoljning ? t.uppfoljningIntro(fmt(c.uppfoljning.due)) : '';
      extra.uppfoljningChoices = (['no_action', 'new_investigation', 'insats'] as const).map((value) => ({
        title: t.uppfoljningOutcome[value],
        value,
      }));
      break;
    case 'close':
      intro = t.closeIntro;
      extra.closeChoices = (['insats', 'ingen_insats'] as const).map((value) => ({
        title: t.closeOutcome[value],
        value,
      }));
      break;
  }
  return renderCard(`decision-${kind}`, {
    ...(lang === 'sv' ? {} : { lang }),
    caseId: c.id,
    version: c.version,
    // The reference first: at phone width the line breaks after it, never inside it.
    heading: `${c.id} · ${lang === 'sv' ? FORM_META[kind].heading : (t.heading[kind] ?? FORM_META[kind].heading)}`,
    caseLine,
    intro,
    error: input.error ?? '',
    values: { ...values, ...input.values },
    issues: { ...issues, ...input.issues },
    submitVerb: submitVerb(kind),
    suggestion: '',
    late: false,
    lateText: '',
    violence: false,
    violenceText: '',
    ...extra,
  });
}

function lawForm(input: FormInput, kind: LawFormKind, caseLine: string, today: string): Card {
  const c = input.case;
  const lang = input.lang ?? 'sv';
  const { intro, fields } = lawFormFields(kind, c, today, input.rules, input.deciders ?? [], lang);
  return renderCard('decision-form', {
    ...(lang === 'sv' ? {} : { lang }),
    caseId: c.id,
    version: c.version,
    // The reference first: at phone width the line breaks after it, never inside it.
    heading: `${c.id} · ${texts(lang).lawForms.heading[kind]}`,
    caseLine,
    intro,
    error: input.error ?? '',
    submitTitle: lawFormSubmit(kind, lang),
    submitVerb: submitVerb(kind),
    fields: fields.map((f) => ({
      ...f,
      choices: f.choices ?? [],
      value: input.values?.[f.id] ?? f.initial ?? '',
      issue: input.issues?.[f.id] ?? '',
    })),
  });
}
