// The words of the Teams side itself in English (the Swedish, and what each is for: ../sv/bot.ts).
import type { botSv } from '../sv/bot.js';

export const botEn: typeof botSv = {
  noticeSummary: (title) => `Ärendevakt: ${title}`,
  greetingTitle: "Hello! I'm Ärendevakt.",
  greetingSummary: 'Ärendevakt is installed in the team',
  greetingIntro: 'I watch reports and deadlines so that nothing passes unnoticed.',
  greetingBound: (groups) =>
    `The organisation file links ${groups} to a channel in this team: the cards arrive there without anyone typing **koppla**. Type **@Ärendevakt hjälp** for more.`,
  greetingConnect: (example) =>
    `A team lead links a channel to their group by typing **@Ärendevakt koppla** and the group's id in the channel, for example **koppla ${example}**. Type **@Ärendevakt hjälp** for more.`,
  replySummary: 'Answer from Ärendevakt',
  replySummaryAbout: (ref) => `Answer from Ärendevakt about ${ref}`,
  notSavedTitle: 'Nothing was saved',
  failedTitle: 'Something went wrong',
  failedText: (errorId) => `Try again in a while. If the problem persists, give IT the error code ${errorId}.`,
};
