// The delivery-failure report's words (src/outbox/deliveryFailure.ts, cards/delivery-failure.json): what
// could not be delivered, why and what to do, to the team lead, unit manager or management channel
// who can act. English: ../en/deliveryFailure.ts. What the failed message was: `deliveries.what`.

export const deliveryFailureSv = {
  title: (what: string) => `${what} kunde inte levereras`,
  /** A report that itself could not be delivered, one step up the chain. */
  titleAgain: (title: string) => `Kunde inte levereras: ${title}`,
  text: (what: string, caseId: string, why: string) =>
    `${what}${caseId ? ` för ${caseId}` : ''} kunde inte levereras: ${why}.`,
  textAgain: (text: string, why: string) => `${text} Rapporten om det kunde inte heller levereras: ${why}.`,
  /** Whom the message was for. */
  managementChannel: 'ledningens kanal',
  groupChannel: (group: string) => `gruppens kanal (${group})`,
  aChat: 'en chatt',
  thePerson: 'personen',
  theOwner: 'ägaren',
  facts: { caseId: 'Ärende', concerns: 'Oro', received: 'Mottagen', skydd: 'Skyddsbedömning', to: 'Till' },
  /** The skyddsbedömning's deadline as a fact: "senast ons 18 nov". */
  skyddBy: (date: string) => `senast ${date}`,
  /** Why it failed and what to do, by reason. */
  managementNoChannel: {
    why: 'ledningen har ingen kopplad kanal',
    fix: 'Koppla ledningens kanal med **koppla ledning**.',
  },
  notInstalledWhy: (group: string) =>
    `gruppen ${group} har en kanal i organisationsfilen, men Ärendevakt är inte installerad i det teamet än`,
  notInstalledFix: (teamId: string, groupId: string) =>
    `Lägg till Ärendevakt i teamet (${teamId}). Det som väntar skickas till kanalen när appen är installerad; **koppla ${groupId}** i en annan kanal går också.`,
  noChannelWhy: (group: string) => `gruppen ${group} har ingen kopplad kanal`,
  noChannelFix: (groupId: string) =>
    `Koppla en kanal med **koppla ${groupId}**. Det som väntar skickas dit när kanalen är kopplad.`,
  noChatWhy: (who: string) =>
    `Ärendevakt når inte ${who}: personen har ingen chatt med Ärendevakt och finns inte i något teams medlemslista`,
  noChatFix: (person: string) =>
    `Be ${person} skriva hjälp till Ärendevakt i en chatt, eller lägg till personen i ett team där Ärendevakt finns.`,
  blockedWhy: (who: string) => `Ärendevakt når inte ${who} i Teams: chatten med Ärendevakt är blockerad`,
  blockedFix: (person: string) => `Be ${person} häva blockeringen av Ärendevakt i Teams.`,
  disabledWhy: (who: string) => `Ärendevakt når inte ${who} i Teams: boten är avstängd av administratören`,
  disabledFix: 'Be IT-förvaltningen aktivera Ärendevakt i Teams igen.',
  exhaustedWhy: (who: string) => `Teams tog inte emot meddelandet till ${who} trots upprepade försök`,
  exhaustedFix: 'Tryck Försök igen. Om det inte hjälper, kontakta IT-förvaltningen.',
  nothingWhy: 'ärendet finns inte längre i Ärendevakt',
  nothingFix: 'Kontrollera ärendet i verksamhetssystemet.',
  goneWhy: (who: string, chat: boolean) =>
    `Ärendevakt når inte ${who} i Teams: ${chat ? 'chatten' : 'kanalen'} finns inte längre eller boten är borttagen`,
  goneFixChannel: (groupId: string) => `Lägg till Ärendevakt i teamet igen och skriv **koppla ${groupId}** i kanalen.`,
  goneFixChat: (person: string) => `Be ${person} öppna chatten med Ärendevakt igen.`,
  /** The template's own words. */
  template: { fix: 'Gör så här:', showCase: 'Visa ärendet', retry: 'Försök igen', all: 'Alla leveranser' },
};
