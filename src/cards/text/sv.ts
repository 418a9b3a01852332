// Every user-facing word of the shared label sets, the help card and the notice cards, in Swedish.
// The default language; docs/cards.md says how to add one. English in code, Swedish on cards.
import type { DeadlineKind } from '../../domain/rules.js';
import { FIGURE_LABELS } from '../../stats/figures.js';
import { MONTHS } from '../../stats/format.js';
import type { Concern, ContactKind, Phase, ReporterType, Role } from '../../domain/schemas.js';
import { caseAnswers } from './sv/caseAnswers.js';
import { appNotices } from './sv/appNotices.js';
import { refusals } from './sv/refusals.js';

/** A noun with its singular and plural (Intl.PluralRules' 'one' and 'other'). */
export interface Forms {
  one: string;
  other: string;
}

/** Nouns counted on cards, keyed by their Swedish singular: count(2, 'ärende') → "2 ärenden". */
export const NOUNS_SV = {
  ärende: { one: 'ärende', other: 'ärenden' },
  'öppet ärende': { one: 'öppet ärende', other: 'öppna ärenden' },
  'ofördelat ärende': { one: 'ofördelat ärende', other: 'ofördelade ärenden' },
  'passerad tidsfrist': { one: 'passerad tidsfrist', other: 'passerade tidsfrister' },
  tidsfrist: { one: 'tidsfrist', other: 'tidsfrister' },
  dag: { one: 'dag', other: 'dagar' },
  arbetsdag: { one: 'arbetsdag', other: 'arbetsdagar' },
  punkt: { one: 'punkt', other: 'punkter' },
  händelse: { one: 'händelse', other: 'händelser' },
  anmälan: { one: 'anmälan', other: 'anmälningar' },
  kort: { one: 'kort', other: 'kort' },
  försök: { one: 'försök', other: 'försök' },
  timme: { one: 'timme', other: 'timmar' },
  månad: { one: 'månad', other: 'månader' },
  frist: { one: 'frist', other: 'frister' },
  försenad: { one: 'försenad', other: 'försenade' },
  larm: { one: 'larm', other: 'larm' },
  'LVU-frist': { one: 'LVU-frist', other: 'LVU-frister' },
  'försenad tidsfrist': { one: 'försenad tidsfrist', other: 'försenade tidsfrister' },
  'ärende ofördelat': { one: 'ärende ofördelat', other: 'ärenden ofördelade' },
  minut: { one: 'minut', other: 'minuter' },
  'tidigare anteckning': { one: 'tidigare anteckning', other: 'tidigare anteckningar' },
  förhandsbedömning: { one: 'förhandsbedömning', other: 'förhandsbedömningar' },
  utredning: { one: 'utredning', other: 'utredningar' },
} satisfies Record<string, Forms>;

export type Noun = keyof typeof NOUNS_SV;

export interface HelpRowText {
  command: string;
  what: string;
  roles?: Role[];
}

