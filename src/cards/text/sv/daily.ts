// The morning: the morning list, assignment notes, reminders, snooze, card actions, escalation, LVU warnings, the alarm, in Swedish (docs/cards.md "The text catalogue").

export const svDaily = {
  /** The morning list (src/cards/morningList.ts, src/views/morningListBuilder.ts). */
  morning: {
    /** What a press on a list row did, on top of the list again (src/bot/actions/listRows.ts). */
    gotCase: (id: string, names: string) => `${id}: ${names} har fått ärendet.`,
    changedBy: (id: string, name: string, when: string) =>
      `${id}: ärendet ändrades av ${name} ${when}; inget har ändrats. Listan visar läget nu.`,
    refused: (id: string, why: string) => `${id}: ${why} Inget har ändrats.`,
    pickFirst: (id: string) => `${id}: välj en handläggare. Inget har ändrats.`,
    title: (group: string, date: string) => `Morgonlista ${group}, ${date}`,
    unknownPerson: 'okänd person',
    protection: (id: string, headline: string, date: string, time: string) =>
      `**${id}** · ${headline} · bedömt ${date} kl. ${time}`,
    alsoProtection: 'omedelbart skyddsbehov',
    alsoLvu: (date: string) => `LVU-frist ${date}`,
    overdue: (id: string, label: string, date: string, late: string) =>
      `**${id}** · ${label} skulle vara klar ${date} · försenad ${late}`,
    alsoOverdue: (label: string) => `${label.toLowerCase()} försenad`,
    outOfHours: (id: string, date: string, time: string, skydd: string) =>
      `**${id}** · kom in utanför kontorstid ${date} kl. ${time} · ${skydd}`,
    skyddDone: (needed: boolean) => `skyddsbedömning gjord${needed ? ' – omedelbart skydd behövs' : ''}`,
    skyddMissing: 'skyddsbedömning inte registrerad',
    alsoOutOfHours: 'kom in utanför kontorstid',
    unassignedFor: (waited: string) => `ofördelad ${waited}`,
    sinceToday: 'sedan i dag',
    dueSoon: (id: string, label: string, when: string) => `**${id}** · ${label} ${when}`,
    alsoDueSoon: (label: string, when: string) => `${label.toLowerCase()} ${when}`,
    noContact: (id: string, days: number, last: string | undefined, childTalk: boolean) =>
      `**${id}** · ${days} dagar utan kontakt med familjen${last ? ` (senast ${last})` : ' (ingen sedan utredningen inleddes)'}${childTalk ? '' : ', inget barnsamtal'}`,
    alsoNoContact: (days: number) => `${days} dagar utan kontakt`,
    absent: (id: string, away: string, pending: boolean, next: string) =>
      `**${id}** · ${away} är frånvarande${pending ? ' · överlämning ej klar' : ''}${next ? ` · ${next}` : ''}`,
    alsoAbsent: (away: string) => `${away} frånvarande`,
    also: (others: string) => `även ${others}`,
    sections: {
      protection: 'Omedelbart skyddsbehov utan skyddsåtgärd eller handläggare',
      lvu: 'LVU: omedelbart omhändertagna barn',
      overdue: 'Försenade tidsfrister',
      outOfHours: 'Kom in utanför kontorstid',
      unassigned: 'Ofördelade ärenden',
      absent: 'Ärenden hos frånvarande kollegor',
    },
    dueSoonTitle: (n: number) => `Frister inom ${n} arbetsdagar`,
    noContactTitle: (n: number) => `Utredningar utan kontakt med familj eller barn i ${n} dagar eller mer`,
    summary: {
      protection: (n: number) => `${n} larm om omedelbart skyddsbehov`,
      lvu: (n: number) => `${n} ${n === 1 ? 'LVU-frist' : 'LVU-frister'}`,
      overdue: (n: number) => `${n} ${n === 1 ? 'ärende med försenad frist' : 'ärenden med försenade frister'}`,
      outOfHours: (n: number) => `${n} ${n === 1 ? 'anmälan utanför kontorstid' : 'anmälningar utanför kontorstid'}`,
      unassigned: (n: number, oldest: string) =>
        `${n} ${n === 1 ? 'ofördelat ärende' : 'ofördelade ärenden'}${oldest ? ` (det äldsta ${oldest})` : ''}`,
      dueSoon: (n: number, within: number) =>
        `${n} ${n === 1 ? 'ärende' : 'ärenden'} med frist inom ${within} arbetsdagar`,
      noContact: (n: number) => `${n} ${n === 1 ? 'utredning utan kontakt' : 'utredningar utan kontakt'}`,
      absent: (n: number) => `${n} ${n === 1 ? 'ärende hos frånvarande' : 'ärenden hos frånvarande'}`,
      nothing: 'Inget att bevaka i dag: inga försenade, ofördelade eller nära frister.',
    },
    page: (title: string, from: number, to: number, total: number) => `${title}, punkt ${from}–${to} av ${total}`,
    hidden: (shown: number, hidden: number) =>
      `Kortet visar de ${shown} mest brådskande punkterna; ${hidden} till finns.`,
    showAll: (hidden: number) => `Visa alla (${hidden} till)`,
    showMore: (hidden: number) => `Visa fler (${hidden} till)`,
  },
  /** The note on the 1:1 card a new owner gets (src/app/newOwners.ts). */
  assignedNote: (by: string, ref: string) => `${by} har gett dig ärendet ${ref}.`,
  /** A caseworker's reminders in the 1:1 chat (src/views/reminders.ts) and "Påminn mig i morgon". */
  reminder: {
    late: (ref: string, label: string, date: string) => `**${ref}** · ${label} skulle vara klar ${date}`,
    today: (ref: string, label: string) => `**${ref}** · ${label} i dag`,
    due: (ref: string, label: string, date: string, n: string) => `**${ref}** · ${label} ${date} (om ${n})`,
    noWeekendGrace: (date: string) => ` · helg ger ingen extra tid: senast ${date}`,
    snoozed: (quiet: string, again: string) => `Påminns inte ${quiet}, igen ${again}.`,
    morningTitle: (first: string, late: string) => `God morgon ${first}: dina frister${late ? `, ${late}` : ''}`,
    morningSummary: (n: string, late: string) => `${n} att hålla koll på${late ? `, varav ${late}` : ''}.`,
    tomorrowTitle: (n: number) =>
      n === 1 ? 'Påminnelse: en frist nästa arbetsdag' : `Påminnelse: ${n} frister nästa arbetsdag`,
    tomorrowSummary: (date: string) => `Nästa arbetsdag är ${date}. Frister som infaller före den eller samma dag:`,
    title: 'Påminnelse',
    snoozeDone: (ref: string, quiet: string, resume: string) =>
      `${ref}: ingen påminnelse ${quiet}. Du påminns igen ${resume}.`,
  },
  /** Why "Påminn mig i morgon" is refused (src/app/snooze.ts). */
  snooze: {
    notYours: (ref: string) => `Du är inte handläggare för ${ref} och får inga påminnelser om det. Inget har ändrats.`,
    nothingOpen: (ref: string) => `${ref} har inga öppna frister att påminna om. Inget har ändrats.`,
    late: (label: string, ref: string) =>
      `${label} för ${ref} är redan försenad: påminnelsen kan inte skjutas upp. Inget har ändrats.`,
    lastDayToday: (label: string, ref: string, due: string) =>
      `I dag är sista arbetsdagen för ${label.toLowerCase()} i ${ref} (frist ${due}): påminnelsen kan inte skjutas upp. Inget har ändrats.`,
    lastDayBefore: (last: string, label: string, ref: string) =>
      `${last} är sista arbetsdagen för ${label.toLowerCase()} i ${ref}: då påminns du som vanligt, så påminnelsen kan inte skjutas upp. Inget har ändrats.`,
    noCase: 'Ärendet finns inte. Inget har ändrats.',
    conflict: 'Påminnelsen ändrades samtidigt. Försök igen.',
  },
  /** The answers of the card presses and commands (src/bot/actions, src/bot/commands). */
  actions: {
    failedTitle: 'Det gick inte',
    cardMissingCase: 'Kortet saknar ärendeuppgifter. Inget har ändrats.',
    noCaseTitle: 'Ärendet finns inte',
    noCaseText: 'Kortet saknar ärendeuppgifter eller ärendet finns inte längre.',
    otherGroup: 'Ärendet tillhör en grupp som du inte är med i.',
    otherGroupNothingShown: 'Ärendet tillhör en grupp som du inte är med i. Inget visas.',
    nothingChanged: (message: string) => `${message} Inget har ändrats.`,
    changedShowing: (who: string, when: string) => `Ärendet ändrades av ${who} ${when}; här är det aktuella läget.`,
    changedNotSaved: (who: string, when: string) => `Ärendet ändrades av ${who} ${when}; inget har sparats.`,
    changedNothingChanged: (who: string, when: string) => `Ärendet ändrades av ${who} ${when}; inget har ändrats.`,
    notRegisteredTitle: 'Du finns inte i organisationsfilen',
    notRegisteredText: 'Bara personal i organisationsfilen kan ändra ärenden. Inget har ändrats.',
    pickCaseworker: 'Välj en handläggare.',
    taken: (name: string) => `Du har tagit ärendet, ${name}.`,
    assigned: (names: string) => `${names} har fått ärendet.`,
    caseGone: 'Ärendet finns inte längre',
    noSuchCaseText: 'Kortet hänvisar till ett ärende som inte finns.',
  },
  /** The unit manager's daily escalation (src/views/escalation.ts, the card src/cards/escalationCard.ts). */
  escalation: {
    title: (date: string) => `Eskalering ${date}`,
    lvuTitle: 'LVU: underställning och ansökan inom två arbetsdagar',
    protectionTitle: (group: string) => `${group}: omedelbart skyddsbehov utan skyddsåtgärd eller handläggare`,
    unassignedTitle: (group: string) => `${group}: ofördelade mer än 1 arbetsdag`,
    overdueTitle: (group: string) => `${group}: försenade tidsfrister`,
    alarms: (n: string) => `${n} om omedelbart skyddsbehov`,
    lvu: (n: string) => `${n} inom två arbetsdagar`,
    waiting: (n: string) => `${n} mer än 1 arbetsdag`,
    nothingLeftTitle: 'Inget kvar att eskalera',
    nothingLeftText: (notice: string) => `${notice} Inga fler ärenden väntar för länge.`,
  },
  /** LVU 7 § and 8 § lines (src/views/lvuWarnings.ts): the morning list, the escalation, the team lead's card. */
  lvu: {
    late: (date: string) => `FÖRSENAD – skulle vara klar ${date}`,
    grace: (date: string) => ` (helg ger ingen extra tid: senast ${date})`,
    line: (ref: string, label: string, when: string, owner: string) =>
      `**${ref}** · ${label} ${when} · annars upphör omhändertagandet · ${owner}`,
    unknownPerson: 'okänd person',
    leadTitle: 'LVU: frister som avslutar barnets skydd',
    leadSummary: (n: number) =>
      `${n === 1 ? 'En LVU-frist' : `${n} LVU-frister`} inom två arbetsdagar eller passerade. Underställning (7 §) och ansökan (8 §) kan inte vänta på en helg.`,
  },
  /** The 1:1 immediate-protection alarm (src/cards/protectionAlarm.ts). */
  alarm: {
    case: 'Ärende',
    concerns: 'Oro',
    received: 'Mottagen',
    skydd: 'Skyddsbedömning',
    owner: 'Handläggare',
    renotice: (after: string) =>
      `Påminnelse: ${after} efter skyddsbedömningen är ingen skyddsåtgärd registrerad. Barnet behöver omedelbart skydd.`,
    unmet:
      'Skyddsbedömningen säger att barnet behöver omedelbart skydd. Ärendet ligger först i alla listor tills det har en handläggare och en registrerad skyddsåtgärd.',
    done: 'Ärendet har en handläggare och en registrerad skyddsåtgärd. Larmet är avslutat.',
    next: (when: string) => `Enhetschefen påminns igen ${when} om ingen skyddsåtgärd är registrerad då.`,
  },
};
