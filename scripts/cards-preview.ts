// `npm run cards:preview`: every card the bot sends, made by the real use cases from a realistic
// synthetic week (the example organisation, reports arriving over ten days, assignments, an
// absence, the morning tick), rendered to PNG in headless Chromium with the `adaptivecards` renderer
// and a Teams-like host config, in Swedish (Chromium's locale sv-SE, Stockholm time) at 540 px and
// 340 px (a phone). Writes docs/cards/<name>-540.png and <name>-340.png (not committed:
// docs/cards/.gitignore) and prints each card's size.
// `sampleCards()` is also what test/cards/allCards.test.ts validates.
import { newReportCard } from '../src/cards/newReportForm.js';
import { SAMORDNING_TEMPLATE, samordningCardData } from '../src/app/samordning.js';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAbsence } from '../src/app/absence.js';
import { assignCase, takeCase } from '../src/app/assignCase.js';
import { connectChannel } from '../src/app/connectChannel.js';
import { buildDistributionView } from '../src/app/distribution.js';
import { distributionCard } from '../src/cards/distributionCard.js';
import { executeCaseCommand } from '../src/app/executeCaseCommand.js';
import { allHandovers } from '../src/app/handover.js';
import { handoverCardFor } from '../src/outbox/handoverCards.js';
import { ingestReport } from '../src/app/ingestReport.js';
import { myCasesView, overdueView, unassignedView } from '../src/app/lists.js';
import { OUTBOX, type OutboxMessage } from '../src/outbox/messages.js';
import { renderMessage } from '../src/outbox/render.js';
import { assignedToYouCardFor, caseCardFor } from '../src/outbox/caseCards.js';
import { newReportForm } from '../src/app/reportForm.js';
import { failureData } from '../src/outbox/deliveryFailure.js';
import { deliveriesCard } from '../src/cards/deliveriesCard.js';
import { DECISION_KINDS, decisionFormView, refusedFormView, submitDecision } from '../src/app/decisions.js';
import { decisionForm, formTemplate } from '../src/cards/decisionForms.js';
import { caseTimeline } from '../src/app/timeline.js';
import { timelineCard } from '../src/cards/timelineCard.js';
import { cardSize, renderCard, type Card } from '../src/cards/render.js';
import { TEAMS_HOST_CONFIG } from '../src/cards/hostConfig.js';
import { caseListCard, helpCard, noticeCard } from '../src/cards/simpleCards.js';
import { count, texts, type Lang } from '../src/cards/text/index.js';
import { rememberConversation, userKey } from '../src/app/conversations.js';
import { morningListCard } from '../src/cards/morningList.js';
import { buildMorningList, DEFAULT_LIST_SETTINGS, listCases } from '../src/views/morningListBuilder.js';
import { absences, Directory, type AppDeps } from '../src/app/context.js';
import { openHandovers } from '../src/app/handover.js';
import { loadConfig, loadOrganisation } from '../src/config.js';
import { Calendar } from '../src/domain/calendar.js';
import { DEFAULT_RULES } from '../src/domain/rules.js';
import type { CaseIntent } from '../src/domain/commands.js';
import type { Actor, Concern, ReporterType } from '../src/domain/schemas.js';
import { Scheduler } from '../src/jobs/scheduler.js';
import { openLowdbStore } from '../src/store/lowdbStore.js';
import type { DocWrite } from '../src/store/port.js';
import { statsCard } from '../src/cards/statsCard.js';
import { computeMonths } from '../src/stats/figures.js';
import { cardMonths } from '../src/stats/query.js';
import { sampleCases } from './stats-sample.js';