export const sv = {
  reporter: {
    preschool: 'Förskola',
    school: 'Skola',
    police: 'Polis',
    healthcare: 'Hälso- och sjukvård',
    social_services: 'Socialtjänst',
    relative: 'Anhörig',
    private_person: 'Privatperson',
    anonymous: 'Anonym',
    other: 'Annan',
  } satisfies Record<ReporterType, string>,
  concern: {
    violence: 'Våld',
    neglect: 'Brister i omsorgen',
    parental_substance_abuse: 'Förälders missbruk',
    own_behaviour: 'Eget beteende',
    mental_health: 'Psykisk ohälsa',
    honour_related: 'Hedersrelaterat',
    other: 'Annat',
  } satisfies Record<Concern, string>,
  phase: {
    skyddsbedomning: 'Skyddsbedömning',
    forhandsbedomning: 'Förhandsbedömning',
    utredning: 'Utredning',
    closed: 'Avslutat',
  } satisfies Record<Phase, string>,
  deadline: {
    skyddsbedomning: 'Skyddsbedömning',
    forhandsbedomning: 'Förhandsbedömning',
    // "Utredning klar" read as if the investigation were finished.
    utredning: 'Utredningen ska vara klar',
    aterkoppling: 'Återkoppling',
    uppfoljning: 'Uppföljning',
    utredning_information: 'Information om utredningen',
    uppfoljning_information: 'Information om uppföljningen',
    lvu_namnd: 'LVU 6 § anmälan till nämnden',
    lvu_understallning: 'LVU 7 § underställning',
    lvu_ansokan: 'LVU 8 § ansökan om vård',
    lvu_dom: 'LVU 34 § rättens beslut (information)',
    lvu_vard_paborjad: 'LVU 5 § vården påbörjad',
    lvu_overvagande: 'LVU 13 § övervägande',
    lvu_provning: 'LVU 13 § prövning',
    lvu_begransning: 'LVU 14 § övervägande av begränsning',
  } satisfies Record<DeadlineKind, string>,
  contact: {
    barnsamtal: 'Barnsamtal',
    hembesok: 'Hembesök',
    vardnadshavarmote: 'Möte med vårdnadshavare',
    other: 'Annan kontakt',
  } satisfies Record<ContactKind, string>,
  role: {
    caseworker: 'Handläggare',
    team_lead: 'Gruppledare',
    unit_manager: 'Enhetschef',
  } satisfies Record<Role, string>,
  nouns: NOUNS_SV as Record<Noun, Forms>,
  /** Whoever has no owner yet, everywhere the same. */
  unassigned: 'Ej fördelad',
  and: 'och',
  /** The words beside a coloured deadline, so that colour is never the only sign. */
  status: {
    overdue: 'FÖRSENAD',
    today: 'i dag',
    tomorrow: 'i morgon',
    inDays: (n: string) => `om ${n}`,
  },
  time: { at: 'kl.' },
  /** The case card (src/cards/caseCard.ts, src/views/caseHeadline.ts) and the 1:1 "Du har fått ett ärende". */
  caseCard: {
    newReport: 'Ny anmälan',
    received: 'Mottagen',
    reporter: 'Anmälare',
    professional: 'yrkesverksam',
    notProfessional: 'ej yrkesverksam',
    concerns: 'Oro',
    group: 'Grupp',
    phase: 'Fas',
    take: 'Ta ärendet',
    assign: 'Tilldela',
    reassign: 'Fördela om',
    actions: 'Åtgärder',
    history: 'Historik',
    openInSystem: 'Öppna i verksamhetssystemet',
    absentToday: (names: string) => `Frånvarande i dag: ${names}`,
    lastContact: (family: string, child: string) => `Senaste kontakt med familjen: ${family} · med barnet: ${child}`,
    noContact: 'ingen',
    noChildTalk: 'inget barnsamtal',
    linked: (group: string) => `Samma barn har ett öppet ärende i ${group}:`,
    choice: (name: string, load: string, absent: boolean, over: boolean) =>
      `${name} – ${load}${absent ? ' (frånvarande)' : over ? ' (över kapacitet)' : ''}`,
    outsideTitle: 'Ärende utanför barn och unga: inga tidsfrister bevakas',
    outsideDetail: 'Ärendet är registrerat för samordning med barn och unga.',
    skyddNeeded: ' – omedelbart skydd behövs',
    skyddNotNeeded: ' – inget omedelbart skyddsbehov',
    lvuTitle: (decided: string, enforced: string | undefined) =>
      `LVU: omedelbart omhändertagande ${decided}${enforced ? `, verkställt ${enforced}` : ' – verkställighet ej registrerad'}`,
    done: 'klar',
    doneAt: (when: string) => `klar ${when}`,
    overdue: (date: string) => `FÖRSENAD – skulle vara klar ${date}`,
    dueToday: (date: string) => `i dag, ${date}`,
    left: (date: string, days: string) => `${date} (${days} kvar)`,
    overrun: (statutory: string, date: string) =>
      `FÖRSENAD – fristen gick ut ${statutory}; förlängning beslutad i efterhand till ${date}`,
    statutory: (date: string) => `lagstadgat ${date}`,
    noWeekendGrace: (date: string) => `helg ger ingen extra tid: senast ${date}`,
    courtInfo: 'rättens frist (information)',
    alarmDetail: 'Ärendet ligger först i alla listor tills det har en handläggare och en registrerad skyddsåtgärd.',
  },
  /** The case card's headline (src/views/caseHeadline.ts). */
  headline: {
    closed: 'Ärendet är avslutat',
    noDeadlines: 'Inga öppna tidsfrister',
    late: (what: string) => `${what} FÖRSENAD`,
    lapsed: (date: string) => `fristen gick ut ${date}`,
    wasDue: (date: string, ago: string) => `skulle vara klar ${date} (${ago})`,
    yesterday: 'i går',
    daysAgo: (n: string) => `för ${n} sedan`,
    by: (label: string) => `${label} senast`,
    // What has to happen, in words, for each kind of deadline ("… i morgon").
    due: {
      skyddsbedomning: 'Skyddsbedömning ska göras',
      forhandsbedomning: 'Förhandsbedömningen ska vara klar',
      utredning: 'Utredningen ska vara klar',
      aterkoppling: 'Återkoppling till anmälaren ska ges',
      uppfoljning: 'Uppföljningen ska avslutas',
      utredning_information: 'Information om utredningen ska lämnas',
      uppfoljning_information: 'Information om uppföljningen ska lämnas',
    } as Partial<Record<DeadlineKind, string>>,
    // What is late, in words ("Återkoppling FÖRSENAD").
    lateNoun: {
      skyddsbedomning: 'Skyddsbedömning',
      forhandsbedomning: 'Förhandsbedömning',
      utredning: 'Utredning',
      aterkoppling: 'Återkoppling',
      uppfoljning: 'Uppföljning',
      utredning_information: 'Information om utredningen',
      uppfoljning_information: 'Information om uppföljningen',
    } as Partial<Record<DeadlineKind, string>>,
  },
  /** The immediate-protection alarm's headline (src/domain/protection.ts says the same in Swedish). */
  protection: {
    noMeasure: 'ingen skyddsåtgärd registrerad',
    noOwner: 'ingen handläggare',
    measure: {
      placement: 'placering',
      lvu_6: 'omedelbart omhändertagande enligt LVU 6 §',
      police: 'kontakt med polisen',
      other: 'annan skyddsåtgärd',
    } as Record<string, string>,
    unmet: (missing: string) => `Omedelbart skyddsbehov – ${missing}`,
    met: (measure: string, when: string, by: string) =>
      `Omedelbart skyddsbehov – skyddsåtgärd registrerad: ${measure} ${when} (${by})`,
  },
  /** The family section's headings (src/cards/familySection.ts). */
  family: {
    siblings: 'Syskon',
    sections: 'Andra sektioner med familjen',
    earlier: 'Tidigare utredningar om barnet',
  },
  /** The case card's decision buttons, by form (src/cards/decisionForms.ts, src/cards/lawForms.ts). */
  formButton: {
    skydd: 'Skyddsbedömning',
    forhand: 'Förhandsbedömning',
    extend: 'Förläng',
    contact: 'Kontakt',
    barnsamtal: 'Inget barnsamtal',
    aterkoppling: 'Återkoppling gjord',
    close: 'Avsluta',
    uppfoljning: 'Uppföljning avslutad',
    forhandExtend: 'Förläng förhandsbedömningen',
    information: 'Information om utredning',
    aterkopplingRequest: 'Anmälaren har begärt återkoppling',
    uppfoljningInfo: 'Informerat om uppföljning',
    lvuStart: 'Omedelbart omhändertagande (LVU)',
    lvuVerkstalld: 'LVU: verkställt',
    lvuNamnd: 'LVU: anmält till nämnden',
    lvuUnderstallning: 'LVU: underställt',
    lvuAnsokan: 'LVU: ansökan gjord',
    lvuCourtExtension: 'LVU: rätten gav mer tid',
    lvuDom: 'LVU: rättens beslut',
    lvuVard: 'LVU: vården påbörjad',
    lvuReview: 'LVU: övervägande/prövning',
    lvuRestriction: 'LVU: begränsning',
    lvuEnd: 'LVU: upphört',
    skyddsatgard: 'Skyddsåtgärd',
  } as Record<string, string>,
  /** What the watches say on a case card (src/app/watchLines.ts). */
  watch: {
    outOfHours: (when: string, pending: boolean) =>
      `Kom in utanför kontorstid (${when})${pending ? ': socialjouren gör skyddsbedömningen tills kontorstiden börjar' : ''}.`,
    nudged: (hours: number, when: string) =>
      `Skyddsbedömningen är inte gjord ${hours === 1 ? '1 kontorstimme' : `${hours} kontorstimmar`} efter anmälan: gruppledarna påmindes ${when}.`,
    vinrDead: (group: string, reason: string) =>
      `VINR-underrättelsen till ${group} kunde inte levereras: ${reason}. Se **leveranser**.`,
    vinrSending: (group: string) => `VINR-underrättelsen till ${group} skickas.`,
    vinrPosted: (group: string, when: string) => `${group} har fått VINR-underrättelsen${when ? ` ${when}` : ''}.`,
    reason: {
      no_channel: 'gruppen har ingen kopplad kanal',
      blocked: 'chatten är blockerad',
      disabled: 'boten är avstängd',
      gone: 'kanalen finns inte längre',
      retries_exhausted: 'Teams tog inte emot den',
      other: 'den nådde inte fram',
    } as Record<string, string>,
  },
  /** The family section's lines (src/app/family.ts familySectionView). */
  familyView: {
    sectionUnassigned: 'ej fördelat',
    since: (date: string) => `sedan ${date}`,
    suggestion: (names: string) => `Samma handläggare som syskonen föreslås: ${names} (förvalt under Tilldela).`,
    assignSiblings: (n: number) => `Ge ${n === 1 ? 'syskonet' : `syskonen (${n})`} samma handläggare`,
    violence: 'Våld i familjen: oro för våld finns i ett annat ärende i familjen. VINR har fått kännedom.',
    reports: (child: number, family: number | undefined) =>
      `Anmälningar de senaste 12 månaderna: ${child} om barnet${family !== undefined ? ` · ${family} i familjen` : ''}`,
    repeated: (nth: number, months: number) => `Upprepad anmälan: den ${nth}:e om barnet inom ${months} månader.`,
    opened: (date: string) => `inledd ${date}`,
    ongoing: 'pågår',
    closed: 'avslutad',
    outcome: {
      insats: 'avslutad med insats',
      ingen_insats: 'avslutad utan insats',
      not_opened: 'avslutad',
      already_ongoing: 'avslutad',
    } as Record<string, string>,
    consecutive: (n: number, since: string, total: string, overrunFrom: string | undefined) =>
      `Utredningar i följd: ${n} sedan ${since}, sammanlagt ${total}${
        overrunFrom ? ` – längre än lagens frist räknad från första inledandet (${overrunFrom})` : ''
      }.`,
  },
  /** The morning list (src/cards/morningList.ts, src/jobs/morningList.ts). */
  morning: {
    /** What a press on a list row did, on top of the list again (src/bot/actions/listRows.ts). */
    gotCase: (id: string, names: string) => `${id}: ${names} har fått ärendet.`,
    changedBy: (id: string, name: string, when: string) =>
      `${id}: ärendet ändrades av ${name} ${when}; inget har ändrats. Listan visar läget nu.`,
    refused: (id: string, why: string) => `${id}: ${why} Inget har ändrats.`,
    pickFirst: (id: string) => `${id}: välj en handläggare. Inget har ändrats.`,
    title: (group: string, date: string) => `Morgonlista ${group}, ${date}`,
    unknownPerson: 'okänd person',
    protection: (id: string, headline: string, date: string, time: string) =>
      `**${id}** · ${headline} · bedömt ${date} kl. ${time}`,
    alsoProtection: 'omedelbart skyddsbehov',
    alsoLvu: (date: string) => `LVU-frist ${date}`,
    overdue: (id: string, label: string, date: string, late: string) =>
      `**${id}** · ${label} skulle vara klar ${date} · försenad ${late}`,
    alsoOverdue: (label: string) => `${label.toLowerCase()} försenad`,
    outOfHours: (id: string, date: string, time: string, skydd: string) =>
      `**${id}** · kom in utanför kontorstid ${date} kl. ${time} · ${skydd}`,
    skyddDone: (needed: boolean) => `skyddsbedömning gjord${needed ? ' – omedelbart skydd behövs' : ''}`,
    skyddMissing: 'skyddsbedömning inte registrerad',
    alsoOutOfHours: 'kom in utanför kontorstid',
    unassignedFor: (waited: string) => `ofördelad ${waited}`,
    sinceToday: 'sedan i dag',
    dueSoon: (id: string, label: string, when: string) => `**${id}** · ${label} ${when}`,
    alsoDueSoon: (label: string, when: string) => `${label.toLowerCase()} ${when}`,
    noContact: (id: string, days: number, last: string | undefined, childTalk: boolean) =>
      `**${id}** · ${days} dagar utan kontakt med familjen${last ? ` (senast ${last})` : ' (ingen sedan utredningen inleddes)'}${childTalk ? '' : ', inget barnsamtal'}`,
    alsoNoContact: (days: number) => `${days} dagar utan kontakt`,
    absent: (id: string, away: string, pending: boolean, next: string) =>
      `**${id}** · ${away} är frånvarande${pending ? ' · överlämning ej klar' : ''}${next ? ` · ${next}` : ''}`,
    alsoAbsent: (away: string) => `${away} frånvarande`,
    also: (others: string) => `även ${others}`,
    sections: {
      protection: 'Omedelbart skyddsbehov utan skyddsåtgärd eller handläggare',
      lvu: 'LVU: omedelbart omhändertagna barn',
      overdue: 'Försenade tidsfrister',
      outOfHours: 'Kom in utanför kontorstid',
      unassigned: 'Ofördelade ärenden',
      absent: 'Ärenden hos frånvarande kollegor',
    },
    dueSoonTitle: (n: number) => `Frister inom ${n} arbetsdagar`,
    noContactTitle: (n: number) => `Utredningar utan kontakt med familj eller barn i ${n} dagar eller mer`,
    summary: {
      protection: (n: number) => `${n} larm om omedelbart skyddsbehov`,
      lvu: (n: number) => `${n} ${n === 1 ? 'LVU-frist' : 'LVU-frister'}`,
      overdue: (n: number) => `${n} ${n === 1 ? 'ärende med försenad frist' : 'ärenden med försenade frister'}`,
      outOfHours: (n: number) => `${n} ${n === 1 ? 'anmälan utanför kontorstid' : 'anmälningar utanför kontorstid'}`,
      unassigned: (n: number, oldest: string) =>
        `${n} ${n === 1 ? 'ofördelat ärende' : 'ofördelade ärenden'}${oldest ? ` (det äldsta ${oldest})` : ''}`,
      dueSoon: (n: number, within: number) =>
        `${n} ${n === 1 ? 'ärende' : 'ärenden'} med frist inom ${within} arbetsdagar`,
      noContact: (n: number) => `${n} ${n === 1 ? 'utredning utan kontakt' : 'utredningar utan kontakt'}`,
      absent: (n: number) => `${n} ${n === 1 ? 'ärende hos frånvarande' : 'ärenden hos frånvarande'}`,
      nothing: 'Inget att bevaka i dag: inga försenade, ofördelade eller nära frister.',
    },
    page: (title: string, from: number, to: number, total: number) => `${title}, punkt ${from}–${to} av ${total}`,
    hidden: (shown: number, hidden: number) =>
      `Kortet visar de ${shown} mest brådskande punkterna; ${hidden} till finns.`,
    showAll: (hidden: number) => `Visa alla (${hidden} till)`,
    showMore: (hidden: number) => `Visa fler (${hidden} till)`,
  },
  /** Words the templates in /cards show as they are, by template (src/cards/render.ts gives them as L). */
  templates: {
    case: {
      owner: 'Handläggare',
      assignLabel: 'Handläggare (aktuella ärenden/kapacitet)',
      openInSystem: 'Öppna i verksamhetssystemet',
      more: 'Mer',
      pick: 'Välj en handläggare.',
    },
    'assigned-to-you': {
      title: 'Du har fått ett ärende',
      owner: 'Handläggare',
      open: 'Öppna',
      contact: 'Registrera kontakt',
      snooze: 'Påminn mig i morgon',
      mine: 'Mina ärenden',
      openInSystem: 'Öppna i verksamhetssystemet',
      myOpenOne: 'Du har nu 1 öppet ärende.',
      myOpenMany: 'Du har nu ',
      myOpenManyEnd: ' öppna ärenden.',
    },
    'morning-list': {
      openCase: 'Öppna',
      open: 'Öppna',
      take: 'Ta',
      assign: 'Tilldela',
      assignLabel: 'Handläggare för',
      pick: 'Välj en handläggare.',
      andMore: '… och',
      moreInSection: 'till i avsnittet.',
    },
    reminder: {
      open: 'Öppna',
      contact: 'Registrera kontakt',
      snooze: 'Påminn mig i morgon',
      andMore: '… och',
      andMoreEnd: 'till. Skriv mina för hela listan.',
      mine: 'Mina ärenden',
    },
    escalation: {
      open: 'Öppna',
      assign: 'Tilldela',
      assignLabel: 'Handläggare för',
      pick: 'Välj en handläggare.',
      andMore: '… och',
      moreInSection: 'till i avsnittet.',
      footer: 'Tryck på en rad eller Öppna för ärendets kort. Ofördelade ärenden kan du tilldela direkt här.',
    },
    'protection-alarm': { registerMeasure: 'Registrera skyddsåtgärd', showCase: 'Visa ärendet' },
    handover: {
      ownerLabel: 'Ny handläggare (aktuella ärenden/kapacitet)',
      pick: 'Välj en handläggare.',
      give: 'Ge ärendet till vald handläggare',
      tick: 'Bocka av',
      deadlinesChecked: 'Tidsfrister kontrollerade',
      meetingsMoved: 'Bokade möten och kontakter flyttade eller överlämnade',
      familyInformed: 'Familjen och barnet vet vem som är ny handläggare',
      save: 'Spara',
      status: 'Status',
      statusLabel:
        'Hur långt har ärendet kommit? Vilka kontakter återstår? (inga personnummer eller namn på barn och föräldrar)',
      statusError: 'Skriv en status.',
      saveStatus: 'Spara status',
      showStatus: 'Visa status',
      manage: 'Hantera',
      andMore: '… och',
      moreEnd: 'ärenden till, de minst brådskande. De visas när listan blir kortare.',
      showAll: 'Visa hela listan',
    },
    deliveries: { to: 'Till', retry: 'Försök igen' },
    stats: {
      month: 'Månad',
      unassigned: 'Dagar ofördelad',
      unassignedNote: '(anmälningar som kom in i månaden)',
      perGroup: 'Per grupp',
    },
    distribution: {
      unassigned: 'Ofördelade ärenden',
      assign: 'Tilldela',
      andMore: '… och',
      moreEnd: 'ofördelade till. Fördela de här först; kortet visar nästa när de är fördelade.',
      none: 'Inga ofördelade ärenden.',
      assignedToday: 'Fördelade i dag',
      caseworkers: 'Handläggare',
      refresh: 'Uppdatera',
    },
    'decision-aterkoppling': {
      privacy: 'Skriv aldrig personnummer, namn eller adress. Beslutet ska också dokumenteras i verksamhetssystemet.',
      submit: 'Återkoppling gjord',
      cancel: 'Avbryt',
    },
    'decision-barnsamtal': {
      reasonLabel: 'Varför hålls inget barnsamtal?',
      reasonErrorMessage: 'Skäl krävs.',
      reasonPlaceholder: 't.ex. barnets ålder eller språk',
      privacy: 'Skriv aldrig personnummer, namn eller adress. Beslutet ska också dokumenteras i verksamhetssystemet.',
      submit: 'Registrera skäl',
      cancel: 'Avbryt',
    },
    'decision-close': {
      decidedOnLabel: 'Beslutsdatum för avslutet',
      decidedOnErrorMessage: 'Ange datumet.',
      outcomeLabel: 'Utfall',
      outcomeErrorMessage: 'Välj utfall.',
      motivationLabel: 'Motivering (frivillig)',
      uppfoljningUntilLabel: 'Uppföljning till (frivilligt, bara vid ingen insats)',
      privacy: 'Skriv aldrig personnummer, namn eller adress. Beslutet ska också dokumenteras i verksamhetssystemet.',
      submit: 'Avsluta utredningen',
      cancel: 'Avbryt',
    },
    'decision-contact': {
      kindLabel: 'Typ av kontakt',
      kindErrorMessage: 'Välj typ av kontakt.',
      dateLabel: 'Datum',
      dateErrorMessage: 'Ange datum.',
      childRefLabel: 'Barnets referens vid barnsamtal (tomt: ärendets barn)',
      childRefPlaceholder: 't.ex. B-2026-0412 (aldrig personnummer)',
      noteLabel: 'Anteckning (frivillig)',
      privacy: 'Skriv aldrig personnummer, namn eller adress. Beslutet ska också dokumenteras i verksamhetssystemet.',
      submit: 'Registrera kontakt',
      cancel: 'Avbryt',
    },
    'decision-extend': {
      decidedOnLabel: 'Beslutsdatum för förlängningen',
      decidedOnErrorMessage: 'Ange datumet.',
      newDeadlineLabel: 'Ny frist',
      newDeadlineErrorMessage: 'Ange det nya datumet.',
      reasonLabel: 'Skäl till förlängningen',
      reasonErrorMessage: 'Skäl krävs.',
      privacy: 'Skriv aldrig personnummer, namn eller adress. Beslutet ska också dokumenteras i verksamhetssystemet.',
      submit: 'Förläng utredningen',
      cancel: 'Avbryt',
    },
    'decision-forhand': {
      decidedOnLabel: 'Beslutsdatum',
      decidedOnErrorMessage: 'Ange datumet.',
      outcomeLabel: 'Beslut',
      outcomeErrorMessage: 'Välj beslut.',
      motivationLabel: 'Motivering',
      motivationErrorMessage: 'Motivering krävs.',
      violenceReasonLabel: 'Skäl att inte inleda utredning trots våld (krävs om utredning inte inleds)',
      synnerligaSkalLabel: 'Orsak till förseningen (frivillig; beslutet räknas som försenat)',
      text1: 'Utredare (vid beslut att inleda)',
      investigatorLabel: 'Utredare',
      secondInvestigatorLabel: 'Andra utredare (god praxis)',
      privacy: 'Skriv aldrig personnummer, namn eller adress. Beslutet ska också dokumenteras i verksamhetssystemet.',
      submit: 'Spara beslut',
      cancel: 'Avbryt',
    },
    'decision-form': {
      privacy: 'Skriv aldrig personnummer, namn eller adress. Beslutet ska också dokumenteras i verksamhetssystemet.',
      cancel: 'Avbryt',
    },
    'decision-skydd': {
      decidedOnLabel: 'Datum för bedömningen',
      decidedOnErrorMessage: 'Ange datumet.',
      immediateProtectionLabel: 'Behöver barnet omedelbart skydd?',
      immediateProtectionErrorMessage: 'Välj ja eller nej.',
      motivationLabel: 'Motivering',
      motivationErrorMessage: 'Motivering krävs.',
      motivationPlaceholder: 'Kort: vad bedömningen bygger på',
      privacy: 'Skriv aldrig personnummer, namn eller adress. Beslutet ska också dokumenteras i verksamhetssystemet.',
      submit: 'Registrera skyddsbedömning',
      cancel: 'Avbryt',
    },
    'decision-uppfoljning': {
      outcomeLabel: 'Hur slutade uppföljningen?',
      outcomeErrorMessage: 'Välj utfall.',
      noteLabel: 'Kommentar (frivillig)',
      privacy:
        'Skriv aldrig personnummer, namn eller adress. Uppföljningens avslut ska också dokumenteras i verksamhetssystemet.',
      submit: 'Uppföljningen är avslutad',
      cancel: 'Avbryt',
    },
    // The templates whose words moved last: the list of cases (src/cards/simpleCards.ts, the
    // escalation), the skyddsbedömning nudge, the out-of-hours card and VINR's notice.
    'case-list': {
      showCase: 'Visa ärendet',
      andMore: '… och',
      andMoreEnd: 'till. De mest brådskande visas först.',
    },
    'genast-nudge': { skydd: 'Skyddsbedömning', showCase: 'Visa ärendet' },
    'out-of-hours': {
      privacy: 'Kortet visar bara ärendereferens, oro och tider. Uppgifter om barnet finns i verksamhetssystemet.',
    },
    'vinr-notice': {
      title: 'För kännedom: ny anmälan i',
      why: '. Ni får den för kännedom enligt rutinen för våld i nära relationer.',
      case: 'Ärende',
      received: 'Mottagen',
      concerns: 'Oro',
      skydd: 'Skyddsbedömning',
      showCase: 'Visa ärendet',
    },
  },
  /** The note on the 1:1 card a new owner gets (src/app/newOwners.ts). */
  assignedNote: (by: string, ref: string) => `${by} har gett dig ärendet ${ref}.`,
  /** A caseworker's reminders in the 1:1 chat (src/jobs/reminders.ts) and "Påminn mig i morgon". */
  reminder: {
    late: (ref: string, label: string, date: string) => `**${ref}** · ${label} skulle vara klar ${date}`,
    today: (ref: string, label: string) => `**${ref}** · ${label} i dag`,
    due: (ref: string, label: string, date: string, n: string) => `**${ref}** · ${label} ${date} (om ${n})`,
    noWeekendGrace: (date: string) => ` · helg ger ingen extra tid: senast ${date}`,
    snoozed: (quiet: string, again: string) => `Påminns inte ${quiet}, igen ${again}.`,
    morningTitle: (first: string, late: string) => `God morgon ${first}: dina frister${late ? `, ${late}` : ''}`,
    morningSummary: (n: string, late: string) => `${n} att hålla koll på${late ? `, varav ${late}` : ''}.`,
    tomorrowTitle: (n: number) =>
      n === 1 ? 'Påminnelse: en frist nästa arbetsdag' : `Påminnelse: ${n} frister nästa arbetsdag`,
    tomorrowSummary: (date: string) => `Nästa arbetsdag är ${date}. Frister som infaller före den eller samma dag:`,
    title: 'Påminnelse',
    snoozeDone: (ref: string, quiet: string, resume: string) =>
      `${ref}: ingen påminnelse ${quiet}. Du påminns igen ${resume}.`,
  },
  /** Why "Påminn mig i morgon" is refused (src/jobs/snooze.ts). */
  snooze: {
    notYours: (ref: string) => `Du är inte handläggare för ${ref} och får inga påminnelser om det. Inget har ändrats.`,
    nothingOpen: (ref: string) => `${ref} har inga öppna frister att påminna om. Inget har ändrats.`,
    late: (label: string, ref: string) =>
      `${label} för ${ref} är redan försenad: påminnelsen kan inte skjutas upp. Inget har ändrats.`,
    lastDayToday: (label: string, ref: string, due: string) =>
      `I dag är sista arbetsdagen för ${label.toLowerCase()} i ${ref} (frist ${due}): påminnelsen kan inte skjutas upp. Inget har ändrats.`,
    lastDayBefore: (last: string, label: string, ref: string) =>
      `${last} är sista arbetsdagen för ${label.toLowerCase()} i ${ref}: då påminns du som vanligt, så påminnelsen kan inte skjutas upp. Inget har ändrats.`,
    noCase: 'Ärendet finns inte. Inget har ändrats.',
    conflict: 'Påminnelsen ändrades samtidigt. Försök igen.',
  },
  /** The answers of the card presses and commands (src/bot/actions, src/bot/commands). */
  actions: {
    failedTitle: 'Det gick inte',
    cardMissingCase: 'Kortet saknar ärendeuppgifter. Inget har ändrats.',
    noCaseTitle: 'Ärendet finns inte',
    noCaseText: 'Kortet saknar ärendeuppgifter eller ärendet finns inte längre.',
    otherGroup: 'Ärendet tillhör en grupp som du inte är med i.',
    otherGroupNothingShown: 'Ärendet tillhör en grupp som du inte är med i. Inget visas.',
    nothingChanged: (message: string) => `${message} Inget har ändrats.`,
    changedShowing: (who: string, when: string) => `Ärendet ändrades av ${who} ${when}; här är det aktuella läget.`,
    changedNotSaved: (who: string, when: string) => `Ärendet ändrades av ${who} ${when}; inget har sparats.`,
    changedNothingChanged: (who: string, when: string) => `Ärendet ändrades av ${who} ${when}; inget har ändrats.`,
    notRegisteredTitle: 'Du finns inte i organisationsfilen',
    notRegisteredText: 'Bara personal i organisationsfilen kan ändra ärenden. Inget har ändrats.',
    pickCaseworker: 'Välj en handläggare.',
    taken: (name: string) => `Du har tagit ärendet, ${name}.`,
    assigned: (names: string) => `${names} har fått ärendet.`,
    caseGone: 'Ärendet finns inte längre',
    noSuchCaseText: 'Kortet hänvisar till ett ärende som inte finns.',
  },
  /** The unit manager's daily escalation (src/jobs/escalation.ts). */
  escalation: {
    title: (date: string) => `Eskalering ${date}`,
    lvuTitle: 'LVU: underställning och ansökan inom två arbetsdagar',
    protectionTitle: (group: string) => `${group}: omedelbart skyddsbehov utan skyddsåtgärd eller handläggare`,
    unassignedTitle: (group: string) => `${group}: ofördelade mer än 1 arbetsdag`,
    overdueTitle: (group: string) => `${group}: försenade tidsfrister`,
    alarms: (n: string) => `${n} om omedelbart skyddsbehov`,
    lvu: (n: string) => `${n} inom två arbetsdagar`,
    waiting: (n: string) => `${n} mer än 1 arbetsdag`,
    nothingLeftTitle: 'Inget kvar att eskalera',
    nothingLeftText: (notice: string) => `${notice} Inga fler ärenden väntar för länge.`,
  },
  /** LVU 7 § and 8 § lines (src/jobs/lvuWarnings.ts): the morning list, the escalation, the team lead's card. */
  lvu: {
    late: (date: string) => `FÖRSENAD – skulle vara klar ${date}`,
    grace: (date: string) => ` (helg ger ingen extra tid: senast ${date})`,
    line: (ref: string, label: string, when: string, owner: string) =>
      `**${ref}** · ${label} ${when} · annars upphör omhändertagandet · ${owner}`,
    unknownPerson: 'okänd person',
    leadTitle: 'LVU: frister som avslutar barnets skydd',
    leadSummary: (n: number) =>
      `${n === 1 ? 'En LVU-frist' : `${n} LVU-frister`} inom två arbetsdagar eller passerade. Underställning (7 §) och ansökan (8 §) kan inte vänta på en helg.`,
  },
  /** The 1:1 immediate-protection alarm (src/cards/protectionAlarm.ts). */
  alarm: {
    case: 'Ärende',
    concerns: 'Oro',
    received: 'Mottagen',
    skydd: 'Skyddsbedömning',
    owner: 'Handläggare',
    renotice: (after: string) =>
      `Påminnelse: ${after} efter skyddsbedömningen är ingen skyddsåtgärd registrerad. Barnet behöver omedelbart skydd.`,
    unmet:
      'Skyddsbedömningen säger att barnet behöver omedelbart skydd. Ärendet ligger först i alla listor tills det har en handläggare och en registrerad skyddsåtgärd.',
    done: 'Ärendet har en handläggare och en registrerad skyddsåtgärd. Larmet är avslutat.',
    next: (when: string) => `Enhetschefen påminns igen ${when} om ingen skyddsåtgärd är registrerad då.`,
  },
  /** The handover checklist (src/cards/handoverCard.ts). */
  handover: {
    steps: {
      newOwnerNamed: 'Ny handläggare',
      deadlinesChecked: 'Tidsfrister',
      meetingsMoved: 'Möten flyttade',
      familyInformed: 'Familjen informerad',
      writtenStatus: 'Skriftlig status',
    },
    closed: 'Avslutat',
    noDeadlines: 'Inga öppna tidsfrister',
    coLeft: (names: string) => ` · medutredare ${names} kvar`,
    caseClosed: 'Ärendet är avslutat',
    backWith: (name: string) => `Tillbaka hos ${name}`,
    newOwner: (name: string) => `Ny handläggare: ${name}`,
    with: (name: string) => `Hos ${name}`,
    noNewOwner: 'Ingen ny handläggare',
    continuesAlone: (title: string) => `${title} – fortsätter ensam (medutredare)`,
    assign: 'Tilldela',
    reassign: 'Tilldela om',
    handBack: (name: string) => `Lämna tillbaka till ${name}`,
    siblings: (ids: string) => ` · syskon: ${ids}`,
    earlier: (notes: string) => ` · ${notes} sparade`,
    statusShown: (by: string, text: string) => `Status (${by}, visas bara för dig): ${text}`,
    statusBy: (by: string) => `Status skriven av ${by}`,
    stepsDone: (done: number) => `${done} av 5 steg klara`,
    period: (started: boolean, date: string) => `${started ? 'från' : 'från och med'} ${date}`,
    titleReturned: (name: string) => `Överlämning: ${name} är åter`,
    titleAbsent: (name: string) => `Överlämning: ${name} är frånvarande`,
    subtitleReturned: 'Frånvaron är avslutad. Anteckningarna från frånvaron finns kvar på varje ärende.',
    subtitleAbsent: (period: string, to: string, by: string) =>
      `Frånvarande ${period}${to ? ` till ${to}` : ', tills vidare'} · registrerat av ${by}`,
    progress: (handedOver: number, total: number, cases: string, withNewOwner: number) =>
      `${handedOver} av ${total} ${cases} överlämnade · ${withNewOwner} av ${total} har ny handläggare`,
    left: (n: number) => ` · ${n} kvar att lämna över`,
    introReturned: 'Lämna tillbaka ärenden ett och ett eller alla på en gång.',
    intro:
      'Varje ärende ska få en ny handläggare i dag och en skriftlig status inom två arbetsdagar. Det som saknar handläggare nästa arbetsdag går till enhetschefen.',
    empty: 'Inga öppna ärenden att lämna över.',
    handBackAll: (n: number, name: string) => `Lämna tillbaka alla (${n}) till ${name}`,
  },
  /** The answers to the checklist's presses (src/bot/actions/handover.ts). */
  handoverAnswers: {
    missingData: 'Kortet saknar uppgifter om överlämningen. Inget har ändrats.',
    pick: 'Välj en handläggare. Inget har ändrats.',
    nothingChanged: ' Inget har ändrats.',
    newOwner: (refs: string, name: string) => `${refs} har fått ny handläggare: ${name}.`,
    checksSaved: (ref: string) => `${ref}: checklistan är sparad.`,
    statusNotSaved: ' Statusen sparades inte.',
    statusSaved: (ref: string) => `${ref}: statusen är sparad.`,
    handedBack: (name: string, refs: string) => `Tillbaka hos ${name}: ${refs}.`,
    notHandedBack: (list: string) => `Inte tillbakalämnade: ${list}.`,
    nothingToHandBack: 'Inga ärenden att lämna tillbaka.',
    notFound: 'Överlämningen finns inte',
    otherGroup: 'Ärendet tillhör en grupp som du inte är med i. Inget visas.',
  } /** `frånvaro`, `åter` and `överlämning` (src/bot/commands/absence.ts). */,
  absence: {
    notRegisteredText: 'Bara personal i organisationsfilen kan registrera frånvaro.',
    endDate: 'Skriv slutdatumet som ÅÅÅÅ-MM-DD, till exempel till 2026-12-04.',
    whoTitle: 'Vem gäller det?',
    whoText:
      'Nämn personen med @, till exempel frånvaro @Anna Berg till 2026-12-04. Personen måste finnas i organisationsfilen.',
    notRegisteredAbsence: 'Frånvaron registrerades inte',
    period: (from: string, to: string) => `från ${from}${to ? ` till ${to}` : ', tills vidare'}`,
    postedLater: (date: string, days: number) =>
      `Överlämningslistan postas ${date}, ${days} arbetsdagar före frånvaron.`,
    noOpenCases: (name: string) => `${name} har inga öppna ärenden att lämna över.`,
    listMade: (cases: string, where: string) =>
      `Överlämningslistan med ${cases} ${where ? `är postad i kanalen för ${where}` : 'är skapad'}. Varje ärende ska få en ny handläggare i dag.`,
    noChannel: (groups: string) =>
      ` ${groups} har ingen kopplad kanal: en gruppledare skriver koppla «grupp-id» i gruppens kanal.`,
    registered: (name: string, period: string) => `Frånvaro registrerad: ${name} ${period}`,
    notEnded: 'Frånvaron avslutades inte',
    welcomeBack: (name: string) => `Välkommen tillbaka, ${name}`,
    ended: 'Frånvaron är avslutad.',
    back: (name: string) => `${name} är åter. Välj vilka ärenden som ska lämnas tillbaka.`,
    notAllowedTitle: 'Det får du inte se',
    notAllowedText: (name: string) =>
      `Överlämningen för ${name} visas för personens grupper, gruppledare och enhetschef.`,
    noHandoverTitle: (name: string) => `${name} har ingen pågående överlämning`,
    noHandoverText: (name: string) =>
      `Det finns ingen registrerad frånvaro med överlämningslista för ${name}. Frånvaro registreras med frånvaro @person.`,
    handoverTitle: (name: string) => `Överlämning: ${name}`,
    postedBefore: (date: string, from: string) => `Överlämningslistan postas ${date}, före frånvaron från ${from}.`,
  } /** Teams' notification text for a card the bot sends (src/app/notificationText.ts): references only. */,
  notification: {
    topic: {
      'morning-list': 'Morgonlistan',
      'case-list': 'Ärendelista',
      distribution: 'Fördelning',
      escalation: 'Ärenden som behöver åtgärdas',
      reminder: 'Påminnelse',
      stats: 'Statistik',
      'vinr-notice': 'Våld i nära relationer: underrättelse',
      'delivery-digest': 'Kort som väntade på kanalen',
      'delivery-failure': 'Kunde inte levereras',
      'protection-alarm': 'Omedelbart skydd',
      'genast-nudge': 'Skyddsbedömning väntar',
      'out-of-hours': 'Anmälan utanför kontorstid',
      handover: 'Överlämning',
      samordning: 'Samordning',
      deliveries: 'Leveranser',
      timeline: 'Historik',
      notice: 'Ärendevakt',
      help: 'Hjälp',
    } as Record<string, string>,
    late: 'försenad',
    by: (date: string) => `senast ${date}`,
    assignedToYou: 'Du har fått ärendet',
    closed: 'Avslutat ärende',
    newReport: 'Ny anmälan',
    case: 'Ärende',
  } /** The statistics card (src/cards/statsCard.ts); in Swedish the figures' labels are src/stats's own. */,
  stats: {
    months: [...MONTHS],
    // src/stats's own labels (the export's and the CLI's): one Swedish wording everywhere.
    figure: { ...FIGURE_LABELS } as Record<string, string>,
    contactFigure: (days: number) => `Utredning med kontakt med familj eller barn minst var ${days}:e dag`,
    short: {
      skyddsbedomning: 'Skyddsbedömning',
      forhandsbedomning_14: 'Förhandsbedömning 14 d',
      utredning_4_manader: 'Utredning 4 mån',
    } as Record<string, string>,
    nothing: 'Inget att bedöma i månaden',
    inTime: (met: number, total: number, share: string) => `${met} av ${total} i tid (${share})`,
    pending: (n: number) => `${n} ${n === 1 ? 'frist löper' : 'frister löper'} fortfarande`,
    sameClock: 'En ny utredning om samma barn strax efter ett avslut räknas som samma klocka.',
    lateButton: (n: number) => `Visa försenade (${n})`,
    lateHeading: (label: string) => `${label}: försenade ärenden`,
    lateMore: (n: number) => `… och ${n} till. Hela listan finns i exporten (GET /api/stats).`,
    days: (median: string, p90: number, max: number) => `median ${median}, 90:e percentilen ${p90}, max ${max}`,
    received: 'Anmälningar',
    workingDays: 'Arbetsdagar',
    calendarDays: 'Kalenderdagar',
    stillUnassigned: 'Fortfarande ofördelade',
    longest: 'Längst väntan',
    title: (month: string, scope: string) => `Statistik ${month} · ${scope}`,
    complete: (date: string) => `Frister som löpte ut i månaden, läget ${date}.`,
    running: (date: string) => `Månaden pågår: frister som löpt ut till och med ${date}.`,
    chartTitle: 'Andel i tid, de senaste 13 månaderna',
    commandTitle: 'Statistik',
    unit: 'Hela enheten',
    notRegisteredText: 'Bara personal i organisationsfilen kan se statistiken.',
    usage: 'Skriv statistik, statistik ÅÅÅÅ-MM eller statistik ÅÅÅÅ-MM grupp-id.',
    notShown: 'Statistiken kunde inte visas',
    unitForManager: 'Hela enhetens siffror är för enhetschefen. Skriv statistik för din grupps.',
    ownGroups: 'Du ser bara statistiken för dina egna grupper.',
    footer:
      'Definitionerna och lagrummen: docs/stats.md. Export för nämnden och IVO: GET /api/stats eller npm run stats.',
  },

  /** `leveranser` and its retry (src/cards/deliveriesCard.ts, src/app/deliveries.ts). */
  deliveries: {
    title: 'Leveranser',
    allDelivered: 'Allt som Ärendevakt skulle skicka har kommit fram.',
    summary: (failed: number, retrying: number) =>
      `${failed} kunde inte levereras, ${retrying} försöker Ärendevakt fortfarande skicka.`,
    firstShown: (n: number) => ` De ${n} första visas.`,
    empty: 'Inget väntar och inget har misslyckats.',
    onlyLeads: 'Bara gruppledare och enhetschefer ser vad som inte kunde levereras.',
    noMessage: 'Kortet saknar vilket meddelande som avses.',
    failed: (reason: string) => `Kunde inte levereras: ${reason}`,
    retrying: (attempts: string) => `Försöker igen (${attempts})`,
    reason: {
      no_channel: 'ingen kopplad kanal',
      no_chat: 'ingen chatt med Ärendevakt',
      blocked: 'chatten är blockerad',
      gone: 'kanalen eller chatten finns inte längre',
      disabled: 'boten är avstängd',
      retries_exhausted: 'Teams tog inte emot det',
      nothing_to_render: 'ärendet finns inte',
    },
    managementChannel: 'ledningens kanal',
    aChat: 'en chatt',
    onlyLeadsRetry: 'Bara gruppledare och enhetschefer kan skicka om.',
    alreadySent: 'Meddelandet är redan levererat eller skickas nu.',
    otherGroup: 'Meddelandet gäller en grupp som du inte är med i.',
    conflict: 'Meddelandet ändrades samtidigt; se listan.',
    sentAgain: (what: string, to: string) => `${what} skickas igen till ${to}.`,
    digestTitle: (cards: string) => `${cards} väntade på att kanalen skulle kopplas`,
    digestSummary: 'De mest brådskande först. Tryck på ett ärende för att se dess kort.',
    /** What a message was, by template: "VINR-underrättelsen" (src/outbox/deliveryFailure.ts). */
    what: {
      'vinr-notice': 'VINR-underrättelsen',
      samordning: 'Samordningskortet',
      escalation: 'Eskaleringen till enhetschefen',
      'morning-list': 'Morgonlistan',
      reminder: 'Påminnelsen',
      distribution: 'Fördelningskortet',
      handover: 'Överlämningslistan',
      'protection-alarm': 'Larmet om omedelbart skyddsbehov',
      'out-of-hours': 'Kortet till socialjouren',
      'genast-nudge': 'Påminnelsen om skyddsbedömning',
      'delivery-failure': 'Rapporten om en misslyckad leverans',
    } as Record<string, string>,
    assignedCard: 'Kortet om ett tilldelat ärende',
    caseCard: 'Ärendekortet',
    aCard: 'Ett kort',
    aMessage: 'Ett meddelande',
  },
  /** The distribution-meeting card, `fördelning` and its presses (src/app/distribution.ts). */
  distribution: {
    absent: ' (frånvarande)',
    load: (open: number, capacity: number | undefined) =>
      capacity !== undefined ? `${open}/${capacity} ärenden` : `${open} ärenden`,
    next: (ref: string, date: string, label: string) => `${ref}: nästa frist ${date} (${label})`,
    noDeadlines: ' · inga frister',
    assignedTo: (ref: string, names: string) => `✓ **${ref}** till ${names}`,
    title: (group: string, date: string) => `Fördelning ${group}, ${date}`,
    summary: (n: string, oldest: string) => `${n}, det äldsta ${oldest}. Välj handläggare och tryck Tilldela.`,
    oldestToday: 'från i dag',
    allAssigned: 'Alla ärenden har en handläggare.',
    unassignedFor: (age: string) => `ofördelad ${age}`,
    sinceToday: 'sedan i dag',
    skyddLate: (date: string) => `Skyddsbedömning försenad${date ? `, ${date}` : ''}`,
    notRegisteredText: 'Be din gruppledare lägga till dig.',
    forLeadsTitle: 'Fördelningen är för gruppledare',
    whichGroupText: (ids: string) => `Skriv fördelning «grupp-id». Grupper: ${ids}.`,
    notYourGroupTitle: 'Inte din grupp',
    notYourGroupText: 'Du kan bara fördela ärenden i dina egna grupper.',
    missingData: 'Kortet saknar uppgifter. Skriv fördelning för ett nytt kort.',
    missingDataShort: 'Kortet saknar uppgifter.',
    pick: (ref: string) => `Välj en handläggare för ${ref}.`,
    assigned: (ref: string, names: string) => `${ref} har gått till ${names}.`,
  },
  /** The decision forms' own words (src/cards/decisionForms.ts); their templates' in `templates`. */
  forms: {
    heading: {
      skydd: 'Skyddsbedömning',
      forhand: 'Förhandsbedömning: beslut',
      extend: 'Förläng utredningen',
      contact: 'Registrera kontakt',
      barnsamtal: 'Barnsamtal hålls inte',
      aterkoppling: 'Återkoppling till anmälaren',
      close: 'Avsluta utredningen',
      uppfoljning: 'Uppföljningen är avslutad',
    } as Record<string, string>,
    load: (name: string, open: number, capacity: number | undefined) =>
      `${name} – ${open}${capacity !== undefined ? `/${capacity}` : ''} ärenden`,
    skyddIntro: 'Den omedelbara skyddsbedömningen ska göras samma dag som anmälan kom in.',
    protectionNo: 'Nej, inget omedelbart skyddsbehov',
    protectionYes: 'Ja, barnet behöver omedelbart skydd',
    forhandIntro: (due: string) =>
      `Beslut om att inleda utredning eller inte, senast ${due}. Fyramånadersfristen räknas från beslutsdatumet.`,
    forhandIntroViolence: 'Beslut om att inleda utredning eller inte. Fyramånadersfristen räknas från beslutsdatumet.',
    violenceText: (honour: boolean, due: string) =>
      `Anmälan gäller ${honour ? 'hedersrelaterat våld och förtryck' : 'våld i nära relation'}: förslaget är att inleda utredning utan dröjsmål, i dag. Fristen ${due} är ingen tid att vänta in. Inleds inte utredning krävs ett skriftligt skäl.`,
    lateText: (due: string) =>
      `Fristen gick ut ${due}: beslutet registreras och räknas som försenat. En förlängning kan bara beslutas före fristen.`,
    outcome: { open: 'Inled utredning', not_open: 'Inled inte utredning', already_ongoing: 'Utredning pågår redan' },
    suggestion: (name: string, open: string) =>
      `Förslag: två utredare är god praxis. ${name} har lägst belastning (${open}).`,
    extendIntro: (deadline: string, statutory: string) =>
      `Nuvarande frist ${deadline} (lagstadgad ${statutory}). Förlängning kräver särskilda skäl och beslutas för viss tid.`,
    contactIntro:
      'Barnsamtal, hembesök och möte med vårdnadshavare räknas som kontakt med familjen; annan kontakt (t.ex. med skolan) gör det inte.',
    barnsamtalIntro:
      'När barnet inte kan höras ska skälet dokumenteras, och barnets inställning tas reda på på annat sätt.',
    aterkopplingIntro: (due: string) =>
      `Anmälaren (yrkesverksam) har begärt att få veta om utredning inleddes. ${due ? `Frist ${due}.` : 'Ingen tidsgräns (beslut före 2026-01-15).'}`,
    uppfoljningIntro: (due: string) =>
      `Uppföljningen skulle avslutas senast ${due}. Registrera hur den slutade; då lämnar den morgonlistorna och eskaleringarna.`,
    uppfoljningOutcome: {
      no_action: 'Avslutad utan vidare åtgärd',
      new_investigation: 'Ny utredning inleds',
      insats: 'Familjen får insats',
    },
    closeIntro:
      'Efter en utredning utan insats kan en uppföljning beslutas, med eget slutdatum: högst sex månader från avslutet (23 kap. 5 § SoL).',
    closeOutcome: { insats: 'Insats', ingen_insats: 'Ingen insats' },
    notSavedSecrecy: 'Inget har sparats: ta bort personnumret. Rätta fälten nedan.',
    notSavedFields: 'Inget har sparats. Rätta fälten nedan.',
    notSaved: (message: string) => `${message} Inget har sparats.`,
  },

  /** `ärende «ref»` and `historik «ref»` when there is no card to show (src/bot/commands/case.ts). */
  caseCommand: {
    notRegisteredTitle: 'Du finns inte i organisationsfilen',
    notRegisteredText: 'Bara personal i organisationsfilen kan se ärenden.',
    whichTitle: 'Vilket ärende?',
    whichText: 'Skriv ärendets referens, t.ex. ärende IFO-2026-004512.',
    notFoundTitle: 'Ärendet finns inte',
    notFoundText: 'Hittade inget ärende med den referensen.',
    otherGroupTitle: 'Det gick inte',
    otherGroupText: 'Ärendet tillhör en grupp som du inte är med i.',
    /** `historik «ref» barn`: the child's timeline (the timeline card is Swedish only still). */
    childTitle: (cases: string, notShown: string) =>
      `Barnets historik · ${cases}${notShown ? ` (${notShown} i andra grupper visas inte)` : ''}`,
  },
  help: {
    title: 'Ärendevakt',
    intro:
      'Jag bevakar gruppens anmälningar och tidsfrister så att inget passerar obemärkt och inget ärende blir liggande ofördelat.',
    introUnregistered:
      'Du finns inte i organisationsfilen, så du kan bara läsa den här hjälpen. Be din gruppledare eller IT-förvaltningen att lägga till dig.',
    who: (name: string, role: string) => `Du är ${name}, ${role.toLowerCase()}.`,
    footerChannel:
      'Nämn @Ärendevakt följt av kommandot. Ord inom «» fyller du i själv. Kort visar aldrig personnummer eller namn på barn och föräldrar.',
    footerChat:
      'Skriv kommandot här i chatten. Ord inom «» fyller du i själv. Kort visar aldrig personnummer eller namn på barn och föräldrar.',
    myCases: 'Mina ärenden',
    // Placeholders in «»: Teams' markdown takes <grupp-id> for an HTML tag and shows nothing.
    rows: [
      { command: 'hjälp', what: 'Vad boten kan göra för dig.' },
      { command: 'mina', what: 'Dina öppna ärenden med nästa tidsfrist.', roles: ['caseworker'] },
      { command: 'ofördelade', what: 'Gruppens ofördelade ärenden och hur länge de legat.' },
      { command: 'försenade', what: 'Gruppens ärenden med passerade tidsfrister.' },
      { command: 'ärende «ref»', what: 'Ett ärendes eget kort.' },
      { command: 'historik «ref»', what: 'Ärendets tidslinje: vem, vad, när och varför.' },
      { command: 'historik «ref» barn', what: 'Barnets tidslinje: alla ärenden om samma barn som en historia.' },
      {
        command: 'radera fritext «ref» «nr» «skäl»',
        what: 'Radera en felskriven fritext (till exempel ett barns namn i en motivering) ur ärendet och loggen.',
        roles: ['unit_manager'],
      },
      { command: 'ny anmälan', what: 'Registrera en anmälan för hand.' },
      { command: 'fördelning', what: 'Kortet för fördelningsmötet.', roles: ['team_lead', 'unit_manager'] },
      {
        command: 'koppla «grupp-id»',
        what: 'Gör den här kanalen till gruppens kanal för kort och listor.',
        roles: ['team_lead', 'unit_manager'],
      },
      {
        command: 'koppla ledning',
        what: 'Gör den här kanalen till ledningens: hit rapporteras det som inte kunde levereras.',
        roles: ['team_lead', 'unit_manager'],
      },
      {
        command: 'leveranser',
        what: 'Det som inte kunde levereras eller väntar, med knapp för att försöka igen.',
        roles: ['team_lead', 'unit_manager'],
      },
      {
        command: 'frånvaro @person [till «ÅÅÅÅ-MM-DD»]',
        what: 'Registrera frånvaro; boten postar en överlämningslista.',
      },
      { command: 'åter @person', what: 'Avsluta frånvaro och lämna tillbaka ärenden.' },
      { command: 'överlämning @person', what: 'Visa personens pågående överlämningslista igen.' },
      {
        command: 'statistik [«ÅÅÅÅ-MM»] [«grupp-id»]',
        what: 'Månadens andelar i tid mot de tolv före, med försenade ärenden.',
      },
    ] as HelpRowText[],
  },
  notice: {
    notRegisteredTitle: 'Du finns inte i organisationsfilen',
    notRegisteredText:
      'Du kan läsa hjälpen (skriv hjälp) men inte se eller ändra ärenden. Be din gruppledare lägga till dig.',
    notUnderstoodTitle: 'Det förstod jag inte',
    notUnderstoodText: 'Skriv hjälp för att se vad jag kan göra.',
    refusedTitle: 'Inget har gjorts',
    connectInChannelTitle: 'Koppla i en kanal',
    connectInChannelText: 'Skriv koppla «grupp-id» i den kanal som ska få gruppens kort och listor.',
    whichGroupTitle: 'Vilken grupp?',
    whichGroupText: (ids: string) => `Skriv koppla «grupp-id». Grupper: ${ids}.`,
    notConnectedTitle: 'Kanalen kopplades inte',
    connectedTitle: (group: string) => `Kanalen är kopplad till ${group}`,
    connectedManagement: 'Det som inte kan levereras till gruppledare eller enhetschef rapporteras här.',
    connectedGroup: 'Nya anmälningar, morgonlistor och överlämningar för gruppen postas här.',
    waiting: (n: string) => ` ${n} som väntade på kanalen skickas nu.`,
  },
  lists: {
    mineTitle: 'Mina ärenden',
    mineSummary: (n: string, nearest: string) => `${n}${nearest ? `, närmaste frist ${nearest}` : ''}.`,
    mineEmpty: 'Du har inga öppna ärenden.',
    unassignedTitle: 'Ofördelade ärenden',
    unassignedSummary: (n: string, groups: string) => `${n} i ${groups}.`,
    unassignedEmpty: 'Inga ofördelade ärenden. Bra!',
    overdueTitle: 'Försenade ärenden',
    overdueSummary: (n: string, groups: string) => `${n} i ${groups}.`,
    overdueEmpty: 'Inga försenade tidsfrister.',
    arrivedToday: 'inkom i dag',
    unassignedFor: (age: string) => `ofördelad ${age}`,
    more: 'De mest brådskande visas först.',
    andMore: (n: number) => `… och ${n} till. De mest brådskande visas först.`,
    showCase: 'Visa ärendet',
  },
  /** Gallring and erasure of free text (src/app/lifecycle.ts, src/bot/commands/erase.ts, the timeline). */
  lifecycle: {
    /** The reason categories of an erasure: never free text, which could leak what it removes. */
    categories: {
      personuppgift: 'personuppgift som inte hör hemma i texten',
      'fel-arende': 'skrivet i fel ärende',
      felaktig: 'felaktig uppgift',
    } as Record<string, string>,
    /** In the timeline, in place of an erased text. */
    erasedWhy: (who: string, when: string, category: string) =>
      `Fritext raderad av enhetschef ${who} ${when}: ${category}. Texten finns inte kvar.`,
    /** The timeline's line for the erasure itself. */
    erasedEvent: (seq: number, category: string) => `Fritexten i händelse nr ${seq} raderad: ${category}.`,
    /** An entry whose whole content was removed. */
    gallradEvent: (when: string) => `Innehållet gallrat ${when} enligt kommunens gallringsregel.`,
    /** After the timeline's verdict when the log has removed content. */
    auditRedacted: (n: number) =>
      ` Innehåll i ${n} ${n === 1 ? 'post' : 'poster'} i loggen är gallrat eller raderat enligt regel; varje borttagning är loggad och kontrollerad.`,
    usageTitle: 'Radera fritext',
    usageText:
      'Skriv radera fritext «ref» «nr» «skäl», där nr är händelsens nummer i historiken och skäl ett av: personuppgift, fel-ärende, felaktig. Skriv aldrig namn eller annan fritext i kommandot.',
    extraTextTitle: 'Bara skälets kategori',
    extraText:
      'Skriv bara kategorin (personuppgift, fel-ärende eller felaktig) efter numret, ingen egen text: den kan själv innehålla det som ska bort. Inget har ändrats.',
    forbiddenTitle: 'Bara enhetschefen kan radera fritext',
    unknownEntryTitle: 'Händelsen finns inte',
    unknownEntry: (seq: number, ref: string) =>
      `Ärende ${ref} har ingen händelse nr ${seq}. Numret står i historiken (historik ${ref}). Inget har ändrats.`,
    noTextTitle: 'Ingen fritext att radera',
    noText: (seq: number) => `Händelse nr ${seq} har ingen fritext. Inget har ändrats.`,
    conflictTitle: 'Det gick inte just nu',
    conflict: 'Ärendet ändrades samtidigt. Försök igen. Inget har ändrats.',
    doneTitle: 'Fritexten är raderad',
    done: (seq: number, entries: number, category: string) =>
      `Texten i händelse nr ${seq} är ersatt med [raderad] i ärendet och i granskningsloggen (${entries} ${entries === 1 ? 'post' : 'poster'}), och borta från datafilerna. Skäl: ${category}. Raderingen är loggad med ditt namn, och loggens kontroll stämmer fortfarande.`,
  },
  caseAnswers,
  appNotices,
  refusals,
};

export type Texts = typeof sv;
