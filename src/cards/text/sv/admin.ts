// The unit’s tools: statistics, deliveries, the distribution meeting, the decision forms, the case command, in Swedish (docs/cards.md "The text catalogue").
import { FIGURE_LABELS } from '../../../stats/figures.js';
import { MONTHS } from '../../../stats/format.js';

export const svAdmin = {
  stats: {
    months: [...MONTHS],
    // src/stats's own labels (the export's and the CLI's): one Swedish wording everywhere.
    figure: { ...FIGURE_LABELS } as Record<string, string>,
    contactFigure: (days: number) => `Utredning med kontakt med familj eller barn minst var ${days}:e dag`,
    /** The figures named by their statutory period ("14 dagar"), which the rule table may change. */
    periodFigure: {
      forhandsbedomning_14: (period: string) => `Förhandsbedömning inom ${period}`,
      utredning_4_manader: (period: string) => `Utredning klar inom ${period}`,
    },
    // The fallback table's column names: at phone width a column is about nine letters wide, so the
    // long words carry a soft hyphen (U+00AD) where a Swedish reader would break them.
    short: {
      skyddsbedomning: 'Skydds\u00adbedömning',
      forhandsbedomning_14: 'Förhands\u00adbedömning 14 d',
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
    skyddLateText: (due: string) =>
      `Skyddsbedömningen skulle ha gjorts ${due}. Den registreras och räknas som försenad: gör den nu.`,
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
    /** `historik «ref» barn`: the child's timeline. */
    childTitle: (cases: string, notShown: string) =>
      `Barnets historik · ${cases}${notShown ? ` (${notShown} i andra grupper visas inte)` : ''}`,
  },
};
