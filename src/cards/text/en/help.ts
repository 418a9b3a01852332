// Help, notices, lists and the data lifecycle, in English (docs/cards.md "The text catalogue").
import type { svHelp } from '../sv/help.js';

export const enHelp: typeof svHelp = {
  help: {
    title: 'Ärendevakt',
    intro: "I watch the group's reports and deadlines so that nothing passes unnoticed and no case is left unassigned.",
    introUnregistered:
      'You are not in the organisation file, so you can only read this help. Ask your team lead or IT to add you.',
    who: (name, role) => `You are ${name}, ${role.toLowerCase()}.`,
    footerChannel:
      'Mention @Ärendevakt followed by the command. Fill in the words in «» yourself. Cards never show personal identity numbers or names of children and parents.',
    footerChat:
      'Type the command here in the chat. Fill in the words in «» yourself. Cards never show personal identity numbers or names of children and parents.',
    myCases: 'My cases',
    // The commands are the Swedish words the bot understands; only the explanations are translated.
    rows: [
      { command: 'hjälp', what: 'What the bot can do for you (also: help).' },
      { command: 'mina', what: 'Your open cases with their next deadline.', roles: ['caseworker'] },
      { command: 'ofördelade', what: "The group's unassigned cases and how long they have waited." },
      { command: 'försenade', what: "The group's cases with missed deadlines." },
      { command: 'ärende «ref»', what: "A case's own card." },
      { command: 'historik «ref»', what: "The case's timeline: who, what, when and why." },
      { command: 'historik «ref» barn', what: "The child's timeline: every case about the same child as one story." },
      {
        command: 'radera fritext «ref» «nr» «skäl»',
        what: 'Erase a mistyped free text (such as a child’s name in a motivation) from the case and the log.',
        roles: ['unit_manager'],
      },
      { command: 'ny anmälan', what: 'Register a report by hand.' },
      { command: 'fördelning', what: 'The card for the distribution meeting.', roles: ['team_lead', 'unit_manager'] },
      {
        command: 'koppla «grupp-id»',
        what: "Make this channel the group's channel for cards and lists.",
        roles: ['team_lead', 'unit_manager'],
      },
      {
        command: 'koppla ledning',
        what: "Make this channel management's: what could not be delivered is reported here.",
        roles: ['team_lead', 'unit_manager'],
      },
      {
        command: 'leveranser',
        what: 'What could not be delivered or is waiting, with a button to try again.',
        roles: ['team_lead', 'unit_manager'],
      },
      { command: 'frånvaro @person [till «ÅÅÅÅ-MM-DD»]', what: 'Register an absence; the bot posts a handover list.' },
      { command: 'åter @person', what: 'End an absence and hand the cases back.' },
      { command: 'överlämning @person', what: "Show the person's running handover list again." },
      {
        command: 'statistik [«ÅÅÅÅ-MM»] [«grupp-id»]',
        what: "The month's shares on time against the twelve before, with the late cases.",
      },
    ],
  },
  notice: {
    notRegisteredTitle: 'You are not in the organisation file',
    notRegisteredText: 'You can read the help (type help) but not see or change cases. Ask your team lead to add you.',
    notUnderstoodTitle: "I didn't understand that",
    notUnderstoodText: 'Type help to see what I can do.',
    refusedTitle: 'Nothing was done',
    connectInChannelTitle: 'Connect in a channel',
    connectInChannelText: "Type koppla «grupp-id» in the channel that should get the group's cards and lists.",
    whichGroupTitle: 'Which group?',
    whichGroupText: (ids) => `Type koppla «grupp-id». Groups: ${ids}.`,
    notConnectedTitle: 'The channel was not connected',
    connectedTitle: (group) => `The channel is connected to ${group}`,
    connectedManagement: 'What cannot be delivered to team leads or the unit manager is reported here.',
    connectedGroup: 'New reports, morning lists and handovers for the group are posted here.',
    waiting: (n) => ` ${n} that waited for the channel are sent now.`,
  },
  lists: {
    mineTitle: 'My cases',
    mineSummary: (n, nearest) => `${n}${nearest ? `, nearest deadline ${nearest}` : ''}.`,
    mineEmpty: 'You have no open cases.',
    unassignedTitle: 'Unassigned cases',
    unassignedSummary: (n, groups) => `${n} in ${groups}.`,
    unassignedEmpty: 'No unassigned cases. Good!',
    overdueTitle: 'Overdue cases',
    overdueSummary: (n, groups) => `${n} in ${groups}.`,
    overdueEmpty: 'No missed deadlines.',
    arrivedToday: 'arrived today',
    unassignedFor: (age) => `unassigned ${age}`,
    more: 'The most urgent are shown first.',
    andMore: (n) => `… and ${n} more. The most urgent are shown first.`,
    showCase: 'Show the case',
  },
  lifecycle: {
    categories: {
      personuppgift: 'personal data that does not belong in the text',
      'fel-arende': 'written in the wrong case',
      felaktig: 'incorrect information',
    },
    erasedWhy: (who, when, category) =>
      `Free text erased by unit manager ${who} ${when}: ${category}. The text is no longer kept.`,
    erasedEvent: (seq, category) => `The free text of event no. ${seq} erased: ${category}.`,
    gallradEvent: (when) => `Content removed ${when} under the municipality's retention rule.`,
    auditRedacted: (n) =>
      ` Content of ${n} ${n === 1 ? 'entry' : 'entries'} in the log was removed under a rule; every removal is logged and checked.`,
    usageTitle: 'Erase free text',
    usageText:
      'Type radera fritext «ref» «nr» «skäl», where nr is the event number in the history and skäl one of: personuppgift, fel-ärende, felaktig. Never type names or other free text in the command.',
    extraTextTitle: 'Only the reason category',
    extraText:
      'Type only the category (personuppgift, fel-ärende or felaktig) after the number, no text of your own: it could itself hold what is to be removed. Nothing was changed.',
    forbiddenTitle: 'Only the unit manager can erase free text',
    unknownEntryTitle: 'No such event',
    unknownEntry: (seq, ref) =>
      `Case ${ref} has no event no. ${seq}. The number is in the history (historik ${ref}). Nothing was changed.`,
    noTextTitle: 'No free text to erase',
    noText: (seq) => `Event no. ${seq} has no free text. Nothing was changed.`,
    conflictTitle: 'That did not work just now',
    conflict: 'The case was changed at the same time. Try again. Nothing was changed.',
    doneTitle: 'The free text is erased',
    done: (seq, entries, category) =>
      `The text of event no. ${seq} is replaced by [raderad] in the case and in the audit log (${entries} ${entries === 1 ? 'entry' : 'entries'}), and gone from the data files. Reason: ${category}. The erasure is logged under your name, and the log still verifies.`,
  },
};
