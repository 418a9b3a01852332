// The timeline's words in English (the Swedish, and what each is for: ../sv/timeline.ts). Swedish legal
// terms keep their Swedish name where a colleague would say them so.
import type { timelineSv } from '../sv/timeline.js';

export const timelineEn: typeof timelineSv = {
  title: (ref) => `History · ${ref}`,
  hidden: (shown, total, ref) =>
    `Showing the latest ${shown} of ${total} events. The whole history: GET /api/cases/${ref}/timeline.`,
  writtenBy: (label, who, when) => `${label} written by ${who}, ${when}.`,
  shownToYou: 'Shown to you only.',
  textLabel: { motivation: 'Reasoning', reason: 'Reason', note: 'Note' },
  verified: (events) => `The history is verified: nothing has been changed afterwards (${events}).`,
  broken: (seq) =>
    `Warning: the history may have been changed afterwards. The check fails from entry ${seq} of the log; contact whoever administers Ärendevakt before the history is used.`,
  csv: { columns: ['no', 'time', 'who', 'event', 'what', 'why'], auditLog: 'Audit log' },
  template: { no: 'no.', why: 'Why:', reveal: 'Show', showCase: 'Show case' },
  nobody: 'nobody',
  unknown: 'unknown',
  unknownReporter: 'an unknown reporter',
  professional: ' (professional reporter)',
  outOfHoursGroup: 'the out-of-hours service',
  noInvestigator: 'none appointed',
  aMeasure: 'protective measure',
  aContact: 'contact',
  reportRegistered: (reporter, received, concerns, group) =>
    `Report registered from ${reporter}${received ? `, received ${received}` : ''}; concerns: ${concerns}; group: ${group}.`,
  caseTaken: (names) => `${names} took the case.`,
  caseAssigned: (names) => `Case assigned to ${names}.`,
  caseReassigned: (from, to) => `Case moved from ${from} to ${to}.`,
  skyddImmediate:
    'Protection assessment done: the child needs immediate protection. Alarm to the team leads and the unit manager.',
  skyddNone: 'Protection assessment done: no immediate need of protection.',
  measureRecorded: (measure, on, time, by) =>
    `Protective measure recorded: ${measure} ${on}${time ? ` at ${time}` : ''}, taken by ${by}.`,
  protectionRenotice: (minutes, to) =>
    `No protective measure recorded ${minutes} minutes after the protection assessment: ${to} reminded.`,
  genastNudge: (hours, to) => `Protection assessment not done ${hours} office hours after the report: ${to} reminded.`,
  outOfHours: (group) => `The report came in outside office hours: the card was sent to ${group}.`,
  specialReasons: (text) => `Exceptional reasons: ${text}`,
  forhandOpen: (opened, due, investigators) =>
    `Initial assessment: investigation opened ${opened}, to be completed by ${due}; investigators: ${investigators}.`,
  forhandOngoing: 'Initial assessment: an investigation is already under way; the case is closed.',
  forhandNotOpened: 'Initial assessment: no investigation opened; the case is closed.',
  investigationExtended: (from, to, statutory, overrun) =>
    `Investigation extended from ${from} to ${to} (statutory deadline ${statutory})${overrun ? '; decided after the deadline had passed: deadline overrun' : ''}.`,
  contact: (kind, on) => `Contact: ${kind.toLowerCase()} ${on}.`,
  barnsamtalNotHeld: 'No talk with the child (barnsamtal); the reason is recorded.',
  aterkopplingDone: 'Feedback to the reporter given.',
  caseClosed: (insats, uppfoljningUntil) =>
    `Investigation closed with ${insats ? 'support measures' : 'no support measures'}${uppfoljningUntil ? `; follow-up until ${uppfoljningUntil}` : ''}.`,
  forhandExtended: (from, to, decidedOn, by) =>
    `Initial assessment extended from ${from} to ${to}; decided ${decidedOn} by ${by}.`,
  informed: (on) => `Those concerned were told on ${on} that the investigation had been opened.`,
  notInformed: 'Those concerned are not told about the investigation; the reason is recorded.',
  aterkopplingRequested: (on, due) => `The reporter asked for feedback (${on})${due ? `; by ${due}` : ''}.`,
  uppfoljningInformed: 'The guardians (and the child if aged 15 or over) were told about the follow-up.',
  uppfoljningEnded: (on, ref) => `The follow-up ended ${on}: a new investigation opened in case ${ref}.`,
  lvuDecider: { namnd: 'the committee', ordforande: 'the chair', ledamot: 'an appointed member' },
  lvuReview: {
    overvagande: 'review under 13 §',
    provning: 'reconsideration under 13 §',
    begransning: 'review of a restriction under 14 §',
  },
  lvuReviewDefault: 'review',
  lvuOmhandertagande: (on, by, ground, verkstalld) =>
    `LVU: immediate care order decided ${on} by ${by} (${ground} § LVU)${verkstalld ? `, enforced ${verkstalld}` : ''}.`,
  lvuVerkstalld: (on) => `LVU: the care order enforced ${on}.`,
  lvuNamnd: (on) => `LVU 6 §: the decision reported at the committee's meeting ${on}.`,
  lvuUnderstalld: (on) => `LVU 7 §: submitted to the administrative court ${on}.`,
  lvuAnsokan: (on) => `LVU 8 §: application for care made ${on}.`,
  lvuCourtExtended: (until) => `LVU 9 §: the court allowed the application until ${until}.`,
  lvuCourtDecision: (on, vard, final) =>
    `LVU: the court's decision ${on}: ${vard ? 'care ordered' : 'application refused'}${final ? `, final ${final}` : ''}.`,
  lvuFinal: (on) => `LVU: the care decision became final ${on}.`,
  lvuVardBegun: (on) => `LVU 5 §: care begun ${on}.`,
  lvuReviewed: (what, on) => `LVU: ${what} ${on}.`,
  lvuRestriction: (umgange, on) =>
    `LVU 14 §: ${umgange ? 'contact restricted' : 'the place of residence kept secret'} ${on}.`,
  lvuEnded: (on) => `LVU: the care order or the care ended ${on}.`,
  casesLinked: (ref) => `Linked to case ${ref} about the same child.`,
  handoverNewOwner: (to, before) => `Handover during absence: new caseworker ${to} (previously ${before}).`,
  handoverStatus: 'Handover during absence: written status given.',
  handedBack: 'Handover ended: the case is back with its regular caseworker.',
  uppfoljningOutcome: {
    new_investigation: 'a new investigation is opened',
    insats: 'the family gets support',
    other: 'no further action',
  },
  uppfoljningCompleted: (how, due) => `Follow-up completed (${how}); its end date was ${due}.`,
  reminderNotSent: (to, on) =>
    `The reminder to ${to} on ${on} was not sent: they counted as absent when the morning run went but were not absent that day.`,
  other: (type) => `Event: ${type}.`,
};
