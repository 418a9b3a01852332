// Every user-facing word of the shared label sets, the help card and the notice cards, in Swedish.
// The default language; docs/cards.md says how to add one. English in code, Swedish on cards.
import type { DeadlineKind } from '../../domain/rules.js';
import type { Concern, ContactKind, Phase, ReporterType, Role } from '../../domain/schemas.js';

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
};

export type Texts = typeof sv;
