// The decision forms (cards/decision-*.json) and the case card's decision buttons. Pure: a case, the
// clock and what the person entered in, card JSON out. Which buttons a card shows is a convenience;
// every submission is checked again on the server (role, group, version).
import type { Calendar } from '../domain/calendar.js';
import { deadlinesOf, forhandsbedomningDue } from '../domain/deadlines.js';
import type { Load } from '../domain/queries.js';
import { can, type Command } from '../domain/permissions.js';
import type { RuleTable } from '../domain/rules.js';
import type { Case, Role } from '../domain/schemas.js';
import { formatSwedishDate, stockholmDate } from '../domain/time.js';
import { CONTACT_LABEL, PHASE_LABEL } from './labels.js';
import { renderCard, type Card } from './render.js';

/** The same names as src/app/decisions.ts DECISION_KINDS (cards stay free of the app layer). */
export type FormKind =
  'skydd' | 'forhand' | 'extend' | 'contact' | 'barnsamtal' | 'aterkoppling' | 'close' | 'uppfoljning';

export const FORM_META: Record<FormKind, { button: string; heading: string; command: Command; fields: string[] }> = {
  skydd: {
    button: 'Skyddsbedömning',
    heading: 'Skyddsbedömning',
    command: 'recordSkyddsbedomning',
    fields: ['immediateProtection', 'motivation'],
  },
  forhand: {
    button: 'Förhandsbedömning',
    heading: 'Förhandsbedömning: beslut',
    command: 'decideForhandsbedomning',
    fields: ['outcome', 'motivation', 'synnerligaSkal', 'investigator', 'secondInvestigator'],
  },
  extend: { button: 'Förläng', heading: 'Förläng utredningen', command: 'extend', fields: ['newDeadline', 'reason'] },
  contact: {
    button: 'Kontakt',
    heading: 'Registrera kontakt',
    command: 'recordContact',
    fields: ['kind', 'date', 'childRef', 'note'],
  },
  barnsamtal: {
    button: 'Inget barnsamtal',
    heading: 'Barnsamtal hålls inte',
    command: 'recordBarnsamtalNotHeld',
    fields: ['reason'],
  },
  aterkoppling: {
    button: 'Återkoppling gjord',
    heading: 'Återkoppling till anmälaren',
    command: 'completeAterkoppling',
    fields: [],
  },
  close: {
    button: 'Avsluta',
    heading: 'Avsluta utredningen',
    command: 'close',
    fields: ['outcome', 'motivation', 'uppfoljningUntil'],
  },
  uppfoljning: {
    button: 'Uppföljning avslutad',
    heading: 'Uppföljningen är avslutad',
    command: 'endUppfoljning',
    fields: ['outcome', 'note'],
  },
};

export const openFormVerb = (kind: FormKind) => `decision.${kind}.open-form`;
export const submitVerb = (kind: FormKind) => `decision.${kind}.submit`;

/** The forms that make sense for this case now (by phase), for this viewer ('all' in a channel). */
export function availableForms(c: Case, viewer: Role | 'all' | 'none', rules: RuleTable): FormKind[] {
  if (viewer === 'none') return [];
  const kinds: FormKind[] = [];
  if (!c.skyddsbedomning && c.phase !== 'closed') kinds.push('skydd');
  if (c.phase === 'forhandsbedomning' && c.skyddsbedomning && !c.forhandsbedomning) kinds.push('forhand');
  if (c.phase === 'forhandsbedomning' || c.phase === 'utredning') kinds.push('contact');
  if (c.phase === 'utredning' && !c.barnsamtalNotHeldReason && !c.contacts.some((k) => k.kind === 'barnsamtal'))
    kinds.push('barnsamtal');
  if (c.aterkoppling && !c.aterkoppling.doneAt) kinds.push('aterkoppling');
  if (c.uppfoljning && !c.uppfoljning.doneAt) kinds.push('uppfoljning');
  if (c.phase === 'utredning') kinds.push('extend', 'close');
  return viewer === 'all'
    ? kinds
    : kinds.filter((k) => can(viewer, FORM_META[k].command, { extendRoles: rules.extendRoles }));
}

/** Buttons for the case card (its `decisions` array). */
export function decisionButtons(c: Case, viewer: Role | 'all' | 'none', rules: RuleTable) {
  return availableForms(c, viewer, rules).map((k) => ({ title: FORM_META[k].button, verb: openFormVerb(k) }));
}

export interface FormInput {
  kind: FormKind;
  case: Case;
  now: Date;
  rules: RuleTable;
  calendar: Calendar;
  nameOf: (staffId: string) => string;
  /** Caseworkers of the case's group with their load (investigator choices, the suggestion). */
  loads: Load[];
  values?: Record<string, string>;
  issues?: Record<string, string>;
  error?: string;
}

const LOAD_TEXT = (l: Load) => `${l.staff.name} – ${l.open}${l.capacity !== undefined ? `/${l.capacity}` : ''} ärenden`;

