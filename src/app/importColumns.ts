// The words the file import reads (docs/import-format.md): the column headers with their accepted
// alternative names, and the reporter types, concerns and yes/no as a case-management system's export
// writes them. They are parsed, like the bot's commands, so they stay Swedish in every language.
import { CONCERN_LABEL, REPORTER_LABEL } from '../cards/labels.js';
import { Concern, ReporterType } from '../domain/schemas.js';

/** The columns, by their canonical (Swedish) header, with the accepted alternative names. */
export const COLUMNS = {
  arendereferens: {
    field: 'externalId',
    required: true,
    names: ['ärendereferens', 'externalid', 'ärende', 'ärendenummer'],
  },
  mottagen: { field: 'receivedAt', required: true, names: ['mottagen', 'receivedat', 'inkom', 'datum'] },
  grupp: { field: 'groupId', required: true, names: ['grupp', 'groupid'] },
  barnreferens: { field: 'childRef', required: true, names: ['barnreferens', 'childref'] },
  familjereferens: {
    field: 'familyRef',
    required: false,
    names: ['familjereferens', 'familyref', 'familj', 'hushåll', 'hushållsnummer'],
  },
  anmalare: { field: 'reporter.type', required: true, names: ['anmälare', 'anmälartyp', 'reportertype', 'reporter'] },
  yrkesverksam: { field: 'reporter.professional', required: false, names: ['yrkesverksam', 'professional'] },
  oro: { field: 'concerns', required: true, names: ['oro', 'orsak', 'concerns'] },
  sammanfattning: { field: 'summary', required: false, names: ['sammanfattning', 'summary'] },
} as const;
export type ColumnKey = keyof typeof COLUMNS;

/** The column header a field error is reported under (the file's own header text). */
export const FIELD_TO_COLUMN: Record<string, ColumnKey> = Object.fromEntries(
  Object.entries(COLUMNS).map(([k, c]) => [c.field, k as ColumnKey]),
) as Record<string, ColumnKey>;

export const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function lookup<T extends string>(
  english: readonly T[],
  swedish: Record<T, string>,
  extra: Record<string, T> = {},
): Map<string, T> {
  const m = new Map<string, T>();
  for (const e of english) {
    m.set(norm(e), e);
    m.set(norm(swedish[e]), e);
  }
  for (const [k, v] of Object.entries(extra)) m.set(norm(k), v);
  return m;
}

export const REPORTERS = lookup(ReporterType.options, REPORTER_LABEL, {
  sjukvård: 'healthcare',
  vården: 'healthcare',
  'hälso- och sjukvården': 'healthcare',
  bvc: 'healthcare',
  skolan: 'school',
  förskolan: 'preschool',
  polisen: 'police',
  socialtjänsten: 'social_services',
  'privat person': 'private_person',
  annat: 'other',
});
export const CONCERNS = lookup(Concern.options, CONCERN_LABEL, {
  'våld i nära relationer': 'violence',
  vinr: 'violence',
  omsorgsbrist: 'neglect',
  'brister i omsorg': 'neglect',
  missbruk: 'parental_substance_abuse',
  'missbruk hos förälder': 'parental_substance_abuse',
  'förälders missbruk': 'parental_substance_abuse',
  'psykisk ohälsa': 'mental_health',
  hedersrelaterat: 'honour_related',
  'hedersrelaterat våld': 'honour_related',
  heder: 'honour_related',
  'eget beteende': 'own_behaviour',
  annan: 'other',
});

export const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'sant']);
export const NO = new Set(['nej', 'n', 'no', 'false', '0', 'falskt']);
