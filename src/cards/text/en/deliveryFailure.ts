// The delivery-failure report's words in English (the Swedish, and what each is for: ../sv/deliveryFailure.ts).
// The commands stay the Swedish words the bot understands (koppla, hjälp).
import type { deliveryFailureSv } from '../sv/deliveryFailure.js';

export const deliveryFailureEn: typeof deliveryFailureSv = {
  title: (what) => `${what} could not be delivered`,
  titleAgain: (title) => `Could not be delivered: ${title}`,
  text: (what, caseId, why) => `${what}${caseId ? ` for ${caseId}` : ''} could not be delivered: ${why}.`,
  textAgain: (text, why) => `${text} The report about it could not be delivered either: ${why}.`,
  managementChannel: "the management team's channel",
  groupChannel: (group) => `the group's channel (${group})`,
  aChat: 'a chat',
  thePerson: 'the person',
  theOwner: 'its owner',
  facts: { caseId: 'Case', concerns: 'Concerns', received: 'Received', skydd: 'Protection assessment', to: 'To' },
  skyddBy: (date) => `by ${date}`,
  managementNoChannel: {
    why: 'the management team has no linked channel',
    fix: "Link the management team's channel with **koppla ledning**.",
  },
  notInstalledWhy: (group) =>
    `the group ${group} has a channel in the organisation file, but Ärendevakt is not installed in that team yet`,
  notInstalledFix: (teamId, groupId) =>
    `Add Ärendevakt to the team (${teamId}). What is waiting goes to the channel once the app is installed; **koppla ${groupId}** in another channel works too.`,
  noChannelWhy: (group) => `the group ${group} has no linked channel`,
  noChannelFix: (groupId) => `Link a channel with **koppla ${groupId}**. What is waiting goes there once it is linked.`,
  noChatWhy: (who) =>
    `Ärendevakt cannot reach ${who}: they have no chat with Ärendevakt and are on no team's member list`,
  noChatFix: (person) =>
    `Ask ${person} to write hjälp to Ärendevakt in a chat, or add them to a team where Ärendevakt is.`,
  blockedWhy: (who) => `Ärendevakt cannot reach ${who} in Teams: the chat with Ärendevakt is blocked`,
  blockedFix: (person) => `Ask ${person} to unblock Ärendevakt in Teams.`,
  disabledWhy: (who) => `Ärendevakt cannot reach ${who} in Teams: the bot has been turned off by the administrator`,
  disabledFix: 'Ask IT to turn Ärendevakt on again in Teams.',
  exhaustedWhy: (who) => `Teams did not accept the message to ${who} despite repeated attempts`,
  exhaustedFix: 'Press Try again. If that does not help, contact IT.',
  nothingWhy: 'the case is no longer in Ärendevakt',
  nothingFix: 'Check the case in the case management system.',
  goneWhy: (who, chat) =>
    `Ärendevakt cannot reach ${who} in Teams: the ${chat ? 'chat' : 'channel'} no longer exists or the bot was removed`,
  goneFixChannel: (groupId) => `Add Ärendevakt to the team again and type **koppla ${groupId}** in the channel.`,
  goneFixChat: (person) => `Ask ${person} to open the chat with Ärendevakt again.`,
  template: { fix: 'What to do:', showCase: 'Show case', retry: 'Try again', all: 'All deliveries' },
};
