// Help, notices, lists and the data lifecycle, in Swedish (docs/cards.md "The text catalogue").
import type { HelpRowText } from './nouns.js';

export const svHelp = {
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
};
