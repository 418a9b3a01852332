// Every refusal the domain gives, by a stable key, with its Swedish text. A refusal carries its key
// and values (`refuse(code, said('caseNotFound'))`) so that the edge can show it in the reader's
// language: the catalogue holds the English for each key (src/cards/text/en/refusals.ts, typed
// against this table) and `refusalText` in src/cards/text picks one. The Swedish stays the
// refusal's `message`. The messages beside a form's fields are keyed the same way
// (`invalid(said('decisionNotSaved'), { decidedOn: said('decidedOnFuture') })`): the Swedish goes in
// the refusal's `fields`, the keys in its `fieldKeys`, and `fieldTexts` shows them.
import type { Role } from './schemaBasics.js';

/** A role as a refusal names it in Swedish. */
export const ROLE_LABEL_SV: Record<Role, string> = {
  caseworker: 'handläggare',
  team_lead: 'gruppledare',
  unit_manager: 'enhetschef',
};
const roleSv = (r: string): string => ROLE_LABEL_SV[r as Role] ?? r;

export const REFUSALS_SV = {
  // permissions.ts, commands.ts
  /** role and roles are role codes ("team_lead,unit_manager"), named in the reader's language. */
  roleMayNot: (p: { role: string; roles: string }) =>
    `Som ${roleSv(p.role)} kan du inte göra det här. Det kan: ${p.roles.split(',').map(roleSv).join(', ')}.`,
  integrationOnlyReports: 'Integrationer kan bara registrera anmälningar.',
  caseNotFound: 'Ärendet finns inte.',
  caseOtherGroup: 'Ärendet tillhör en grupp som du inte är med i.',
  caseClosedNoChange: 'Ärendet är avslutat och kan inte ändras.',
  caseClosed: 'Ärendet är avslutat.',
  // absence.ts
  absenceNotFound: 'Frånvaron finns inte.',
  absenceEndOwnOrGroup: 'Du kan bara avsluta din egen frånvaro eller frånvaro i din grupp.',
  absenceAlreadyEnded: 'Frånvaron är redan avslutad.',
  personNotInOrg: 'Personen finns inte i organisationen.',
  absenceRegisterOwnOrGroup: 'Du kan registrera din egen frånvaro, eller som gruppledare frånvaro i din grupp.',
  absenceNotRegistered: 'Frånvaron kunde inte registreras.',
  absenceOverlap: (p: { name: string; from: string; to?: string }) =>
    `${p.name} har redan en registrerad frånvaro från ${p.from}${p.to ? ` till ${p.to}` : ''}.`,
  // assessmentCommands.ts
  skyddAlreadyRecorded: 'Skyddsbedömningen är redan registrerad.',
  writeMotivation: 'Skriv en kort motivering.',
  skyddNotSaved: 'Skyddsbedömningen kunde inte sparas.',
  forhandsAlreadyDecided: 'Förhandsbedömningen är redan beslutad.',
  skyddFirst: 'Registrera skyddsbedömningen först.',
  decisionNotSaved: 'Beslutet kunde inte sparas.',
  // closingCommands.ts
  onlyOpenInvestigationCloses: 'Bara en pågående utredning kan avslutas här.',
  investigationNotClosed: 'Utredningen kunde inte avslutas.',
  noAterkoppling: 'Ärendet har ingen återkoppling att göra.',
  aterkopplingDone: 'Återkopplingen är redan gjord.',
  noUppfoljning: 'Ärendet har ingen uppföljning.',
  uppfoljningAlreadyEnded: 'Uppföljningen är redan registrerad som avslutad.',
  uppfoljningEndedEarly: (p: { on: string; caseId: string }) =>
    `Uppföljningen upphörde redan ${p.on}: ny utredning i ${p.caseId}.`,
  // handoverCommands.ts
  notOnHandover: 'Ärendet finns inte på överlämningslistan.',
  handoverNotStarted: 'Överlämningen har inte börjat än.',
  handoverClosed: 'Frånvaron är avslutad; överlämningen är stängd.',
  handoverCheckWho: 'Bara den nya handläggaren eller en gruppledare kan bocka av överlämningen.',
  handoverStatusWho: 'Bara den nya handläggaren, medutredaren, den frånvarande eller en gruppledare kan skriva status.',
  handoverWriteStatus: 'Skriv hur långt ärendet har kommit.',
  handoverStatusTooLong: (p: { max: number }) => `Statusen får vara högst ${p.max} tecken.`,
  handBackAfterReturn: 'Ärenden lämnas tillbaka först när personen är åter.',
  handBackWho: 'Bara en gruppledare eller enhetschefen kan lämna tillbaka ärenden.',
  alreadyHandedBack: 'Ärendet är redan tillbakalämnat.',
  // investigationCommands.ts, lawCommands.ts
  onlyOpenInvestigationExtends: 'Bara en pågående utredning kan förlängas.',
  extensionNotSaved: 'Förlängningen kunde inte sparas.',
  contactNotSaved: 'Kontakten kunde inte sparas.',
  barnsamtalWhyNot: 'Skriv varför barnsamtal inte hålls.',
  onlyPendingForhandsExtends: 'Bara en förhandsbedömning som inte är beslutad kan förlängas.',
  noOpenInvestigation: 'Ärendet har ingen pågående utredning.',
  investigationInfoRecorded: 'Informationen om utredningen är redan registrerad.',
  informationNotSaved: 'Informationen kunde inte sparas.',
  aterkopplingOnlyMandatory:
    'Återkopplingsplikten gäller anmälningar från yrkesverksamma med anmälningsplikt (19 kap. 1–3 §§ SoL).',
  aterkopplingRequestRecorded: 'Anmälarens begäran om återkoppling är redan registrerad.',
  requestNotSaved: 'Begäran kunde inte sparas.',
  noOpenUppfoljning: 'Ärendet har ingen pågående uppföljning.',
  uppfoljningInfoRecorded: 'Informationen om uppföljningen är redan registrerad.',
  // lvu.ts
  lvuAlreadyOpen: 'Ärendet har redan ett pågående LVU-spår.',
  lvuOmhandertagandeNotSaved: 'Omhändertagandet kunde inte sparas.',
  lvuNone: 'Ärendet har inget pågående LVU-spår.',
  detailNotSaved: 'Uppgiften kunde inte sparas.',
  lvuStepRecorded: 'Det steget är redan registrerat.',
  lvuVerkstallighetFirst: 'Registrera verkställigheten först.',
  lvuCourtVardFirst: 'Registrera rättens beslut om vård först.',
  lvuVardNotBegun: 'Vården har inte påbörjats.',
  lvuUnknownStep: 'Okänt LVU-steg.',
  lvuAnsokanDone: 'Ansökan är redan gjord.',
  lvuAnsokanFirst: 'Registrera ansökan först.',
  lvuCourtRecorded: 'Rättens beslut är redan registrerat.',
  lvuNoRestriction: 'Det finns ingen begränsning att överväga.',
  // ownershipCommands.ts
  alreadyAssigned: 'Ärendet har redan en handläggare.',
  takeOwnGroup: 'Du kan bara ta ärenden i din egen grupp.',
  youAreAbsent: 'Du är registrerad som frånvarande i dag.',
  assignOwnGroup: 'Du kan bara fördela ärenden i din egen grupp.',
  sameAssignees: 'Ärendet har redan de handläggarna.',
  pickAssignee: 'Välj minst en handläggare.',
  atMostTwo: 'Högst två handläggare per ärende.',
  sameTwice: 'Samma handläggare är vald två gånger.',
  pickedNotInOrg: 'Den valda personen finns inte i organisationen.',
  notCaseworker: (p: { name: string }) => `${p.name} är inte handläggare.`,
  notInGroup: (p: { name: string }) => `${p.name} är inte med i ärendets grupp.`,
  absentToday: (p: { name: string }) => `${p.name} är frånvarande i dag.`,
  // protection.ts
  protectionNotSaved: 'Skyddsåtgärden kunde inte sparas.',
  // reportCommands.ts
  reportExists: (p: { externalId: string }) => `Ärendet ${p.externalId} finns redan.`,
  unknownGroup: 'Okänd grupp.',
  reportOwnGroup: 'Du kan bara registrera anmälningar i din egen grupp.',
  receivedInFuture: 'Mottagningstiden kan inte vara i framtiden.',
  // secrecy.ts: the names of the fields, never their content
  secrecy: (p: { fields: string }) =>
    `Texten innehåller något som liknar ett personnummer eller samordningsnummer. Ta bort det; ärenden identifieras med sin ärendereferens. Gäller fältet ${p.fields}.`,

  // Field messages: beside one field of a form (a refusal's `fields`), by the same keys.
  // Dates (decisionDate in domainContext.ts): "Beslutsdatumet" for a decision's own day, "Datumet" for another day.
  decidedOnFormat: 'Ange beslutsdatumet som ÅÅÅÅ-MM-DD.',
  decidedOnFuture: 'Beslutsdatumet kan inte vara i framtiden.',
  decidedOnBeforeReport: 'Beslutsdatumet kan inte vara före anmälan.',
  dateFormat: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  dateFuture: 'Datumet kan inte vara i framtiden.',
  dateBeforeReport: 'Datumet kan inte vara före anmälan.',
  enterDay: 'Ange dagen.',
  // absence.ts, ownershipCommands.ts
  unknownPerson: 'Okänd person.',
  absenceEndBeforeStart: 'Slutdatumet kan inte vara före startdatumet.',
  absenceEndPassed: 'Slutdatumet har redan passerat.',
  pickOneCaseworker: 'Välj en handläggare.',
  pickAtMostTwo: 'Välj högst två.',
  pickTwoDifferent: 'Välj två olika.',
  pickInGroup: 'Välj någon i gruppen.',
  pickPresent: 'Välj någon som är på plats.',
  // assessmentCommands.ts, investigationCommands.ts, closingCommands.ts
  motivationRequired: 'Motivering krävs.',
  violenceWhyNotOpen: 'Anmälan gäller våld: skriv varför utredning inte inleds.',
  decidedOnBeforeOpened: 'Beslutsdatumet kan inte vara före beslutet att inleda utredningen.',
  newDeadlineAfter: (p: { date: string }) => `Det nya datumet måste vara efter ${p.date}.`,
  extensionReasonRequired: 'Skälet till förlängningen krävs.',
  reasonRequired: 'Skäl krävs.',
  closedOnBeforeOpened: 'Avslutsdatumet kan inte vara före beslutet att inleda utredningen.',
  uppfoljningOnlyWithoutInsats: 'Uppföljning kan bara beslutas när utredningen avslutas utan insats.',
  uppfoljningUntilAfterToday: 'Uppföljningens slutdatum måste vara efter i dag.',
  // lawCommands.ts
  forhandsExtensionLate: (p: { date: string }) =>
    `Fristen gick ut ${p.date}: en förlängning måste beslutas före fristen. Ett senare beslut räknas som försenat.`,
  newDeadlineFormat: 'Ange det nya datumet som ÅÅÅÅ-MM-DD.',
  synnerligaSkalRequired: 'Ange de synnerliga skälen (arbetsbelastning räknas aldrig).',
  pickDecider: 'Välj vem som fattade beslutet.',
  dateBeforeOpened: 'Datumet kan inte vara före beslutet att inleda utredningen.',
  informedOnOrReason: 'Ange när de berörda informerades, eller skälet till att de inte informeras.',
  dateOrReasonNotBoth: 'Ange antingen ett datum eller ett skäl, inte båda.',
  uppfoljningUntilAfterClosing: 'Uppföljningens slutdatum måste vara efter avslutsdatumet.',
  uppfoljningUntilLatest: (p: { date: string; legalRef: string }) =>
    `Uppföljningen kan som längst pågå till ${p.date} (${p.legalRef}).`,
  // lvu.ts
  lvuPickDecider: 'Välj vem som beslutade: nämnden, ordföranden eller en förordnad ledamot.',
  lvuPickGround: 'Välj grund: 2 § eller 3 § LVU.',
  lvuVerkstallighetBeforeDecision: 'Verkställigheten kan inte vara före beslutet.',
  lvuDateBeforeOmhandertagande: 'Datumet kan inte vara före omhändertagandet.',
  lvuNoVerkstallighet: 'Verkställighet saknas.',
  lvuNoVardDecision: 'Beslut om vård saknas.',
  lvuCourtNewDate: 'Ange rättens nya datum (efter i dag) som ÅÅÅÅ-MM-DD.',
  lvuNoAnsokan: 'Ansökan saknas.',
  lvuPickCourtOutcome: 'Välj rättens beslut.',
  lvuNoRestrictionField: 'Ingen begränsning.',
  lvuPickRestriction: 'Välj vilket beslut.',
  // protection.ts
  protectionPickKind: 'Välj vad som gjordes: placering, omedelbart omhändertagande, kontakt med polisen eller annat.',
  timeFormat: 'Ange klockslaget som TT:MM, t.ex. 14:30.',
  timeFuture: 'Klockslaget kan inte vara i framtiden.',
  pickDoneBy: 'Välj vem som gjorde det.',
  // handoverCommands.ts
  writeStatus: 'Skriv en status.',
  textTooLong: 'För lång text.',
  // reportCommands.ts
  groupNotInOrg: 'Gruppen finns inte i organisationen.',
  timeInFuture: 'Tiden ligger i framtiden.',
  // secrecy.ts: beside the field that holds something like a personnummer
  secrecyField:
    'Texten innehåller något som liknar ett personnummer eller samordningsnummer. Ta bort det; ärenden identifieras med sin ärendereferens.',
  referenceField:
    'Referensen liknar ett personnummer eller samordningsnummer. Använd ärendesystemets pseudonyma referens.',
} as const;

export type RefusalTable = typeof REFUSALS_SV;
export type RefusalKey = keyof RefusalTable;
type ParamsOf<K extends RefusalKey> = RefusalTable[K] extends (p: infer P) => string ? [params: P] : [];

/** A refusal's words: its key, its values and the Swedish text they make. */
export interface Said {
  key: RefusalKey;
  params?: Record<string, string | number | undefined>;
  text: string;
}

/** A field message's key and values; its Swedish text is the refusal's `fields` entry (src/domain/schemas.ts). */
export type SaidKey = Pick<Said, 'key' | 'params'>;

/** said('caseNotFound'), said('notCaseworker', { name }): a refusal's text by key, in Swedish. */
export function said<K extends RefusalKey>(key: K, ...params: ParamsOf<K>): Said {
  const entry: string | ((p: never) => string) = REFUSALS_SV[key];
  const p = params[0] as Record<string, string | number | undefined> | undefined;
  const text = typeof entry === 'string' ? entry : (entry as (p: unknown) => string)(p);
  return p ? { key, params: p, text } : { key, text };
}
