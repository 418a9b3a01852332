// "Ny anmälan" by hand in Teams: the form's view (src/views/newReportForm.ts, drawn by the bot) and its submission, through the
// same use case, validation, secrecy guard and messages as the intake API. A refused field is shown
// again empty when the secrecy guard refused it: the card never carries a personnummer back.
import { FORM_FIELDS, type FormValues, type NewReportFormView } from '../views/newReportForm.js';
import { fieldTexts, refusalText, texts, type Lang } from '../cards/text/index.js';
import { Concern, ReporterType, type Actor, type Case, type Refusal } from '../domain/schemas.js';
import { isSecrecyMessage, scrubbed } from '../domain/secrecy.js';
import { stockholmDate } from '../domain/time.js';
import type { AppDeps } from './context.js';
import { parseSwedishDateTime } from './swedishDateTime.js';
import { DEFAULT_SUMMARY_MAX_CHARS, ingestReport } from './ingestReport.js';

/** Where a report field's issue is shown on the form. */
const ISSUE_FIELD: Record<string, string> = {
  externalId: 'externalId',
  receivedAt: 'receivedAt',
  groupId: 'groupId',
  childRef: 'childRef',
  familyRef: 'familyRef',
  'reporter.type': 'reporterType',
  'reporter.professional': 'reporterType',
  reporter: 'reporterType',
  concerns: 'concerns',
  summary: 'summary',
};

/** The groups a person may register in: their own; a unit manager all. */
export function formGroups(deps: AppDeps, actor: Actor) {
  return deps.org.org.groups.filter((g) => actor.role === 'unit_manager' || actor.groups.includes(g.id));
}

export interface FormState {
  values?: Partial<FormValues>;
  issues?: Record<string, string>;
  error?: string;
  /** The group to preselect (the channel's group). */
  groupId?: string;
}

/** The form in the reader's language (Swedish by default). */
export function newReportForm(
  deps: AppDeps,
  actor: Actor,
  state: FormState = {},
  lang: Lang = 'sv',
): NewReportFormView {
  const L = texts(lang);
  const groups = formGroups(deps, actor);
  const now = deps.now();
  const time = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
  }).format(now);
  const values: FormValues = {
    externalId: '',
    receivedDate: stockholmDate(now),
    receivedTime: time,
    groupId:
      state.groupId && groups.some((g) => g.id === state.groupId)
        ? state.groupId
        : groups.length === 1
          ? groups[0].id
          : '',
    childRef: '',
    familyRef: '',
    reporterType: '',
    professional: 'ja',
    concerns: '',
    summary: '',
    ...state.values,
  };
  const issues: Record<string, string> = {
    externalId: '',
    receivedAt: '',
    groupId: '',
    childRef: '',
    familyRef: '',
    reporterType: '',
    concerns: '',
    summary: '',
    ...state.issues,
  };
  const summaryMax = deps.config.summaryMaxChars ?? DEFAULT_SUMMARY_MAX_CHARS;
  return {
    lang,
    summaryEnabled: summaryMax > 0,
    summaryMax: Math.max(summaryMax, 1),
    values,
    issues,
    error: state.error ?? '',
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    reporterTypes: ReporterType.options.map((v) => ({ value: v, title: L.reporter[v] })),
    concernChoices: Concern.options.map((v) => ({ value: v, title: L.concern[v] })),
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The form's inputs as the body the API would receive (validation happens in ingestReport). */
export function formToReport(data: Record<string, unknown>): Record<string, unknown> {
  const date = str(data.receivedDate);
  const time = str(data.receivedTime);
  const receivedAt =
    parseSwedishDateTime(time ? `${date} ${time}` : date) ?? (date ? `${date} ${time}`.trim() : undefined);
  const concerns = str(data.concerns)
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const summary = str(data.summary);
  const familyRef = str(data.familyRef);
  return {
    externalId: str(data.externalId),
    receivedAt,
    groupId: str(data.groupId),
    childRef: str(data.childRef),
    reporter: {
      type: str(data.reporterType) || undefined,
      professional: str(data.professional) !== 'nej' && str(data.professional) !== 'false',
    },
    concerns,
    ...(summary ? { summary } : {}),
    ...(familyRef ? { familyRef } : {}),
  };
}

export type FormResult =
  | { ok: true; status: 201 | 200; case: Case; message: string }
  | { ok: false; form: NewReportFormView; refusal?: Refusal };

/** Submit the form: the same use case as the API, with the person as the actor, answered in their language. */
export async function submitReportForm(
  deps: AppDeps,
  actor: Actor,
  data: Record<string, unknown>,
  lang: Lang = 'sv',
): Promise<FormResult> {
  const t = texts(lang).newReport;
  const r = await ingestReport(deps, formToReport(data), actor, lang);
  if (r.status === 201 || r.status === 200) {
    const message = r.status === 201 ? t.registered(r.case.id) : t.alreadyThere(r.case.id);
    return { ok: true, status: r.status, case: r.case, message };
  }
  // Show the form again with what was entered, except what the secrecy guard refused.
  const entered: Partial<FormValues> = {};
  for (const f of FORM_FIELDS) if (typeof data[f] === 'string') entered[f] = data[f] as string;
  // Whatever was refused (a bad date, a duplicate), a value with something like a personnummer is emptied.
  const values = scrubbed(entered);
  const issues: Record<string, string> = {};
  let error: string;
  let refusal: Refusal | undefined;
  if (r.status === 409) {
    issues.externalId = t.conflict;
    error = t.notRegistered;
  } else {
    const refused: Refusal = (r as { refusal: Refusal }).refusal;
    refusal = refused;
    const shown = fieldTexts(refused, lang);
    for (const [path, message] of Object.entries<string>(refused.fields ?? {})) {
      const field = ISSUE_FIELD[path] ?? ISSUE_FIELD[path.split('.')[0]];
      if (field) issues[field] ??= shown[path] ?? message;
      if (isSecrecyMessage(message)) {
        if (path === 'summary' || path === 'childRef' || path === 'externalId' || path === 'familyRef')
          values[path as 'summary'] = '';
      }
    }
    error =
      r.status === 403
        ? refusalText(refused, lang)
        : Object.keys(issues).length
          ? t.fixFields
          : refusalText(refused, lang);
  }
  return {
    ok: false,
    form: newReportForm(deps, actor, { values, issues, error }, lang),
    ...(refusal ? { refusal } : {}),
  };
}
