// The timeline's words (src/app/timeline.ts, src/cards/timelineCard.ts, cards/timeline.json): the event
// lines of the audit trail read back, its verdict and the card around them. English: ../en/timeline.ts.

export const timelineSv = {
  /** The case card's title: "Historik · IFO-2026-004388". */
  title: (ref: string) => `Historik · ${ref}`,
  /** Under the verdict when only the latest entries fit on the card. */
  hidden: (shown: number, total: number, ref: string) =>
    `Visar de senaste ${shown} av ${total} händelserna. Hela historiken: GET /api/cases/${ref}/timeline.`,
  /** In a channel, in place of a text a person wrote: "Motivering skriven av Karin Ek, tors 12 nov kl. 08:40." */
  writtenBy: (label: string, who: string, when: string) => `${label} skriven av ${who}, ${when}.`,
  shownToYou: 'Visas bara för dig.',
  /** What the written text of an event is called. */
  textLabel: { motivation: 'Motivering', reason: 'Skäl', note: 'Anteckning' },
  /** The banner: the case's own number of events (the check covers the whole log). */
  verified: (events: string) => `Historiken är kontrollerad: inget har ändrats i efterhand (${events}).`,
  broken: (seq: string) =>
    `Varning: historiken kan ha ändrats i efterhand. Kontrollen stämmer inte från post ${seq} i loggen; kontakta den som förvaltar Ärendevakt innan historiken används.`,
  /** The CSV export's header row and last line (src/app/timeline.ts timelineCsv; Swedish Excel). */
  csv: { columns: ['nr', 'tid', 'vem', 'händelse', 'vad', 'varför'], auditLog: 'Granskningslogg' },
  /** The template's own words. */
  template: { no: 'nr', why: 'Varför:', reveal: 'Visa', showCase: 'Visa ärendet' },
  /** The event lines. */
  nobody: 'ingen',
  unknown: 'okänd',
  unknownReporter: 'okänd anmälare',
  professional: ' (yrkesverksam anmälare)',
  outOfHoursGroup: 'socialjouren',
  noInvestigator: 'ingen utsedd',
  aMeasure: 'skyddsåtgärd',
  aContact: 'kontakt',
  reportRegistered: (reporter: string, received: string, concerns: string, group: string) =>
    `Anmälan registrerad från ${reporter}${received ? `, mottagen ${received}` : ''}; oro: ${concerns}; grupp: ${group}.`,
  caseTaken: (names: string) => `${names} tog ärendet.`,
  caseAssigned: (names: string) => `Ärendet fördelat till ${names}.`,
  caseReassigned: (from: string, to: string) => `Ärendet flyttat från ${from} till ${to}.`,
  skyddImmediate: 'Skyddsbedömning gjord: barnet behöver omedelbart skydd. Larm till gruppledarna och enhetschefen.',
  skyddNone: 'Skyddsbedömning gjord: inget omedelbart skyddsbehov.',
  measureRecorded: (measure: string, on: string, time: string, by: string) =>
    `Skyddsåtgärd registrerad: ${measure} ${on}${time ? ` kl. ${time}` : ''}, gjord av ${by}.`,
  protectionRenotice: (minutes: string, to: string) =>
    `Ingen skyddsåtgärd registrerad ${minutes} minuter efter skyddsbedömningen: ${to} påmind.`,
  genastNudge: (hours: string, to: string) =>
    `Skyddsbedömningen inte gjord ${hours} kontorstimmar efter anmälan: ${to} påmind.`,
  outOfHours: (group: string) => `Anmälan kom in utanför kontorstid: kortet skickat till ${group}.`,
  specialReasons: (text: string) => `Synnerliga skäl: ${text}`,
  forhandOpen: (opened: string, due: string, investigators: string) =>
    `Förhandsbedömning: utredning inleds ${opened}, ska vara klar senast ${due}; utredare: ${investigators}.`,
  forhandOngoing: 'Förhandsbedömning: en utredning pågår redan; ärendet avslutas.',
  forhandNotOpened: 'Förhandsbedömning: utredning inleds inte; ärendet avslutas.',
  investigationExtended: (from: string, to: string, statutory: string, overrun: boolean) =>
    `Utredningen förlängd från ${from} till ${to} (lagstadgad tid ${statutory})${overrun ? '; beslutat efter att fristen gått ut: överskriden frist' : ''}.`,
  contact: (kind: string, on: string) => `Kontakt: ${kind.toLowerCase()} ${on}.`,
  barnsamtalNotHeld: 'Barnsamtal hålls inte; skälet är registrerat.',
  aterkopplingDone: 'Återkoppling till anmälaren gjord.',
  caseClosed: (insats: boolean, uppfoljningUntil: string) =>
    `Utredningen avslutad med ${insats ? 'insats' : 'ingen insats'}${uppfoljningUntil ? `; uppföljning till ${uppfoljningUntil}` : ''}.`,
  forhandExtended: (from: string, to: string, decidedOn: string, by: string) =>
    `Förhandsbedömningen förlängd från ${from} till ${to}; beslut ${decidedOn} av ${by}.`,
  informed: (on: string) => `De berörda informerades ${on} om att utredningen inletts.`,
  notInformed: 'De berörda informeras inte om utredningen; skälet är registrerat.',
  aterkopplingRequested: (on: string, due: string) =>
    `Anmälaren har begärt återkoppling (${on})${due ? `; senast ${due}` : ''}.`,
  uppfoljningInformed: 'Vårdnadshavarna (och barnet om det fyllt 15 år) informerade om uppföljningen.',
  uppfoljningEnded: (on: string, ref: string) => `Uppföljningen upphörde ${on}: ny utredning inledd i ärende ${ref}.`,
  lvuDecider: { namnd: 'nämnden', ordforande: 'ordföranden', ledamot: 'förordnad ledamot' } as Record<string, string>,
  lvuReview: {
    overvagande: 'övervägande enligt 13 §',
    provning: 'prövning enligt 13 §',
    begransning: 'övervägande av begränsning enligt 14 §',
  } as Record<string, string>,
  lvuReviewDefault: 'övervägande',
  lvuOmhandertagande: (on: string, by: string, ground: string, verkstalld: string) =>
    `LVU: omedelbart omhändertagande beslutat ${on} av ${by} (${ground} § LVU)${verkstalld ? `, verkställt ${verkstalld}` : ''}.`,
  lvuVerkstalld: (on: string) => `LVU: omhändertagandet verkställt ${on}.`,
  lvuNamnd: (on: string) => `LVU 6 §: beslutet anmält vid nämndens sammanträde ${on}.`,
  lvuUnderstalld: (on: string) => `LVU 7 §: underställt förvaltningsrätten ${on}.`,
  lvuAnsokan: (on: string) => `LVU 8 §: ansökan om vård gjord ${on}.`,
  lvuCourtExtended: (until: string) => `LVU 9 §: rätten medgav ansökan senast ${until}.`,
  lvuCourtDecision: (on: string, vard: boolean, final: string) =>
    `LVU: rättens beslut ${on}: ${vard ? 'vård beslutad' : 'ansökan avslogs'}${final ? `, laga kraft ${final}` : ''}.`,
  lvuFinal: (on: string) => `LVU: beslutet om vård vann laga kraft ${on}.`,
  lvuVardBegun: (on: string) => `LVU 5 §: vården påbörjad ${on}.`,
  lvuReviewed: (what: string, on: string) => `LVU: ${what} ${on}.`,
  lvuRestriction: (umgange: boolean, on: string) =>
    `LVU 14 §: ${umgange ? 'umgänget begränsat' : 'vistelseorten hålls hemlig'} ${on}.`,
  lvuEnded: (on: string) => `LVU: omhändertagandet eller vården upphörde ${on}.`,
  casesLinked: (ref: string) => `Kopplat till ärende ${ref} om samma barn.`,
  handoverNewOwner: (to: string, before: string) =>
    `Överlämning vid frånvaro: ny handläggare ${to} (tidigare ${before}).`,
  handoverStatus: 'Överlämning vid frånvaro: skriftlig status lämnad.',
  handedBack: 'Överlämning avslutad: ärendet tillbaka till den ordinarie handläggaren.',
  uppfoljningOutcome: {
    new_investigation: 'ny utredning inleds',
    insats: 'familjen får insats',
    other: 'utan vidare åtgärd',
  },
  uppfoljningCompleted: (how: string, due: string) => `Uppföljningen avslutad (${how}); slutdatum var ${due}.`,
  reminderNotSent: (to: string, on: string) =>
    `Påminnelsen till ${to} ${on} skickades inte: personen räknades som frånvarande när morgonkörningen gick men var inte frånvarande den dagen.`,
  other: (type: string) => `Händelse: ${type}.`,
};
