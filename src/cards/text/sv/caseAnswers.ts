// The use cases' own answers about a case, in Swedish: a change that lost a race, the confirmations
// of the decision and law forms, and the forms' validation messages (src/app/executeCaseCommand.ts,
// decisions.ts, lawDecisions.ts, formFields.ts). English: ../en/caseAnswers.ts. docs/cards.md.

export const caseAnswers = {
  /** src/app/executeCaseCommand.ts */
  conflict: 'Ärendet ändrades samtidigt. Försök igen.',
  stale: (name: string) =>
    `Ärendet har ändrats av ${name} sedan kortet visades. Inget har ändrats; här är det aktuella läget.`,
  /** src/app/decisions.ts: the answer of each decision form. */
  decisions: {
    notSaved: 'Uppgifterna kunde inte sparas. Rätta fälten nedan.',
    reminder: (caseId: string) =>
      `Kom ihåg att dokumentera beslutet i verksamhetssystemet (ärende ${caseId}); Ärendevakt är inte den rättsliga akten.`,
    late: ' Beslutet kom efter fristen och räknas som försenat.',
    skydd: (immediate: boolean) =>
      `Skyddsbedömningen är registrerad: ${immediate ? 'barnet behöver omedelbart skydd' : 'inget omedelbart skyddsbehov'}.`,
    investigators: (names: string) => ` Utredare: ${names}.`,
    noInvestigator: ' Ingen utredare är utsedd ännu.',
    opened: (openedOn: string, deadline: string, who: string, late: string) =>
      `Utredning inledd ${openedOn}; ska vara klar senast ${deadline}.${who}${late} Informera vårdnadshavarna (och barnet) om att utredningen inletts.`,
    aterkopplingDue: (due: string) => ` Återkoppling till anmälaren senast ${due}.`,
    aterkopplingNoLimit: ' Återkoppling till anmälaren (ingen tidsgräns).',
    alreadyOngoing: (late: string, task: string) => `Beslut: utredning pågår redan. Ärendet är avslutat.${late}${task}`,
    notOpened: (late: string, task: string) => `Beslut: utredning inleds inte. Ärendet är avslutat.${late}${task}`,
    extended: (from: string, to: string, statutory: string) =>
      `Utredningen är förlängd från ${from} till ${to} (lagstadgad tid ${statutory}).`,
    extendedOverrun:
      ' Förlängningen beslutades efter att fristen gått ut: den registreras som överskriden frist och utredningen räknas som försenad.',
    contact: (what: string, on: string) => `Kontakten är registrerad (${what} ${on}).`,
    contactKind: {
      barnsamtal: 'barnsamtal',
      hembesok: 'hembesök',
      vardnadshavarmote: 'möte med vårdnadshavare',
      other: 'annan kontakt',
    } as Record<string, string>,
    contactUnknown: 'kontakt',
    barnsamtal: 'Skälet till att barnsamtal inte hålls är registrerat.',
    aterkoppling: 'Återkopplingen till anmälaren är markerad som gjord.',
    closed: (insats: boolean) => `Utredningen är avslutad (${insats ? 'insats' : 'ingen insats'}).`,
    uppfoljningUntil: (due: string) =>
      ` Uppföljning till ${due}. Informera vårdnadshavarna, och barnet om det fyllt 15 år.`,
    uppfoljning: (outcome: string) => `Uppföljningen är registrerad som avslutad (${outcome}).`,
    uppfoljningOutcome: {
      no_action: 'utan vidare åtgärd',
      new_investigation: 'ny utredning inleds',
      insats: 'familjen får insats',
    } as Record<string, string>,
  },
  /** src/app/lawDecisions.ts: the answers of the law and LVU forms. */
  law: {
    forhandExtended: (to: string, on: string, by: string) =>
      `Förhandsbedömningen är förlängd till ${to} (beslut ${on} av ${by}).`,
    informed: (on: string) => `De berörda informerades om utredningen ${on}.`,
    notInformed: 'Skälet till att de berörda inte informeras är registrerat.',
    aterkopplingDue: (due: string) => `Anmälaren har begärt återkoppling: senast ${due}.`,
    aterkopplingBefore2026: 'Anmälaren har begärt återkoppling (ingen tidsgräns för beslut före 2026-01-15).',
    aterkopplingFromDecision: 'Anmälaren har begärt återkoppling: fristen räknas från förhandsbedömningens beslut.',
    uppfoljningInfo: 'Informationen om uppföljningen är registrerad.',
    lvuOmedelbart: (understallning: string) =>
      `Omedelbart omhändertagande registrerat. Underställning senast ${understallning}`,
    lvuAnsokanDue: (due: string) => `, ansökan om vård senast ${due}.`,
    lvuVerkstallNext: '; registrera verkställigheten när den är gjord.',
    lvuVerkstalld: (on: string) => `Verkställigheten är registrerad (${on}).`,
    lvuNamnd: 'Anmälan till nämnden är registrerad.',
    lvuUnderstallning: 'Underställningen till förvaltningsrätten är registrerad.',
    lvuAnsokan: 'Ansökan om vård är registrerad.',
    lvuCourtExtended: (until: string) => `Ansökan om vård ska nu göras senast ${until} (rättens beslut).`,
    lvuCourtRejected: 'Rättens beslut är registrerat: ansökan avslogs och LVU-spåret avslutas.',
    lvuCourtVard: 'Rättens beslut om vård är registrerat.',
    lvuVard: 'Vårdens början är registrerad.',
    lvuReview: 'Övervägandet eller prövningen är registrerad.',
    lvuRestriction: 'Beslutet om begränsning är registrerat.',
    lvuEnd: 'LVU-spåret är avslutat.',
    /** "placering 2026-11-12 kl. 14:00 (Anna Berg)": the measure as the form recorded it. */
    measureWhat: (kind: string, on: string, time: string | undefined, by: string) =>
      `${kind} ${on}${time ? ` kl. ${time}` : ''} (${by})`,
    measureKind: {
      placement: 'placering',
      lvu_6: 'omedelbart omhändertagande enligt LVU 6 §',
      police: 'kontakt med polisen',
      other: 'annan skyddsåtgärd',
    } as Record<string, string>,
    measureAlsoLvu:
      ' Registrera också beslutet med Omedelbart omhändertagande (LVU) så att underställningen och ansökan bevakas.',
    measureDone: (what: string, lvu: string) => `Skyddsåtgärden är registrerad: ${what}. Larmet är avslutat.${lvu}`,
    measureNoOwner: (what: string, lvu: string) =>
      `Skyddsåtgärden är registrerad: ${what}. Ärendet saknar fortfarande handläggare och ligger kvar först i listorna.${lvu}`,
  },
  /**
   * The forms' field messages (src/app/formFields.ts and the schemas in decisions.ts, lawDecisions.ts):
   * a schema names its message by key, and the answer is written in the reader's language.
   */
  validation: {
    tooLong: 'Högst 2 000 tecken.',
    dateFormat: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
    maxTwoInvestigators: 'Högst två utredare.',
    immediateProtection: 'Välj om barnet behöver omedelbart skydd.',
    motivationShort: 'Skriv en kort motivering.',
    forhandOutcome: 'Välj beslut: inled utredning, inled inte, eller pågående utredning.',
    motivation: 'Skriv en motivering till beslutet.',
    newDeadline: 'Ange det nya datumet som ÅÅÅÅ-MM-DD.',
    extendReason: 'Skriv skälet till förlängningen.',
    contactKind: 'Välj typ av kontakt.',
    contactDate: 'Ange datumet för kontakten som ÅÅÅÅ-MM-DD.',
    childRef: 'Barnets referens: bokstäver, siffror, - _ . /',
    barnsamtalReason: 'Skriv varför barnsamtal inte hålls (t.ex. barnets ålder eller språk).',
    closeOutcome: 'Välj utfall: insats eller ingen insats.',
    uppfoljningOutcome: 'Välj hur uppföljningen slutade: utan vidare åtgärd, ny utredning eller insats.',
    synnerligaSkal: 'Ange de synnerliga skälen.',
    decidedBy: 'Välj vem som beslutade.',
    lvuGround: 'Välj grund: 2 § eller 3 § LVU.',
    courtDate: 'Ange rättens datum som ÅÅÅÅ-MM-DD.',
    decision: 'Välj beslut.',
    measureKind: 'Välj vad som gjordes.',
  },
};

export type CaseAnswers = typeof caseAnswers;
export type ValidationKey = keyof CaseAnswers['validation'];
