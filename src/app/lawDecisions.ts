// The forms for the statute's smaller steps and the LVU track (src/cards/lawForms.ts draws them):
// one zod schema each, the intent and the answer in the reader's language (every field passes the secrecy guard in
// submitDecision).
// They run through the same submitDecision as every other decision form.
import { z } from 'zod';
import type { LawFormKind } from '../domain/forms.js';
import type { CaseIntent } from '../domain/commands.js';
import { deadlinesOf } from '../domain/deadlines.js';
import { protectionState } from '../domain/protection.js';
import type { Actor, Case } from '../domain/schemas.js';
import { formatDate, stockholmYear } from '../domain/time.js';
import { texts, type Lang } from '../cards/text/index.js';
import type { AppDeps } from './context.js';
import { executeCaseCommand } from './executeCaseCommand.js';
import { date, optionalDate, optionalText, requiredText, type ValidationKey } from './formFields.js';

interface LawSpec<S extends z.ZodType> {
  schema: S;
  intent(d: z.infer<S>): CaseIntent;
  success(c: Case, deps: AppDeps, lang: Lang): string;
}
const spec = <S extends z.ZodType>(s: LawSpec<S>) => s;

const choice = <T extends string>(values: readonly [T, ...T[]], message: ValidationKey) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.enum(values, { error: message }));
const OnForm = z.object({ on: optionalDate });
const lvuDate = (c: Case, d: string | undefined, lang: Lang) =>
  d ? formatDate(d, stockholmYear(c.updatedAt), lang) : '';
const law = (lang: Lang) => texts(lang).caseAnswers.law;

const lvuStep = (
  step: Extract<CaseIntent, { type: 'lvuRecord' }>['step'],
  said: (c: Case, deps: AppDeps, lang: Lang) => string,
) =>
  spec({
    schema: OnForm,
    intent: (d) => ({ type: 'lvuRecord', step, ...(d.on ? { on: d.on } : {}) }),
    success: said,
  });

