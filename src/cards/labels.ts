// Swedish words for what the domain names in English: one source for every card.
import { concernsFirst } from '../domain/violence.js';
import type { DeadlineStatus } from '../domain/deadlines.js';
import type { DeadlineKind } from '../domain/rules.js';
import type { Concern, ContactKind, Phase, ReporterType, Role } from '../domain/schemas.js';

export const REPORTER_LABEL: Record<ReporterType, string> = {
  preschool: 'Förskola',
  school: 'Skola',
  police: 'Polis',
  healthcare: 'Hälso- och sjukvård',
  social_services: 'Socialtjänst',
  relative: 'Anhörig',
  private_person: 'Privatperson',
  anonymous: 'Anonym',
  other: 'Annan',
};

export const CONCERN_LABEL: Record<Concern, string> = {
  violence: 'Våld',
  neglect: 'Brister i omsorgen',
  parental_substance_abuse: 'Förälders missbruk',
  own_behaviour: 'Eget beteende',
  mental_health: 'Psykisk ohälsa',
  honour_related: 'Hedersrelaterat',
  other: 'Annat',
};

export const PHASE_LABEL: Record<Phase, string> = {
  skyddsbedomning: 'Skyddsbedömning',
  forhandsbedomning: 'Förhandsbedömning',
  utredning: 'Utredning',
  closed: 'Avslutat',
};

export const DEADLINE_LABEL: Record<DeadlineKind, string> = {
  skyddsbedomning: 'Skyddsbedömning',
  forhandsbedomning: 'Förhandsbedömning',
  utredning: 'Utredning klar',
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
};

export const CONTACT_LABEL: Record<ContactKind, string> = {
  barnsamtal: 'Barnsamtal',
  hembesok: 'Hembesök',
  vardnadshavarmote: 'Möte med vårdnadshavare',
  other: 'Annan kontakt',
};

export const ROLE_LABEL: Record<Role, string> = {
  caseworker: 'Handläggare',
  team_lead: 'Gruppledare',
  unit_manager: 'Enhetschef',
};

/** Adaptive Card text colours for a deadline's status. */
export const STATUS_COLOR: Record<DeadlineStatus, 'Attention' | 'Warning' | 'Good' | 'Default'> = {
  overdue: 'Attention',
  due_today: 'Warning',
  soon: 'Warning',
  ok: 'Default',
  done: 'Good',
};

/** Violence and honour-related oppression first (src/domain/violence.ts), then as reported. */
export const concernsText = (cs: readonly Concern[]) =>
  concernsFirst(cs)
    .map((c) => CONCERN_LABEL[c])
    .join(', ');