/** A second investigator: the least-loaded present caseworker of the group other than the first. */
export function suggestSecond(loads: Load[], first: string | undefined): Load | undefined {
  return loads
    .filter((l) => !l.absent && l.staff.aadObjectId !== first)
    .sort((a, b) => a.open / (a.capacity ?? 10) - b.open / (b.capacity ?? 10) || a.open - b.open)[0];
}

export function decisionForm(input: FormInput): Card {
  const { kind, case: c, now } = input;
  const today = stockholmDate(now);
  // The year is shown when it is not this year (a deadline in next spring must not read as this one).
  const fmt = (d: string) => formatSwedishDate(d, Number(today.slice(0, 4)));
  const next = deadlinesOf(c, input.rules)
    .filter((d) => !d.done)
    .sort((a, b) => (a.due < b.due ? -1 : 1))[0];
  const caseLine = `${c.id} · ${PHASE_LABEL[c.phase]}${next ? ` · ${next.label} ${fmt(next.due)}` : ''}`;
  const values: Record<string, string> = {};
  for (const f of FORM_META[kind].fields) values[f] = '';
  const issues: Record<string, string> = {};
  for (const f of FORM_META[kind].fields) issues[f] = '';
  let intro = '';
  const extra: Record<string, unknown> = {};
  switch (kind) {
    case 'skydd':
      intro = 'Den omedelbara skyddsbedömningen ska göras samma dag som anmälan kom in.';
      extra.protectionChoices = [
        { title: 'Nej, inget omedelbart skyddsbehov', value: 'nej' },
        { title: 'Ja, barnet behöver omedelbart skydd', value: 'ja' },
      ];
      break;
    case 'forhand': {
      const due = forhandsbedomningDue(c.receivedAt, input.rules);
      intro = `Beslut om att inleda utredning eller inte, senast ${fmt(due)} (14 dagar från anmälan). Att inleda startar fyramånadersfristen i dag.`;
      extra.late = today > due;
      extra.outcomeChoices = [
        { title: 'Inled utredning', value: 'open' },
        { title: 'Inled inte utredning', value: 'not_open' },
        { title: 'Utredning pågår redan', value: 'already_ongoing' },
      ];
      const present = input.loads.filter((l) => !l.absent);
      extra.investigatorChoices = present.map((l) => ({ title: LOAD_TEXT(l), value: l.staff.aadObjectId }));
      const first = c.assignees[0] ?? present.slice().sort((a, b) => a.open - b.open)[0]?.staff.aadObjectId;
      const second = suggestSecond(input.loads, first);
      values.investigator = first ?? '';
      values.secondInvestigator = second?.staff.aadObjectId ?? '';
      extra.suggestion = second
        ? `Förslag: två utredare är god praxis. ${second.staff.name} har lägst belastning (${second.open} ärenden).`
        : '';
      break;
    }
    case 'extend': {
      const u = c.utredning;
      intro = u
        ? `Nuvarande frist ${fmt(u.deadline)} (lagstadgad ${fmt(u.statutoryDeadline)}). Förlängning kräver särskilda skäl och beslutas för viss tid.`
        : '';
      break;
    }
    case 'contact':
      intro =
        'Barnsamtal, hembesök och möte med vårdnadshavare räknas som kontakt med familjen; annan kontakt (t.ex. med skolan) gör det inte.';
      extra.kindChoices = (['barnsamtal', 'hembesok', 'vardnadshavarmote', 'other'] as const).map((k) => ({
        title: CONTACT_LABEL[k],
        value: k,
      }));
      values.date = today;
      break;
    case 'barnsamtal':
      intro = 'När barnet inte kan höras ska skälet dokumenteras, och barnets inställning tas reda på på annat sätt.';
      break;
    case 'aterkoppling':
      intro = c.aterkoppling
        ? `Anmälaren (yrkesverksam) ska få veta om utredning inleddes. Frist ${fmt(c.aterkoppling.due)}.`
        : '';
      break;
    case 'uppfoljning':
      intro = c.uppfoljning
        ? `Uppföljningen skulle avslutas senast ${fmt(c.uppfoljning.due)}. Registrera hur den slutade; då lämnar den morgonlistorna och eskaleringarna.`
        : '';
      extra.uppfoljningChoices = [
        { title: 'Avslutad utan vidare åtgärd', value: 'no_action' },
        { title: 'Ny utredning inleds', value: 'new_investigation' },
        { title: 'Familjen får insats', value: 'insats' },
      ];
      break;
    case 'close':
      intro = 'Efter en utredning utan insats kan en uppföljning beslutas, med eget slutdatum (högst två månader).';
      extra.closeChoices = [
        { title: 'Insats', value: 'insats' },
        { title: 'Ingen insats', value: 'ingen_insats' },
      ];
      break;
  }
  return renderCard(`decision-${kind}`, {
    caseId: c.id,
    version: c.version,
    heading: `${FORM_META[kind].heading} · ${c.id}`,
    caseLine,
    intro,
    error: input.error ?? '',
    values: { ...values, ...input.values },
    issues: { ...issues, ...input.issues },
    submitVerb: submitVerb(kind),
    suggestion: '',
    late: false,
    ...extra,
  });
}
