// The words of the Teams side itself (src/bot/app.ts, src/bot/replies.ts, src/bot/install.ts): the
// install greeting, Teams' notification text of an answer, and the answer when a handler failed.
// English: ../en/bot.ts.

export const botSv = {
  /** Teams' notification text for a notice: "Ärendevakt: det förstod jag inte". */
  noticeSummary: (title: string) => `Ärendevakt: ${title}`,
  greetingTitle: 'Hej! Jag är Ärendevakt.',
  greetingSummary: 'Ärendevakt är installerad i teamet',
  greetingIntro: 'Jag bevakar anmälningar och tidsfrister så att inget passerar obemärkt.',
  /** Groups the organisation file binds to a channel of this team: no `koppla` needed. */
  greetingBound: (groups: string) =>
    `Organisationsfilen kopplar ${groups} till en kanal i det här teamet: korten kommer dit utan att någon skriver **koppla**. Skriv **@Ärendevakt hjälp** för mer.`,
  /** Otherwise how a team lead links a channel, with a real group id as the example. */
  greetingConnect: (example: string) =>
    `En gruppledare kopplar en kanal till sin grupp genom att skriva **@Ärendevakt koppla** och gruppens id i kanalen, till exempel **koppla ${example}**. Skriv **@Ärendevakt hjälp** för mer.`,
  /** Teams' notification text of a command's answer, with the one case it is about. */
  replySummary: 'Svar från Ärendevakt',
  replySummaryAbout: (ref: string) => `Svar från Ärendevakt om ${ref}`,
  notSavedTitle: 'Inget har sparats',
  failedTitle: 'Något gick fel',
  failedText: (errorId: string) =>
    `Försök igen om en stund. Om felet kvarstår, ge IT-förvaltningen felkoden ${errorId}.`,
};
