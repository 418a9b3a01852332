// The use cases' own answers about a case in English, typed against the Swedish (../sv/caseAnswers.ts)
// so that a missing key does not compile. Swedish legal terms keep their name where a colleague would
// say it so.
import type { CaseAnswers } from '../sv/caseAnswers.js';

export const caseAnswers: CaseAnswers = {
  conflict: 'The case was changed at the same time. Try again.',
  stale: (name) =>
    `The case was changed by ${name} since the card was shown. Nothing was changed; here is where it stands now.`,
  decisions: {
    notSaved: 'The details could not be saved. Correct the fields below.',
    reminder: (caseId) =>
      `Remember to record the decision in the case-management system (case ${caseId}); Ärendevakt is not the legal record.`,
    late: ' The decision came after the deadline and counts as late.',
    skydd: (immediate) =>
      `The safety assessment (skyddsbedömning) is recorded: ${immediate ? 'the child needs immediate protection' : 'no immediate need of protection'}.`,
    investigators: (names) => ` Investigators: ${names}.`,
    noInvestigator: ' No investigator has been named yet.',
    opened: (openedOn, deadline, who, late) =>
      `Investigation opened ${openedOn}; to be completed by ${deadline}.${who}${late} Tell the guardians (and the child) that the investigation has been opened.`,
    aterkopplingDue: (due) => ` Feedback to the reporter by ${due}.`,
    aterkopplingNoLimit: ' Feedback to the reporter (no time limit).',
    alreadyOngoing: (late, task) =>
      `Decision: an investigation is already under way. The case is closed.${late}${task}`,
    notOpened: (late, task) => `Decision: no investigation is opened. The case is closed.${late}${task}`,
    extended: (from, to, statutory) =>
      `The investigation is extended from ${from} to ${to} (statutory time ${statutory}).`,
    extendedOverrun:
      ' The extension was decided after the deadline had passed: it is recorded as a missed deadline and the investigation counts as late.',
    contact: (what, on) => `The contact is recorded (${what} ${on}).`,
    contactKind: {
      barnsamtal: 'talk with the child',
      hembesok: 'home visit',
      vardnadshavarmote: 'meeting with the guardians',
      other: 'other contact',
    },
    contactUnknown: 'contact',
    barnsamtal: 'The reason why no talk with the child is held is recorded.',
    aterkoppling: 'The feedback to the reporter is marked as done.',
    closed: (insats) => `The investigation is closed (${insats ? 'intervention' : 'no intervention'}).`,
    uppfoljningUntil: (due) => ` Follow-up until ${due}. Tell the guardians, and the child if 15 or older.`,
    uppfoljning: (outcome) => `The follow-up is recorded as ended (${outcome}).`,
    uppfoljningOutcome: {
      no_action: 'no further action',
      new_investigation: 'a new investigation is opened',
      insats: 'the family gets an intervention',
    },
  },
  law: {
    forhandExtended: (to, on, by) => `The initial assessment is extended to ${to} (decided ${on} by ${by}).`,
    informed: (on) => `Those concerned were told about the investigation ${on}.`,
    notInformed: 'The reason why those concerned are not told is recorded.',
    aterkopplingDue: (due) => `The reporter has asked for feedback: by ${due}.`,
    aterkopplingBefore2026: 'The reporter has asked for feedback (no time limit for decisions before 2026-01-15).',
    aterkopplingFromDecision:
      'The reporter has asked for feedback: the deadline counts from the initial assessment decision.',
    uppfoljningInfo: 'The information about the follow-up is recorded.',
    lvuOmedelbart: (understallning) =>
      `Immediate custody (LVU 6 §) recorded. Submission to the court by ${understallning}`,
    lvuAnsokanDue: (due) => `, application for care by ${due}.`,
    lvuVerkstallNext: '; record the enforcement when it is done.',
    lvuVerkstalld: (on) => `The enforcement is recorded (${on}).`,
    lvuNamnd: 'The report to the committee is recorded.',
    lvuUnderstallning: 'The submission to the administrative court is recorded.',
    lvuAnsokan: 'The application for care is recorded.',
    lvuCourtExtended: (until) => `The application for care is now due by ${until} (the court's decision).`,
    lvuCourtRejected: "The court's decision is recorded: the application was rejected and the LVU track ends.",
    lvuCourtVard: "The court's decision on care is recorded.",
    lvuVard: 'The start of care is recorded.',
    lvuReview: 'The review is recorded.',
    lvuRestriction: 'The decision on restrictions is recorded.',
    lvuEnd: 'The LVU track is closed.',
    measureWhat: (kind, on, time, by) => `${kind} ${on}${time ? ` at ${time}` : ''} (${by})`,
    measureKind: {
      placement: 'placement',
      lvu_6: 'immediate custody under LVU 6 §',
      police: 'contact with the police',
      other: 'other protective measure',
    },
    measureAlsoLvu:
      ' Also record the decision with Immediate custody (LVU) so that the submission and the application are watched.',
    measureDone: (what, lvu) => `The protective measure is recorded: ${what}. The alarm is over.${lvu}`,
    measureNoOwner: (what, lvu) =>
      `The protective measure is recorded: ${what}. The case still has no caseworker and stays first in the lists.${lvu}`,
  },
  validation: {
    tooLong: 'At most 2,000 characters.',
    dateFormat: 'Enter a date as YYYY-MM-DD.',
    maxTwoInvestigators: 'At most two investigators.',
    immediateProtection: 'Choose whether the child needs immediate protection.',
    motivationShort: 'Write a short motivation.',
    forhandOutcome: 'Choose a decision: open an investigation, do not open one, or investigation already under way.',
    motivation: 'Write a motivation for the decision.',
    newDeadline: 'Enter the new date as YYYY-MM-DD.',
    extendReason: 'Write the reason for the extension.',
    contactKind: 'Choose the kind of contact.',
    contactDate: 'Enter the date of the contact as YYYY-MM-DD.',
    childRef: "The child's reference: letters, digits, - _ . /",
    barnsamtalReason: "Write why no talk with the child is held (e.g. the child's age or language).",
    closeOutcome: 'Choose an outcome: intervention or no intervention.',
    uppfoljningOutcome: 'Choose how the follow-up ended: no further action, a new investigation or an intervention.',
    synnerligaSkal: 'Give the exceptional reasons (synnerliga skäl).',
    decidedBy: 'Choose who decided.',
    lvuGround: 'Choose the ground: 2 § or 3 § LVU.',
    courtDate: "Enter the court's date as YYYY-MM-DD.",
    decision: 'Choose a decision.',
    measureKind: 'Choose what was done.',
  },
};
