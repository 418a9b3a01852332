// The help card, the case lists (`mina`, `ofördelade`, `försenade`) and the short notice card.
import { can } from '../domain/permissions.js';
import type { Role } from '../domain/schemas.js';
import { ROLE_LABEL } from './labels.js';
import { MAX_CARD_BYTES, cardSize, renderCard, type Card } from './render.js';

interface HelpRow {
  command: string;
  what: string;
  roles?: Role[];
}

const HELP: HelpRow[] = [
  { command: 'hjälp', what: 'Vad boten kan göra för dig.' },
  { command: 'mina', what: 'Dina öppna ärenden med nästa tidsfrist.', roles: ['caseworker'] },
  { command: 'ofördelade', what: 'Gruppens ofördelade ärenden och hur länge de legat.' },
  { command: 'försenade', what: 'Gruppens ärenden med passerade tidsfrister.' },
  { command: 'ärende <ref>', what: 'Ett ärendes eget kort.' },
  { command: 'historik <ref>', what: 'Ärendets tidslinje: vem, vad, när och varför.' },
  { command: 'historik <ref> barn', what: 'Barnets tidslinje: alla ärenden om samma barn som en historia.' },
  { command: 'ny anmälan', what: 'Registrera en anmälan för hand.' },
  { command: 'fördelning', what: 'Kortet för fördelningsmötet.', roles: ['team_lead', 'unit_manager'] },
  {
    command: 'koppla <grupp-id>',
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
  { command: 'frånvaro @person [till ÅÅÅÅ-MM-DD]', what: 'Registrera frånvaro; boten postar en överlämningslista.' },
  { command: 'åter @person', what: 'Avsluta frånvaro och lämna tillbaka ärenden.' },
  { command: 'överlämning @person', what: 'Visa personens pågående överlämningslista igen.' },
  {
    command: 'statistik [ÅÅÅÅ-MM] [grupp-id]',
    what: 'Månadens andelar i tid mot de tolv före, med försenade ärenden.',
  },
];

export function helpCard(person: { name: string; role: Role } | undefined, inChannel: boolean): Card {
  const rows = person ? HELP.filter((r) => !r.roles || r.roles.includes(person.role)) : HELP.slice(0, 1);
  return renderCard('help', {
    intro: person
      ? 'Jag bevakar gruppens anmälningar och tidsfrister så att inget passerar obemärkt och inget ärende blir liggande ofördelat.'
      : 'Du finns inte i organisationsfilen, så du kan bara läsa den här hjälpen. Be din gruppledare eller IT-förvaltningen att lägga till dig.',
    who: person ? `Du är ${person.name}, ${ROLE_LABEL[person.role].toLowerCase()}.` : '',
    commands: rows.map((r) => ({ command: r.command, what: r.what })),
    footer: inChannel
      ? 'Nämn @Ärendevakt följt av kommandot. Kort visar aldrig personnummer eller namn på barn och föräldrar.'
      : 'Skriv kommandot här i chatten. Kort visar aldrig personnummer eller namn på barn och föräldrar.',
    canList: !!person && can(person.role, 'take'),
  });
}

export interface CaseListItem {
  caseId: string;
  phase: string;
  detail: string;
  deadline: string;
  color: string;
}

/**
 * A list of cases, most urgent first (the caller sorts). Items that would take the card past the
 * size limit are counted as "och N till" instead of shown.
 */
export function caseListCard(
  input: { title: string; summary: string; items: CaseListItem[]; empty: string },
  maxBytes = MAX_CARD_BYTES - 2_048,
): Card {
  let shown = input.items.slice(0, 50);
  let card = renderCard('case-list', { ...input, items: shown, more: input.items.length - shown.length });
  while (cardSize(card) > maxBytes && shown.length > 1) {
    shown = shown.slice(0, Math.floor(shown.length * 0.8));
    card = renderCard('case-list', { ...input, items: shown, more: input.items.length - shown.length });
  }
  return card;
}

export function noticeCard(
  title: string,
  text = '',
  tone: 'Default' | 'Warning' | 'Attention' | 'Good' = 'Default',
  facts: { title: string; value: string }[] = [],
): Card {
  return renderCard('notice', { title, text, color: tone, facts });
}