export interface SampleCard {
  /** File name without .png: the template, and a variant when there are several. */
  name: string;
  template: string;
  card: Card;
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const at = (iso: string) => new Date(iso);

interface Seed {
  id: string;
  received: string;
  group: string;
  reporter: ReporterType;
  professional: boolean;
  concerns: Concern[];
  summary: string;
}

// Ten days of anmälningar to Mottagning barn och unga (and one to Utredning barn 1). Synthetic
// references only: no personnummer, no names of children or parents.
const SIBLINGS = new Set(['IFO-2026-004512', 'IFO-2026-004519']);

const SEEDS: Seed[] = [
  {
    id: 'IFO-2026-004398',
    received: '2026-11-09T10:20:00+01:00',
    group: 'barn-mottagning',
    reporter: 'school',
    professional: true,
    concerns: ['neglect'],
    summary: 'Skolan ser upprepad hög frånvaro och att barnet ofta är hungrigt.',
  },
  {
    id: 'IFO-2026-004405',
    received: '2026-11-10T14:05:00+01:00',
    group: 'barn-mottagning',
    reporter: 'healthcare',
    professional: true,
    concerns: ['mental_health'],
    summary: 'BUP oroar sig för självskadebeteende och bristande stöd hemma.',
  },
  {
    id: 'IFO-2026-004417',
    received: '2026-11-12T08:40:00+01:00',
    group: 'barn-mottagning',
    reporter: 'relative',
    professional: false,
    concerns: ['parental_substance_abuse', 'neglect'],
    summary: 'Mormor beskriver att föräldern dricker och att barnet lämnas ensamt.',
  },
  {
    id: 'IFO-2026-004431',
    received: '2026-11-13T16:30:00+01:00',
    group: 'barn-mottagning',
    reporter: 'police',
    professional: true,
    concerns: ['own_behaviour'],
    summary: 'Polisen har omhändertagit ungdomen efter snatteri sent på kvällen.',
  },
  {
    id: 'IFO-2026-004452',
    received: '2026-11-16T09:10:00+01:00',
    group: 'barn-mottagning',
    reporter: 'preschool',
    professional: true,
    concerns: ['neglect'],
    summary: 'Förskolan ser trötthet, smutsiga kläder och att barnet ofta hämtas sent.',
  },
  {
    id: 'IFO-2026-004466',
    received: '2026-11-17T11:45:00+01:00',
    group: 'barn-mottagning',
    reporter: 'anonymous',
    professional: false,
    concerns: ['other'],
    summary: 'Anonym granne hör ofta höga bråk från lägenheten.',
  },
  {
    id: 'IFO-2026-004480',
    received: '2026-11-18T13:20:00+01:00',
    group: 'barn-mottagning',
    reporter: 'school',
    professional: true,
    concerns: ['violence'],
    summary: 'Eleven berättar för skolsköterskan om slag i hemmet.',
  },
  {
    id: 'IFO-2026-004493',
    received: '2026-11-19T08:15:00+01:00',
    group: 'barn-mottagning',
    reporter: 'healthcare',
    professional: true,
    concerns: ['mental_health', 'own_behaviour'],
    summary: 'Vårdcentralen oroar sig för nedstämdhet och skolk.',
  },
  {
    id: 'IFO-2026-004512',
    received: '2026-11-20T09:15:00+01:00',
    group: 'barn-mottagning',
    reporter: 'preschool',
    professional: true,
    concerns: ['neglect'],
    summary: 'Förskolan oroar sig för hög frånvaro och trötthet.',
  },
  {
    id: 'IFO-2026-004519',
    received: '2026-11-20T15:50:00+01:00',
    group: 'barn-mottagning',
    reporter: 'private_person',
    professional: false,
    concerns: ['honour_related'],
    summary: 'En vän berättar att ungdomen inte får träffa kamrater efter skolan.',
  },
  {
    id: 'IFO-2026-004520',
    received: '2026-11-23T07:55:00+01:00',
    group: 'barn-mottagning',
    reporter: 'police',
    professional: true,
    concerns: ['violence', 'parental_substance_abuse'],
    summary: 'Polisen har varit på plats efter larm om bråk; barnen var hemma.',
  },
  {
    id: 'IFO-2026-004388',
    received: '2026-11-04T10:00:00+01:00',
    group: 'barn-utredning-1',
    reporter: 'social_services',
    professional: true,
    concerns: ['neglect'],
    summary: 'Överförd från mottagningen för utredning.',
  },
];

/** Build a store with a realistic week and return every card the bot would send, from the real code. */
/** The example link to the case-management system, the shape README's CASE_LINK_TEMPLATE documents. */
export const EXAMPLE_CASE_LINK_TEMPLATE = 'https://verksamhetssystem.example.se/arende/{externalId}';

/**
 * The link template as the bot reads it (CASE_LINK_TEMPLATE, checked by the same loadConfig as the
 * bot: it must hold {externalId}), the example one when the environment has none.
 */
export function previewLinkTemplate(env: NodeJS.ProcessEnv = process.env): string {
  const config = loadConfig(
    {
      ORG_FILE: 'data/organisation.example.json',
      CASE_LINK_TEMPLATE: env.CASE_LINK_TEMPLATE || EXAMPLE_CASE_LINK_TEMPLATE,
      LOG_LEVEL: 'silent',
    },
    ROOT,
  );
  return config.caseLinkTemplate!;
}

/** The README's pictures (committed) and the preview each one is copied from. */
const README_IMAGES: [from: string, to: string][] = [
  ['case-new-540.png', 'docs/case-card.png'],
  ['case-list-unassigned-540.png', 'docs/case-list.png'],
];

/** The widths the previews are rendered at: Teams' card column on a laptop, and a phone. */
export const PREVIEW_WIDTHS = [540, 340] as const;

/**
 * With `lang` 'en' the cards a person is answered with (the case card, the lists, help, a morning list
 * answered to a press) are in English (src/cards/text/); what the bot posts on its own stays Swedish.
 */
export async function sampleCards(lang: Lang = 'sv'): Promise<SampleCard[]> {
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-cards-'));
  const example = loadOrganisation(join(ROOT, 'data/organisation.example.json'));
  // With a socialjour: the reports outside office hours go to its channel (src/app/outOfHours.ts).
  const org = {
    ...example,
    groups: [...example.groups, { id: 'socialjour', name: 'Socialjouren', kind: 'out_of_hours' as const }],
  };
  const store = await openLowdbStore(join(dir, 'db.json'));
  let clock = at('2026-11-02T08:00:00+01:00');
  const deps: AppDeps = {
    store,
    org: new Directory(org),
    rules: DEFAULT_RULES,
    calendar: new Calendar({ eveHolidaysAreNonWorking: org.eveHolidaysAreNonWorking }),
    now: () => clock,
    config: { caseLinkTemplate: previewLinkTemplate() },
  };
  try {
    const actor = (first: string): Actor => {
      const s = org.staff.find((x) => x.name.startsWith(`${first} `));
      if (!s) throw new Error(`no ${first} in the example organisation`);
      return { id: s.aadObjectId, name: s.name, role: s.role, groups: s.groups };
    };
    const karin = actor('Karin'),
      per = actor('Per'),
      anna = actor('Anna'),
      bo = actor('Bo'),
      cecilia = actor('Cecilia'),
      elin = actor('Elin');
    const must = <T extends { ok: boolean }>(r: T, what: string): T => {
      if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r)}`);
      return r;
    };
    // In English: everyone's Teams is in English, so what the bot sends a person on their own (reminders,
    // the escalation, the alarm) is English too (src/app/recipientLang.ts); the channels stay Swedish.
    if (lang !== 'sv') {
      const docs: DocWrite[] = [];
      for (const s of org.staff) {
        const w = await rememberConversation(deps, {
          key: userKey(s.aadObjectId),
          kind: 'personal',
          reference: { locale: 'en-US', user: { id: `29:${s.aadObjectId}`, aadObjectId: s.aadObjectId } },
          serviceUrl: 'https://smba.trafficmanager.net/teams/',
        });
        if (w) docs.push(w);
      }
      await store.commit({ docs });
    }
    for (const g of org.groups) {
      const lead = g.kind === 'out_of_hours' ? actor('Lars') : g.id.startsWith('barn-utredning') ? per : karin;
      must(
        await connectChannel(deps, { actor: lead, groupId: g.id, conversationKey: `channel:${g.id}` }),
        `koppla ${g.id}`,
      );
    }
    const act = async (caseId: string, who: Actor, intent: CaseIntent, when: string) => {
      clock = at(when);
      const c = (await store.getCase(caseId))!;
      must(
        await executeCaseCommand(deps, {
          caseId,
          expectedVersion: c.version,
          actor: who,
          intent,
        }),
        `${intent.type} ${caseId}`,
      );
    };
    const assign = async (caseId: string, who: Actor, to: Actor[], when: string) => {
      clock = at(when);
      must(
        await assignCase(deps, {
          caseId,
          version: (await store.getCase(caseId))!.version,
          assignees: to.map((a) => a.id),
          actor: who,
        }),
        `assign ${caseId}`,
      );
    };

    for (const s of SEEDS) {
      clock = new Date(at(s.received).getTime() + 3 * 60_000);
      const r = await ingestReport(deps, {
        externalId: s.id,
        receivedAt: s.received,
        groupId: s.group,
        childRef: `B-2026-${s.id.slice(-4)}`,
        reporter: { type: s.reporter, professional: s.professional },
        concerns: s.concerns,
        summary: s.summary,
        // Two siblings of one family (docs/family.md): each card lists the other.
        ...(SIBLINGS.has(s.id) ? { familyRef: 'F-2026-0031' } : {}),
      });
      if (r.status !== 201) throw new Error(`report ${s.id}: ${JSON.stringify(r)}`);
    }
    // The older cases have owners and progress; the newest are still unassigned.
    await assign('IFO-2026-004398', karin, [anna], '2026-11-09T11:00:00+01:00');
    await act(
      'IFO-2026-004398',
      anna,
      { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Ingen akut fara enligt skolan.' },
      '2026-11-09T14:00:00+01:00',
    );
    await assign('IFO-2026-004405', karin, [bo], '2026-11-10T15:00:00+01:00');
    await act(
      'IFO-2026-004405',
      bo,
      { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'BUP har kontakt.' },
      '2026-11-10T16:00:00+01:00',
    );
    await assign('IFO-2026-004417', karin, [bo, cecilia], '2026-11-12T09:30:00+01:00');
    await act(
      'IFO-2026-004417',
      bo,
      {
        type: 'recordSkyddsbedomning',
        immediateProtection: false,
        motivation: 'Mormor bor nära och kan ta emot barnet.',
      },
      '2026-11-12T11:00:00+01:00',
    );
    await act(
      'IFO-2026-004417',
      bo,
      { type: 'recordContact', kind: 'hembesok', date: '2026-11-17' },
      '2026-11-17T15:00:00+01:00',
    );
    clock = at('2026-11-16T09:30:00+01:00');
    must(
      await takeCase(deps, {
        caseId: 'IFO-2026-004452',
        version: (await store.getCase('IFO-2026-004452'))!.version,
        actor: anna,
      }),
      'take',
    );
    await act(
      'IFO-2026-004452',
      anna,
      { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Inga tecken på akut fara.' },
      '2026-11-16T11:00:00+01:00',
    );
    await assign('IFO-2026-004388', per, [elin], '2026-11-04T11:00:00+01:00');
    await act(
      'IFO-2026-004388',
      elin,
      { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Ingen akut fara.' },
      '2026-11-04T13:00:00+01:00',
    );
    await act(
      'IFO-2026-004388',
      per,
      { type: 'decideForhandsbedomning', outcome: 'open', motivation: 'Oron kvarstår efter samtal med skolan.' },
      '2026-11-10T10:00:00+01:00',
    );
    await act(
      'IFO-2026-004388',
      elin,
      { type: 'recordContact', kind: 'barnsamtal', date: '2026-11-18', childRef: 'B-2026-4388' },
      '2026-11-18T10:00:00+01:00',
    );
    await assign('IFO-2026-004512', karin, [anna], '2026-11-20T09:40:00+01:00');
    // Bo is off sick from Monday: the handover checklist goes to the channel.
    clock = at('2026-11-23T07:30:00+01:00');
    must(await registerAbsence(deps, { actor: karin, staffId: bo.id, kind: 'sick' }), 'absence');
    // The newest report as its channel card showed it on arrival (the README's picture).
    clock = at('2026-11-23T08:00:00+01:00');
    const arrived = await store.getCase('IFO-2026-004520');
    const arrivedCard = arrived ? await caseCardFor(deps, arrived, { viewer: 'all', lang }) : undefined;
    // The newest report: the team lead's skyddsbedömning says the child needs immediate protection,
    // so the group's team leads and the unit manager get the alarm at once.
    await act(
      'IFO-2026-004520',
      karin,
      {
        type: 'recordSkyddsbedomning',
        immediateProtection: true,
        motivation: 'Polisen uppger att barnet inte kan vara hemma i kväll.',
      },
      '2026-11-23T08:05:00+01:00',
    );
    // Monday morning: lists, reminders, escalation and the distribution card.
    clock = at('2026-11-23T08:35:00+01:00');
    const scheduler = new Scheduler(deps, { morningListTime: '07:45', distributionTime: '08:30', cron: false });
    await scheduler.tick();
    // Two hours without a protective measure: the unit manager is told again; Friday's 15:50 report
    // has no skyddsbedömning three office hours later: its team leads are nudged.
    clock = at('2026-11-23T10:55:00+01:00');
    await scheduler.watch();

    const out: SampleCard[] = [];
    const add = (name: string, template: string, card: Card) => out.push({ name, template, card });
    // Cards queued in the outbox, rendered the way the sender renders them; the largest of each template.
    const largest = new Map<string, Card>();
    for (const m of await store.listDocs<OutboxMessage>(OUTBOX)) {
      const template =
        m.content.kind === 'card' ? m.content.template : m.content.kind === 'handoverCard' ? 'handover' : '';
      if (!template) continue;
      const card = (await renderMessage(deps, m))?.card;
      if (!card) continue;
      const prev = largest.get(template);
      if (!prev || cardSize(card) > cardSize(prev)) largest.set(template, card);
    }
    for (const [template, card] of [...largest].sort(([a], [b]) => a.localeCompare(b))) add(template, template, card);
    const unassignedNew = (await store.getCase('IFO-2026-004520'))!;
    add('case', 'case', await caseCardFor(deps, unassignedNew, { viewer: 'all', lang }));
    if (arrivedCard) add('case-new', 'case', arrivedCard);
    add(
      'case-assigned',
      'case',
      await caseCardFor(deps, (await store.getCase('IFO-2026-004417'))!, { viewer: 'all', lang }),
    );
    add(
      'case-investigation',
      'case',
      await caseCardFor(deps, (await store.getCase('IFO-2026-004388'))!, { viewer: 'all', lang }),
    );
    // What "Åtgärder" answers a team lead (her own view): Tilldela, her decisions, the rest under "Mer".
    add('case-lead-view', 'case', await caseCardFor(deps, unassignedNew, { viewer: 'team_lead', lang }));
    add(
      'case-investigation-lead-view',
      'case',
      await caseCardFor(deps, (await store.getCase('IFO-2026-004388'))!, { viewer: 'team_lead', lang }),
    );
    // A sibling (docs/family.md): the other child of the family, and the same caseworker suggested.
    add(
      'case-family',
      'case',
      await caseCardFor(deps, (await store.getCase('IFO-2026-004519'))!, { viewer: 'all', lang }),
    );
    add(
      'case-stale',
      'case',
      await caseCardFor(deps, (await store.getCase('IFO-2026-004512'))!, {
        viewer: 'caseworker',
        lang,
        notice: {
          text:
            lang === 'sv'
              ? 'Karin Ek fördelade ärendet till Anna Berg fre 20 nov kl. 09:40. Inget ändrades.'
              : 'Karin Ek assigned the case to Anna Berg Fri 20 Nov at 09:40. Nothing was changed.',
          tone: 'warning',
        },
      }),
    );
    add(
      'assigned-to-you',
      'assigned-to-you',
      await assignedToYouCardFor(
        deps,
        (await store.getCase('IFO-2026-004512'))!,
        anna.id,
        lang === 'sv' ? 'Karin Ek fördelade ärendet till dig.' : 'Karin Ek assigned the case to you.',
        'good',
        lang,
      ),
    );
    add('help', 'help', helpCard(karin, true, lang));
    add('help-caseworker', 'help', helpCard(anna, false, lang));
    add('help-unregistered', 'help', helpCard(undefined, false, lang));
    add('case-list-unassigned', 'case-list', caseListCard(await unassignedView(deps, ['barn-mottagning'], lang)));
    add(
      'case-list-overdue',
      'case-list',
      caseListCard(await overdueView(deps, ['barn-mottagning', 'barn-utredning-1'], lang)),
    );
    add('case-list-mine', 'case-list', caseListCard(await myCasesView(deps, anna, lang)));
    // The morning list as a press answers it (Visa alla, Ta, Tilldela) in the presser's language;
    // the one posted in the channel (from the outbox, above) is Swedish.
    if (lang !== 'sv')
      add(
        'morning-list',
        'morning-list',
        morningListCard(
          buildMorningList({
            group: deps.org.group('barn-mottagning')!,
            cases: listCases(await store.allCases()),
            staff: org.staff,
            absences: await absences(deps),
            handovers: await openHandovers(deps, clock),
            now: clock,
            calendar: deps.calendar,
            rules: deps.rules,
            settings: { ...DEFAULT_LIST_SETTINGS, noContactDays: deps.rules.noContactDays },
            lang,
          }),
        ),
      );
    add(
      'notice',
      'notice',
      noticeCard(
        'Det gick inte',
        'Bara gruppledare och enhetschefer kan fördela om ärenden. Inget har ändrats.',
        'Attention',
        [
          { title: 'Ärende', value: 'IFO-2026-004512' },
          { title: 'Handläggare', value: 'Anna Berg' },
        ],
      ),
    );
    add('new-report', 'new-report', newReportCard(newReportForm(deps, karin, {}, lang)));
    add('distribution', 'distribution', distributionCard(await buildDistributionView(deps, 'barn-mottagning', lang)));
    const handover = (await allHandovers(deps))[0];
    if (handover) add('handover', 'handover', await handoverCardFor(deps, handover, { lang }));
    // The decision forms (on a new report, or on the running investigation) and a case's history.
    const investigation = (await store.getCase('IFO-2026-004388'))!;
    for (const kind of DECISION_KINDS)
      add(
        `decision-${kind}`,
        formTemplate(kind),
        decisionForm(
          await decisionFormView(deps, kind === 'skydd' || kind === 'forhand' ? unassignedNew : investigation, kind, {
            lang,
          }),
        ),
      );
    // A form sent back: the skyddsbedömning dated tomorrow, the field's message beside the date.
    const tomorrow = new Date(clock.getTime() + 86_400_000).toISOString().slice(0, 10);
    const sentBack = {
      decidedOn: tomorrow,
      immediateProtection: 'nej',
      motivation: 'Ingen akut fara enligt anmälan.',
    };
    const unassessed = (await store.openCases()).find((c) => !c.skyddsbedomning);
    if (!unassessed) throw new Error('the synthetic week has no case without a skyddsbedömning');
    const refused = await submitDecision(deps, 'skydd', {
      caseId: unassessed.id,
      version: unassessed.version,
      actor: karin,
      data: sentBack,
      lang,
    });
    if (refused.ok || !refused.case || !refused.refusal.fields)
      throw new Error(`the sent-back form was not refused: ${JSON.stringify(refused.ok ? 'ok' : refused.refusal)}`);
    add(
      'decision-skydd-refused',
      formTemplate('skydd'),
      decisionForm(await refusedFormView(deps, refused.case, 'skydd', sentBack, refused.refusal, lang)),
    );
    add('timeline', 'timeline', timelineCard((await caseTimeline(deps, investigation.id, lang))!));
    // What could not be delivered: the VINR notice for a group without a channel, as its team lead
    // sees it; the digest a channel gets when it is linked; `leveranser`.
    const vinrNotice = (await store.listDocs<OutboxMessage>(OUTBOX)).find(
      (m) => m.content.kind === 'card' && m.content.template === 'vinr-notice',
    );
    const undelivered: OutboxMessage = vinrNotice ?? {
      id: 'sample',
      createdAt: clock.toISOString(),
      target: { kind: 'group', groupId: 'vinr' },
      content: { kind: 'card', template: 'vinr-notice', data: { caseId: 'IFO-2026-004520' } },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: clock.toISOString(),
      version: 1,
    };
    add(
      'delivery-failure',
      'delivery-failure',
      renderCard('delivery-failure', await failureData(deps, undelivered, 'no_channel', 'team_lead', lang)),
    );
    add(
      'delivery-digest',
      'delivery-digest',
      renderCard('delivery-digest', {
        title: '7 kort väntade på att kanalen skulle kopplas',
        summary: 'De mest brådskande först. Tryck på ett ärende för att se dess kort.',
        items: ['IFO-2026-004520', 'IFO-2026-004512', 'IFO-2026-004417'].map((caseId) => ({
          text: `${caseId} · VINR-underrättelsen`,
          caseId,
          hasCase: true,
        })),
      }),
    );
    const d = texts(lang).deliveries;
    add(
      'deliveries',
      'deliveries',
      deliveriesCard(
        [
          {
            id: 'a',
            what: d.what['vinr-notice'],
            caseId: 'IFO-2026-004520',
            to: 'Våld i nära relationer',
            state: d.failed(d.reason.no_channel),
            reason: 'no_channel',
            dead: true,
          },
          {
            id: 'b',
            what: d.what.reminder,
            caseId: '',
            to: 'Bo Lindqvist',
            state: d.retrying(count(3, 'försök', lang)),
            reason: 'retrying',
            dead: false,
          },
        ],
        undefined,
        lang,
      ),
    );
    // The statistics card over a synthetic year (scripts/stats-sample.ts), for the unit and for a group.
    const year = sampleCases({ count: 3000, from: '2025-11-01', to: '2026-11-30', asOf: '2026-12-01' });
    const history = computeMonths(year, cardMonths('2026-11'), {
      now: at('2026-12-01T08:00:00+01:00'),
      rules: DEFAULT_RULES,
      calendar: deps.calendar,
      groups: org.groups,
    });
    add('stats-unit', 'stats', statsCard({ history, groupId: null, lang }));
    add('stats-group', 'stats', statsCard({ history, groupId: 'barn-mottagning', lang }));
    // The samordning card a team lead gets when the family also has an open case in the adult section.
    add(
      'samordning',
      'samordning',
      renderCard(
        SAMORDNING_TEMPLATE,
        samordningCardData(
          deps,
          {
            id: 'samordning:F-2026-0031:barn+vuxen-missbruk',
            familyRef: 'F-2026-0031',
            createdAt: clock.toISOString(),
            sides: [
              {
                key: 'barn',
                name: 'Barn och unga',
                groupIds: ['barn-mottagning'],
                leadIds: [karin.id],
                caseIds: ['IFO-2026-004512', 'IFO-2026-004519'],
                ownerIds: [anna.id],
                since: '2026-11-20T09:15:00+01:00',
              },
              {
                key: 'vuxen-missbruk',
                name: 'Vuxen – missbruk',
                groupIds: ['vuxen-missbruk'],
                leadIds: [],
                caseIds: ['VUX-2026-0090'],
                ownerIds: [],
                since: '2026-11-21T10:00:00+01:00',
              },
            ],
            told: {},
            version: 1,
          },
          0,
          deps.now(),
        ),
      ),
    );
    // One entry per name: a later, direct rendering replaces the outbox one of the same name.
    const byName = new Map(out.map((c) => [c.name, c]));
    return [...byName.values()];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Teams-like host config (light theme), from src/cards/hostConfig.ts; its colours pass the contrast test. */
export { TEAMS_HOST_CONFIG };

// Teams' card chrome around the renderer's output, so buttons and inputs look like Teams, not like a
// bare browser form.
export const PAGE_CSS = `
  body { margin: 0; padding: 16px; background: #F5F5F5; font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; }
  #card { width: var(--card-width, 540px); background: #fff; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden; }
  .ac-pushButton { border: 1px solid #D1D1D1; background: #fff; color: #242424; border-radius: 4px; padding: 5px 12px; font-size: 14px; font-weight: 600; font-family: inherit; min-height: 32px; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.style-positive { background: #5B5FC7; color: #fff; border-color: #5B5FC7; }
  .ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
  .ac-input, .ac-textInput, .ac-multichoiceInput, .ac-dateInput, .ac-timeInput { font-family: inherit; font-size: 14px; border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 8px; min-height: 32px; box-sizing: border-box; }
  .ac-selectable { cursor: pointer; }
`;

// Teams renders the markdown subset of TextBlocks (bold, italic, links, bullet lists); the renderer
// shows raw asterisks unless the host processes markdown. Plain JS, injected into the page as is.
export const MARKDOWN_JS = String.raw`
AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
  var esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  function inline(t) {
    return t.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_(.+?)_(?=$|[\s).,])/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
  }
  var html = [], list = [];
  function flush() { if (list.length) html.push('<ul style="margin:0;padding-left:20px">' + list.join('') + '</ul>'); list = []; }
  esc.split(/\r?\n/).forEach(function (line) {
    var m = /^\s*[-*]\s+(.*)$/.exec(line);
    if (m) list.push('<li>' + inline(m[1]) + '</li>');
    else { flush(); html.push('<p style="margin:0">' + inline(line) + '</p>'); }
  });
  flush();
  result.outputHtml = html.join('');
  result.didProcess = true;
};`;

export async function renderPngs(
  cards: SampleCard[],
  outDir: string,
  widths: readonly number[] = PREVIEW_WIDTHS,
): Promise<string[]> {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'arendevakt-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=sv-SE',
    ],
    viewport: { width: 600, height: 800 },
    deviceScaleFactor: 1,
    // Dates, numbers and the inputs' own words as a Swedish Teams client shows them.
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    // On Linux the date and time inputs follow the process's language, not the context's locale.
    env: { ...process.env, LANG: 'sv_SE.UTF-8', LANGUAGE: 'sv_SE:sv', LC_ALL: 'sv_SE.UTF-8' },
  });
  const written: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(
      `<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body><div id="card"></div></body></html>`,
    );
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js'),
    });
    await page.addScriptTag({ content: MARKDOWN_JS });
    mkdirSync(outDir, { recursive: true });
    for (const f of readdirSync(outDir)) if (f.endsWith('.png')) rmSync(join(outDir, f));
    for (const { name, card } of cards)
      for (const width of widths) {
        const problems = await page.evaluate(
          ({ card, hostConfig, width }) => {
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            const AC = (globalThis as any).AdaptiveCards;
            const ac = new AC.AdaptiveCard();
            ac.hostConfig = new AC.HostConfig(hostConfig);
            const errors: string[] = [];
            ac.parse(card, new AC.SerializationContext());
            const el = ac.render();
            const host = document.getElementById('card')!;
            host.style.setProperty('--card-width', `${width}px`);
            host.innerHTML = '';
            if (!el) errors.push('render returned nothing');
            else host.appendChild(el);
            // This Chromium has only its en-US locale pak, so date and time inputs are drawn American
            // (11/23/2026, 10:55 AM) whatever the locale; Teams in Swedish shows 2026-11-23 and 10:55,
            // which is the inputs' own value: shown as such.
            for (const input of Array.from(host.querySelectorAll('input'))) {
              if (input.type !== 'date' && input.type !== 'time') continue;
              const kind = input.type;
              const value = input.value;
              input.type = 'text';
              input.value = value;
              if (!value) input.placeholder = kind === 'time' ? 'tt:mm' : 'åååå-mm-dd';
            }
            return errors;
          },
          { card, hostConfig: TEAMS_HOST_CONFIG, width },
        );
        if (problems.length) throw new Error(`${name}: ${problems.join(', ')}`);
        const file = join(outDir, `${name}-${width}.png`);
        await page.locator('#card').screenshot({ path: file });
        written.push(file);
      }
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cards = await sampleCards();
  const outDir = join(ROOT, 'docs/cards');
  const files = await renderPngs(cards, outDir);
  const sizes = cards.map((c) => ({ name: c.name, bytes: cardSize(c.card) })).sort((a, b) => b.bytes - a.bytes);
  writeFileSync(
    join(outDir, 'sizes.txt'),
    sizes.map((s) => `${String(s.bytes).padStart(6)}  ${s.name}`).join('\n') + '\n',
  );
  for (const s of sizes) console.log(`${String(s.bytes).padStart(6)} B  ${s.name}`);
  console.log(`${files.length} PNG i docs/cards/`);
  // The README's two pictures, from this very run, so they are never older than the cards.
  for (const [from, to] of README_IMAGES) copyFileSync(join(outDir, from), join(ROOT, to));
  console.log(`README-bilderna: ${README_IMAGES.map(([, to]) => to).join(', ')}`);
}
