// The counted nouns in Swedish (their keys are the Swedish singular) and the shapes the catalogue's
// sections share (docs/cards.md "The text catalogue").
import type { Role } from '../../../domain/schemas.js';

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
  vecka: { one: 'vecka', other: 'veckor' },
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
