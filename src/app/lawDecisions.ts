// The forms for the statute's smaller steps and the LVU track (src/cards/lawForms.ts draws them):
// one zod schema each, the intent and the Swedish answer (every field passes the secrecy guard in
// submitDecision).
// They run through the same submitDecision as every other decision form.
import { z } from 'zod';
import type { LawFormKind } from '../cards/lawForms.js';
import type { CaseIntent } from '../domain/commands.js';
import { deadlinesOf } from '../domain/deadlines.js';
import { MEASURE_LABEL, protectionState } from '../domain/protection.js';
import type { Actor, Case } from '../domain/schemas.js';
import { formatSwedishDate, stockholmDate } from '../domain/time.js';
import type { AppDeps } from './context.js';
import { executeCaseCommand } from './executeCaseCommand.js';
import { date, optionalDate, optionalText, requiredText } from './formFields.js';

interface LawSpec<S extends z.ZodType> {
  schema: S;
  intent(d: z.infer<S>): CaseIntent;
  success(c: Case, deps: AppDeps): string;
}
const spec = <S extends z.ZodType>(s: LawSpec<S>) => s;

const choice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.enum(values, { error: message }));
const OnForm = z.object({ on: optionalDate });
const lvuDate = (c: Case, d: string | undefined) =>
  d ? formatSwedishDate(d, Number(stockholmDate(c.updatedAt).slice(0, 4))) : '';

