// The use cases' own words outside a case's decisions, in Swedish: refusals and confirmations of
// `koppla`, `frånvaro`/`åter`, the handover checklist and the family, and the notices the bot sends on
// its own (to the person responsible for a checklist, the out-of-hours group, VINR, the samordning
// card), the intake's messages (the API, the Teams form, the file import) and the gallring report.
// English: ../en/appNotices.ts. How a reader's language is chosen: docs/cards.md.

export const appNotices = {
  /** src/app/context.ts: a name the organisation file does not have. */
  unknownPerson: 'okänd person',
  /** src/app/connectChannel.ts */
  channel: {
    managementName: 'ledningen (det som inte kan levereras)',
    noSuchGroup: (ids: string) => `Det finns ingen grupp med det id:t. Grupper: ${ids}.`,
    ownGroupsOnly: 'Du kan bara koppla kanaler för dina egna grupper.',
    conflict: 'Någon annan kopplade gruppen samtidigt. Försök igen.',
  },
  /** src/app/absence.ts */
  absence: {
    registerConflict: 'Frånvaron registrerades samtidigt av någon annan. Försök igen.',
    endConflict: 'Frånvaron ändrades samtidigt. Försök igen.',
    noAbsence: (name: string) => `${name} har ingen registrerad frånvaro.`,
  },
  /** src/app/family.ts: "Ge syskonen samma handläggare". */
  family: {
    noCase: 'Ärendet finns inte.',
    noOwner: 'Ärendet har ingen handläggare än.',
    noSiblings: 'Inga syskon utan handläggare.',
  },
  /** src/app/handover.ts: the checklist's refusals and the messages around it. */
  handover: {
    notFound: 'Överlämningen finns inte.',
    notOnList: 'Ärendet finns inte på överlämningslistan.',
    returnedHandBack: 'Frånvaron är avslutad; lämna tillbaka ärenden i stället.',
    notStarted: 'Överlämningen har inte börjat än.',
    noCase: 'Ärendet finns inte.',
    conflict: 'Överlämningslistan ändrades samtidigt av flera. Försök igen.',
    handBackNotYet: 'Ärenden lämnas tillbaka först när personen är åter.',
    handBackForbidden: 'Bara en gruppledare eller enhetschefen kan lämna tillbaka ärenden.',
    noStandIn: 'Ärendet har ingen ställföreträdare att ta tillbaka från.',
    /** To whoever answers for the checklist, in their 1:1 chat. */
    responsible: (name: string, cases: string) =>
      `${name} är frånvarande. Överlämningslistan med ${cases} finns i gruppens kanal: se till att varje ärende får en ny handläggare och en skriftlig status.`,
    noOpenCasesTitle: (name: string) => `Överlämning: ${name} är frånvarande`,
    noOpenCases: (name: string) => `${name} har inga öppna ärenden att lämna över. Ingen överlämningslista behövs.`,
    /** The morning escalation (a case list in a 1:1 chat). */
    noOwnerTitle: (cases: string) => `Överlämning: ${cases} saknar ny handläggare`,
    noStatusTitle: (cases: string) => `Överlämning: skriv status för ${cases}`,
    noOwnerSummary: (absent: string) =>
      `${absent} är frånvarande och ärendena nedan har fortfarande ingen ny handläggare. Fördela dem i dag på överlämningslistan.`,
    noStatusSummary: (absent: string) =>
      `Du tog över ärendena från ${absent} för mer än två arbetsdagar sedan. Skriv på överlämningslistan hur långt de har kommit.`,
    from: (name: string) => `från ${name}`,
    noOwnerDetail: 'Ingen ny handläggare',
    noStatusDetail: 'Ingen skriftlig status',
  },
  /** src/app/samordning.ts: the card to both sections' team leads and the message to the other one. */
  samordning: {
    familyViolenceWhy: 'Oro för våld i nära relationer finns i ett annat ärende i familjen',
    unassigned: 'ej fördelat',
    title: (familyRef: string) => `Samordning: familj ${familyRef}`,
    summary: (own: string, other: string) =>
      `Familjen har nu öppna ärenden både hos ${own} och hos ${other}. Här syns bara att den andra sektionen är inblandad, vem som har ärendet och sedan när – aldrig innehållet. Samordna enligt er rutin (till exempel en SIP).`,
    yourCases: 'Era ärenden',
    otherSection: 'Andra sektionen',
    ownersThere: 'Handläggare där',
    since: 'Sedan',
    told: (other: string, by: string, on: string) => `Gruppledaren i ${other} fick besked av ${by} ${on}.`,
    tell: (other: string) => `Meddela gruppledaren i ${other}`,
    notFound: 'Samordningen finns inte.',
    noSection: 'Kortet saknar uppgift om sektionen.',
    forbidden: (own: string) => `Bara gruppledaren i ${own} eller enhetschefen kan meddela den andra sektionen.`,
    alreadyTold: (by: string, other: string) => `${by} har redan meddelat gruppledaren i ${other}.`,
    message: (actor: string, own: string, familyRef: string, other: string) =>
      `${actor} i ${own} vill samordna kring familj ${familyRef}: familjen har öppna ärenden både hos er (${other}) och hos ${own}. Kontakta ${actor}.`,
    conflict: 'Samordningen ändrades samtidigt; försök igen.',
  },
  /** src/app/vinrNotices.ts: the skyddsbedömning line of the card to VINR. */
  vinr: {
    skyddNotApplicable: 'gäller inte (ärende utanför barn och unga)',
    skyddBy: (date: string) => `senast ${date}`,
  },
  /** src/app/outOfHours.ts: the card to the out-of-hours group's channel. */
  outOfHours: {
    title: (caseId: string) => `${caseId} · Ny anmälan utanför kontorstid`,
    text: (received: string, group: string, due: string, opening: string) =>
      `Anmälan kom in ${received} till ${group}, utanför kontorstid. Skyddsbedömningen ska göras senast ${due}: socialjouren ansvarar tills kontorstiden börjar ${opening}.`,
    case: 'Ärende',
    group: 'Grupp',
    concerns: 'Oro',
    received: 'Mottagen',
    reporter: 'Anmälare',
    skydd: 'Skyddsbedömning',
    by: (date: string) => `senast ${date}`,
  },
  /** src/jobs/watches.ts: the "genast" nudge to the team leads when no skyddsbedömning is registered. */
  genast: {
    title: (caseId: string) => `${caseId} · Skyddsbedömningen är inte gjord`,
    text: (received: string, hours: string) =>
      `Anmälan kom in ${received}, för ${hours} sedan, och ingen skyddsbedömning är registrerad. Den ska göras genast (SoL 20 kap. 1 §): nästa morgon är för sent.`,
    case: 'Ärende',
    group: 'Grupp',
    concerns: 'Oro',
    received: 'Mottagen',
    owner: 'Handläggare',
    by: (date: string) => `senast ${date}`,
    officeHours: (n: number) => (n === 1 ? '1 kontorstimme' : `${n} kontorstimmar`),
  },
  /** src/app/ingestReport.ts and reportForm.ts: one report, from the API or the Teams form. */
  report: {
    zod: {
      invalid_type: 'Fel typ eller saknas.',
      invalid_value: 'Ogiltigt värde.',
      invalid_format: 'Fel format.',
      too_small: 'För kort eller för få.',
      too_big: 'För långt eller för många.',
      unrecognized_keys: 'Okänt fält.',
    } as Record<string, string>,
    invalidValue: 'Ogiltigt värde.',
    receivedAtFormat: 'Tid som ISO 8601 med tidszon, t.ex. 2026-11-20T09:15:00+01:00.',
    notAnObject: 'Anmälan ska vara ett JSON-objekt.',
    summaryTooLong: (max: number) => `Sammanfattningen får vara högst ${max} tecken.`,
    invalid: 'Anmälan är ogiltig.',
    twice: 'Samma ärendereferens förekommer två gånger.',
    twiceField: 'Finns redan tidigare i samma import.',
    noGroup: 'Gruppen finns inte i organisationen.',
    otherContent: 'Ärendet finns redan med annat innehåll.',
    conflict: 'Ärendet ändrades samtidigt; försök igen.',
    /** The Teams form (src/app/reportForm.ts). */
  },
  /** src/app/importReports.ts: the file import's problems (the CLI prints them). */
  import: {
    notUtf8: 'Filen är inte UTF-8. Spara den som UTF-8 (med eller utan BOM).',
    notCsv: (line: number | undefined) =>
      `Filen kan inte läsas som CSV${line ? ` (rad ${line})` : ''}: kontrollera citattecken och avgränsare.`,
    empty: 'Filen är tom: den ska ha en rubrikrad och en rad per anmälan.',
    missingColumns: (names: string) => `Rubrikraden saknar kolumnerna: ${names}. Se docs/import-format.md.`,
    unknownColumns: (columns: string) =>
      `Okänd eller upprepad kolumn i rubrikraden (kolumn ${columns}). Se docs/import-format.md.`,
    row: '(rad)',
    columnCount: (row: number, header: number) => `Raden har ${row} kolumner, rubrikraden ${header}.`,
    dateFormat: 'Datum som ÅÅÅÅ-MM-DD TT:MM eller ÅÅÅÅ-MM-DD (svensk tid).',
    reporter: 'Okänd anmälartyp (t.ex. förskola, skola, polis, anhörig, privatperson, anonym, annan).',
    yesNo: 'Skriv ja eller nej.',
    concerns: 'Okänd eller saknad oro (t.ex. våld, brister i omsorgen, psykisk ohälsa), flera åtskilda med |.',
    sameRef: (line: number) => `Samma ärendereferens finns redan på rad ${line}.`,
    changed: 'Ett ärende ändrades under importen (kör boten samtidigt?). Inget importerades; försök igen.',
  },
  /** src/app/gallring.ts: the gallring report the CLI prints (counts and the rule, no content). */
  gallring: {
    rule: (cutoff: string, months: string) => `Gallring: avslutade ärenden som avslutades före ${cutoff} (${months}).`,
    dryRun: (cases: string, deleted: number, changed: number) =>
      `Provkörning: ${cases} skulle gallras, ${deleted} dokument tas bort och ${changed} ändras. Inget har ändrats.`,
    done: (cases: string, deleted: number, changed: number) =>
      `Gallrat: ${cases} med sin fritext; ${deleted} dokument borttagna, ${changed} ändrade.`,
    alreadyDone: 'Redan gallrat: en annan körning tog bort samma ärenden under tiden. Inget mer att ta bort.',
    gaveUp: (attempts: number) =>
      `Gallringen gavs upp: ärenden eller dokument ändrades medan den planerades, ${attempts} gånger i rad. ` +
      'Inget har gallrats; kör den igen när det är lugnare.',
    time: (seconds: string) => `Tid: ${seconds} s.`,
  },
};

export type AppNotices = typeof appNotices;