export const LAW_SPECS = {
  forhandExtend: spec({
    schema: z.object({
      decidedOn: optionalDate,
      decidedBy: optionalText,
      newDeadline: date('newDeadline'),
      reason: requiredText('synnerligaSkal'),
    }),
    intent: (d) => ({
      type: 'extendForhandsbedomning',
      newDeadline: d.newDeadline,
      reason: d.reason,
      ...(d.decidedBy ? { decidedBy: d.decidedBy } : {}),
      ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
    }),
    success: (c, deps, lang) => {
      const e = c.forhandsExtensions?.at(-1);
      return law(lang).forhandExtended(
        lvuDate(c, e?.newDeadline, lang),
        lvuDate(c, e?.decidedOn, lang),
        e ? deps.org.name(e.decidedBy, lang) : '',
      );
    },
  }),
  information: spec({
    schema: z.object({ givenOn: optionalDate, reason: optionalText }),
    intent: (d) => ({
      type: 'recordUtredningInformation',
      ...(d.givenOn ? { givenOn: d.givenOn } : {}),
      ...(d.reason ? { reason: d.reason } : {}),
    }),
    success: (c, _deps, lang) =>
      c.utredning?.information?.givenOn
        ? law(lang).informed(lvuDate(c, c.utredning.information.givenOn, lang))
        : law(lang).notInformed,
  }),
  aterkopplingRequest: spec({
    schema: z.object({ requestedOn: optionalDate }),
    intent: (d) => ({ type: 'requestAterkoppling', ...(d.requestedOn ? { requestedOn: d.requestedOn } : {}) }),
    success: (c, _deps, lang) =>
      c.aterkoppling?.due
        ? law(lang).aterkopplingDue(c.aterkoppling.due)
        : c.forhandsbedomning
          ? law(lang).aterkopplingBefore2026
          : law(lang).aterkopplingFromDecision,
  }),
  uppfoljningInfo: spec({
    schema: z.object({}),
    intent: () => ({ type: 'recordUppfoljningInformed' }),
    success: (_c, _deps, lang) => law(lang).uppfoljningInfo,
  }),
  lvuStart: spec({
    schema: z.object({
      decidedOn: optionalDate,
      decidedBy: choice(['namnd', 'ordforande', 'ledamot'], 'decidedBy'),
      ground: choice(['2', '3'], 'lvuGround'),
      verkstalldOn: optionalDate,
    }),
    intent: (d) => ({
      type: 'lvuStart',
      decidedBy: d.decidedBy,
      ground: d.ground,
      ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
      ...(d.verkstalldOn ? { verkstalldOn: d.verkstalldOn } : {}),
    }),
    success: (c, deps, lang) => {
      const under = deadlinesOf(c, deps.rules).find((d) => d.kind === 'lvu_understallning');
      const ans = deadlinesOf(c, deps.rules).find((d) => d.kind === 'lvu_ansokan');
      const t = law(lang);
      return (
        t.lvuOmedelbart(lvuDate(c, under?.due, lang)) +
        (ans ? t.lvuAnsokanDue(lvuDate(c, ans.due, lang)) : t.lvuVerkstallNext)
      );
    },
  }),
  lvuVerkstalld: lvuStep('verkstalld', (c, _deps, lang) =>
    law(lang).lvuVerkstalld(lvuDate(c, c.lvu?.verkstalldOn, lang)),
  ),
  lvuNamnd: lvuStep('namnd', (_c, _deps, lang) => law(lang).lvuNamnd),
  lvuUnderstallning: lvuStep('understallning', (_c, _deps, lang) => law(lang).lvuUnderstallning),
  lvuAnsokan: lvuStep('ansokan', (_c, _deps, lang) => law(lang).lvuAnsokan),
  lvuCourtExtension: spec({
    schema: z.object({ until: date('courtDate') }),
    intent: (d) => ({ type: 'lvuCourtExtension', until: d.until }),
    success: (c, _deps, lang) => law(lang).lvuCourtExtended(c.lvu?.courtExtendedTo ?? ''),
  }),
  lvuDom: spec({
    schema: z.object({ on: optionalDate, outcome: optionalText, finalOn: optionalDate }),
    intent: (d) => ({
      type: 'lvuCourtDecision',
      outcome: d.outcome ?? '',
      ...(d.on ? { on: d.on } : {}),
      ...(d.finalOn ? { finalOn: d.finalOn } : {}),
    }),
    success: (c, _deps, lang) =>
      c.lvu?.courtDecision?.outcome === 'avslag' ? law(lang).lvuCourtRejected : law(lang).lvuCourtVard,
  }),
  lvuVard: lvuStep('vard', (_c, _deps, lang) => law(lang).lvuVard),
  lvuReview: lvuStep('review', (_c, _deps, lang) => law(lang).lvuReview),
  lvuRestriction: spec({
    schema: z.object({
      kind: choice(['umgange', 'hemlig_vistelseort', 'review'], 'decision'),
      on: optionalDate,
    }),
    intent: (d) => ({ type: 'lvuRestriction', kind: d.kind, ...(d.on ? { on: d.on } : {}) }),
    success: (_c, _deps, lang) => law(lang).lvuRestriction,
  }),
  lvuEnd: lvuStep('end', (_c, _deps, lang) => law(lang).lvuEnd),
  skyddsatgard: spec({
    schema: z.object({
      kind: choice(['placement', 'lvu_6', 'police', 'other'], 'measureKind'),
      on: optionalDate,
      time: optionalText,
      doneBy: optionalText,
      motivation: requiredText('motivationShort'),
    }),
    intent: (d) => ({
      type: 'recordProtectiveMeasure',
      kind: d.kind,
      motivation: d.motivation,
      ...(d.on ? { on: d.on } : {}),
      ...(d.time ? { time: d.time } : {}),
      ...(d.doneBy ? { doneBy: d.doneBy } : {}),
    }),
    success: (c, deps, lang) => {
      const t = law(lang);
      const m = c.protectiveMeasures?.at(-1);
      const state = protectionState(c);
      const what = m ? t.measureWhat(t.measureKind[m.kind], m.on, m.time, deps.org.name(m.doneBy, lang)) : '';
      const lvu = m?.kind === 'lvu_6' && !c.lvu ? t.measureAlsoLvu : '';
      return state.status === 'met' ? t.measureDone(what, lvu) : t.measureNoOwner(what, lvu);
    },
  }),
} satisfies Record<LawFormKind, LawSpec<z.ZodType>>;

const BOT_ACTOR: Actor = {
  id: 'system:arendevakt',
  name: 'Ärendevakt',
  role: 'unit_manager',
  groups: [],
  system: true,
};

/**
 * 23 kap. SoL: an uppföljning ends when a new investigation about the same child is opened. Run by the
 * bot after the förhandsbedömning opened one; each ended uppföljning is its own commit and audit entry.
 */
export async function endUppfoljningAfterOpening(deps: AppDeps, opened: Case): Promise<void> {
  const on = opened.utredning!.openedOn;
  for (const other of await deps.store.casesByChild(opened.childRef)) {
    const u = other.uppfoljning;
    if (other.id === opened.id || !u || u.doneAt || u.endedEarly) continue;
    await executeCaseCommand(deps, {
      caseId: other.id,
      actor: BOT_ACTOR,
      intent: { type: 'endUppfoljning', on, byCaseId: opened.id },
    });
  }
}