const lvuStep = (step: Extract<CaseIntent, { type: 'lvuRecord' }>['step'], said: (c: Case) => string) =>
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
      newDeadline: date('Ange det nya datumet som ÅÅÅÅ-MM-DD.'),
      reason: requiredText('Ange de synnerliga skälen.'),
    }),
    intent: (d) => ({
      type: 'extendForhandsbedomning',
      newDeadline: d.newDeadline,
      reason: d.reason,
      ...(d.decidedBy ? { decidedBy: d.decidedBy } : {}),
      ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
    }),
    success: (c, deps) => {
      const e = c.forhandsExtensions?.at(-1);
      return `Förhandsbedömningen är förlängd till ${lvuDate(c, e?.newDeadline)} (beslut ${lvuDate(c, e?.decidedOn)} av ${e ? deps.org.name(e.decidedBy) : ''}).`;
    },
  }),
  information: spec({
    schema: z.object({ givenOn: optionalDate, reason: optionalText }),
    intent: (d) => ({
      type: 'recordUtredningInformation',
      ...(d.givenOn ? { givenOn: d.givenOn } : {}),
      ...(d.reason ? { reason: d.reason } : {}),
    }),
    success: (c) =>
      c.utredning?.information?.givenOn
        ? `De berörda informerades om utredningen ${lvuDate(c, c.utredning.information.givenOn)}.`
        : 'Skälet till att de berörda inte informeras är registrerat.',
  }),
  aterkopplingRequest: spec({
    schema: z.object({ requestedOn: optionalDate }),
    intent: (d) => ({ type: 'requestAterkoppling', ...(d.requestedOn ? { requestedOn: d.requestedOn } : {}) }),
    success: (c) =>
      c.aterkoppling?.due
        ? `Anmälaren har begärt återkoppling: senast ${c.aterkoppling.due}.`
        : c.forhandsbedomning
          ? 'Anmälaren har begärt återkoppling (ingen tidsgräns för beslut före 2026-01-15).'
          : 'Anmälaren har begärt återkoppling: fristen räknas från förhandsbedömningens beslut.',
  }),
  uppfoljningInfo: spec({
    schema: z.object({}),
    intent: () => ({ type: 'recordUppfoljningInformed' }),
    success: () => 'Informationen om uppföljningen är registrerad.',
  }),
  lvuStart: spec({
    schema: z.object({
      decidedOn: optionalDate,
      decidedBy: choice(['namnd', 'ordforande', 'ledamot'], 'Välj vem som beslutade.'),
      ground: choice(['2', '3'], 'Välj grund: 2 § eller 3 § LVU.'),
      verkstalldOn: optionalDate,
    }),
    intent: (d) => ({
      type: 'lvuStart',
      decidedBy: d.decidedBy,
      ground: d.ground,
      ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
      ...(d.verkstalldOn ? { verkstalldOn: d.verkstalldOn } : {}),
    }),
    success: (c, deps) => {
      const under = deadlinesOf(c, deps.rules).find((d) => d.kind === 'lvu_understallning');
      const ans = deadlinesOf(c, deps.rules).find((d) => d.kind === 'lvu_ansokan');
      return (
        `Omedelbart omhändertagande registrerat. Underställning senast ${lvuDate(c, under?.due)}` +
        (ans ? `, ansökan om vård senast ${lvuDate(c, ans.due)}.` : '; registrera verkställigheten när den är gjord.')
      );
    },
  }),
  lvuVerkstalld: lvuStep('verkstalld', (c) => `Verkställigheten är registrerad (${lvuDate(c, c.lvu?.verkstalldOn)}).`),
  lvuNamnd: lvuStep('namnd', () => 'Anmälan till nämnden är registrerad.'),
  lvuUnderstallning: lvuStep('understallning', () => 'Underställningen till förvaltningsrätten är registrerad.'),
  lvuAnsokan: lvuStep('ansokan', () => 'Ansökan om vård är registrerad.'),
  lvuCourtExtension: spec({
    schema: z.object({ until: date('Ange rättens datum som ÅÅÅÅ-MM-DD.') }),
    intent: (d) => ({ type: 'lvuCourtExtension', until: d.until }),
    success: (c) => `Ansökan om vård ska nu göras senast ${c.lvu?.courtExtendedTo} (rättens beslut).`,
  }),
  lvuDom: spec({
    schema: z.object({ on: optionalDate, outcome: optionalText, finalOn: optionalDate }),
    intent: (d) => ({
      type: 'lvuCourtDecision',
      outcome: d.outcome ?? '',
      ...(d.on ? { on: d.on } : {}),
      ...(d.finalOn ? { finalOn: d.finalOn } : {}),
    }),
    success: (c) =>
      c.lvu?.courtDecision?.outcome === 'avslag'
        ? 'Rättens beslut är registrerat: ansökan avslogs och LVU-spåret avslutas.'
        : 'Rättens beslut om vård är registrerat.',
  }),
  lvuVard: lvuStep('vard', () => 'Vårdens början är registrerad.'),
  lvuReview: lvuStep('review', () => 'Övervägandet eller prövningen är registrerad.'),
  lvuRestriction: spec({
    schema: z.object({
      kind: choice(['umgange', 'hemlig_vistelseort', 'review'], 'Välj beslut.'),
      on: optionalDate,
    }),
    intent: (d) => ({ type: 'lvuRestriction', kind: d.kind, ...(d.on ? { on: d.on } : {}) }),
    success: () => 'Beslutet om begränsning är registrerat.',
  }),
  lvuEnd: lvuStep('end', () => 'LVU-spåret är avslutat.'),
  skyddsatgard: spec({
    schema: z.object({
      kind: choice(['placement', 'lvu_6', 'police', 'other'], 'Välj vad som gjordes.'),
      on: optionalDate,
      time: optionalText,
      doneBy: optionalText,
      motivation: requiredText('Skriv en kort motivering.'),
    }),
    intent: (d) => ({
      type: 'recordProtectiveMeasure',
      kind: d.kind,
      motivation: d.motivation,
      ...(d.on ? { on: d.on } : {}),
      ...(d.time ? { time: d.time } : {}),
      ...(d.doneBy ? { doneBy: d.doneBy } : {}),
    }),
    success: (c, deps) => {
      const m = c.protectiveMeasures?.at(-1);
      const state = protectionState(c);
      const what = m
        ? `${MEASURE_LABEL[m.kind]} ${m.on}${m.time ? ` kl. ${m.time}` : ''} (${deps.org.name(m.doneBy)})`
        : '';
      const lvu =
        m?.kind === 'lvu_6' && !c.lvu
          ? ' Registrera också beslutet med Omedelbart omhändertagande (LVU) så att underställningen och ansökan bevakas.'
          : '';
      return state.status === 'met'
        ? `Skyddsåtgärden är registrerad: ${what}. Larmet är avslutat.${lvu}`
        : `Skyddsåtgärden är registrerad: ${what}. Ärendet saknar fortfarande handläggare och ligger kvar först i listorna.${lvu}`;
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
  for (const other of deps.store.casesByChild(opened.childRef)) {
    const u = other.uppfoljning;
    if (other.id === opened.id || !u || u.doneAt || u.endedEarly) continue;
    await executeCaseCommand(deps, {
      caseId: other.id,
      actor: BOT_ACTOR,
      intent: { type: 'endUppfoljning', on, byCaseId: opened.id },
    });
  }
}
