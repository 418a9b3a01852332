// The labels every card shares: reporter types, concerns, phases, deadlines, contacts, roles, status words, in Swedish (docs/cards.md "The text catalogue").
import type { DeadlineKind } from '../../../domain/rules.js';
import type { Concern, ContactKind, Phase, ReporterType, Role } from '../../../domain/schemas.js';

export const svWords = {
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
  /** The words beside a coloured deadline, so that colour is never the only sign. */
  status: {
    overdue: 'FÖRSENAD',
    today: 'i dag',
    tomorrow: 'i morgon',
    inDays: (n: string) => `om ${n}`,
  },
  time: { at: 'kl.' },
};
