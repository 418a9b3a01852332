// The use cases' own words outside a case's decisions in English, typed against the Swedish
// (../sv/appNotices.ts) so that a missing key does not compile.
import type { AppNotices } from '../sv/appNotices.js';

export const appNotices: AppNotices = {
  unknownPerson: 'unknown person',
  channel: {
    managementName: 'management (what cannot be delivered)',
    noSuchGroup: (ids) => `There is no group with that id. Groups: ${ids}.`,
    ownGroupsOnly: 'You can only link channels for your own groups.',
    conflict: 'Someone else linked the group at the same time. Try again.',
  },
  absence: {
    registerConflict: 'Someone else registered the absence at the same time. Try again.',
    endConflict: 'The absence was changed at the same time. Try again.',
    noAbsence: (name) => `${name} has no registered absence.`,
  },
  family: {
    noCase: 'The case does not exist.',
    noOwner: 'The case has no caseworker yet.',
    noSiblings: 'No siblings without a caseworker.',
  },
  handover: {
    notFound: 'The handover does not exist.',
    notOnList: 'The case is not on the handover checklist.',
    returnedHandBack: 'The absence has ended; hand cases back instead.',
    notStarted: 'The handover has not started yet.',
    noCase: 'The case does not exist.',
    conflict: 'The handover checklist was changed by several people at the same time. Try again.',
    handBackNotYet: 'Cases are handed back only when the person is back.',
    handBackForbidden: 'Only a team lead or the unit manager can hand cases back.',
    noStandIn: 'The case has no stand-in to take it back from.',
    responsible: (name, cases) =>
      `${name} is absent. The handover checklist with ${cases} is in the group's channel: make sure every case gets a new caseworker and a written status.`,
    noOpenCasesTitle: (name) => `Handover: ${name} is absent`,
    noOpenCases: (name) => `${name} has no open cases to hand over. No handover checklist is needed.`,
    noOwnerTitle: (cases) => `Handover: ${cases} without a new caseworker`,
    noStatusTitle: (cases) => `Handover: write a status for ${cases}`,
    noOwnerSummary: (absent) =>
      `${absent} is absent and the cases below still have no new caseworker. Assign them today on the handover checklist.`,
    noStatusSummary: (absent) =>
      `You took over the cases from ${absent} more than two working days ago. Write on the handover checklist how far they have come.`,
    from: (name) => `from ${name}`,
    noOwnerDetail: 'No new caseworker',
    noStatusDetail: 'No written status',
  },
  samordning: {
    familyViolenceWhy: 'There is concern about domestic violence in another case of the family',
    unassigned: 'unassigned',
    title: (familyRef) => `Coordination (samordning): family ${familyRef}`,
    summary: (own, other) =>
      `The family now has open cases both with ${own} and with ${other}. All that is shown here is that the other section is involved, who has the case and since when – never the content. Coordinate as your routine says (for example a SIP).`,
    yourCases: 'Your cases',
    otherSection: 'Other section',
    ownersThere: 'Caseworker there',
    since: 'Since',
    told: (other, by, on) => `The team lead in ${other} was told by ${by} ${on}.`,
    tell: (other) => `Tell the team lead in ${other}`,
    notFound: 'The coordination does not exist.',
    noSection: 'The card does not say which section.',
    forbidden: (own) => `Only the team lead in ${own} or the unit manager can tell the other section.`,
    alreadyTold: (by, other) => `${by} has already told the team lead in ${other}.`,
    message: (actor, own, familyRef, other) =>
      `${actor} in ${own} wants to coordinate about family ${familyRef}: the family has open cases both with you (${other}) and with ${own}. Contact ${actor}.`,
    conflict: 'The coordination was changed at the same time; try again.',
  },
  vinr: {
    skyddNotApplicable: 'does not apply (case outside children and youth)',
    skyddBy: (date) => `by ${date}`,
  },
  outOfHours: {
    title: (caseId) => `${caseId} · New report outside office hours`,
    text: (received, group, due, opening) =>
      `The report came in ${received} to ${group}, outside office hours. The safety assessment (skyddsbedömning) is due by ${due}: the out-of-hours service (socialjouren) is responsible until office hours begin ${opening}.`,
    case: 'Case',
    group: 'Group',
    concerns: 'Concerns',
    received: 'Received',
    reporter: 'Reporter',
    skydd: 'Safety assessment',
    by: (date) => `by ${date}`,
  },
  genast: {
    title: (caseId) => `${caseId} · The safety assessment is not done`,
    text: (received, hours) =>
      `The report came in ${received}, ${hours} ago, and no safety assessment (skyddsbedömning) is registered. It must be done at once (SoL 20 kap. 1 §): tomorrow morning is too late.`,
    case: 'Case',
    group: 'Group',
    concerns: 'Concerns',
    received: 'Received',
    owner: 'Caseworker',
    by: (date) => `by ${date}`,
    officeHours: (n) => (n === 1 ? '1 office hour' : `${n} office hours`),
  },
  report: {
    zod: {
      invalid_type: 'Wrong type or missing.',
      invalid_value: 'Invalid value.',
      invalid_format: 'Wrong format.',
      too_small: 'Too short or too few.',
      too_big: 'Too long or too many.',
      unrecognized_keys: 'Unknown field.',
    },
    invalidValue: 'Invalid value.',
    receivedAtFormat: 'A time in ISO 8601 with a time zone, e.g. 2026-11-20T09:15:00+01:00.',
    notAnObject: 'The report must be a JSON object.',
    summaryTooLong: (max) => `The summary may be at most ${max} characters.`,
    invalid: 'The report is not valid.',
    twice: 'The same case reference occurs twice.',
    twiceField: 'Already earlier in the same import.',
    noGroup: 'The group is not in the organisation.',
    otherContent: 'The case already exists with other content.',
    conflict: 'The case was changed at the same time; try again.',
  },
  import: {
    notUtf8: 'The file is not UTF-8. Save it as UTF-8 (with or without BOM).',
    notCsv: (line) =>
      `The file cannot be read as CSV${line ? ` (line ${line})` : ''}: check quotation marks and separators.`,
    empty: 'The file is empty: it must have a header line and one line per report.',
    missingColumns: (names) => `The header line lacks the columns: ${names}. See docs/import-format.md.`,
    unknownColumns: (columns) =>
      `Unknown or repeated column in the header line (column ${columns}). See docs/import-format.md.`,
    row: '(line)',
    columnCount: (row, header) => `The line has ${row} columns, the header line ${header}.`,
    dateFormat: 'A date as YYYY-MM-DD HH:MM or YYYY-MM-DD (Swedish time).',
    reporter: 'Unknown reporter type (e.g. förskola, skola, polis, anhörig, privatperson, anonym, annan).',
    yesNo: 'Write ja or nej.',
    concerns: 'Unknown or missing concern (e.g. våld, brister i omsorgen, psykisk ohälsa), several separated by |.',
    sameRef: (line) => `The same case reference is already on line ${line}.`,
    changed:
      'A case was changed during the import (is the bot running at the same time?). Nothing was imported; try again.',
  },
  gallring: {
    rule: (cutoff, months) => `Gallring: closed cases that were closed before ${cutoff} (${months}).`,
    dryRun: (cases, deleted, changed) =>
      `Dry run: ${cases} would be removed, ${deleted} documents deleted and ${changed} changed. Nothing was changed.`,
    done: (cases, deleted, changed) =>
      `Removed: ${cases} with their free text; ${deleted} documents deleted, ${changed} changed.`,
    alreadyDone: 'Already removed: another run removed the same cases meanwhile. Nothing more to remove.',
    gaveUp: (attempts) =>
      `Gallring gave up: cases or documents changed while it was planned, ${attempts} times in a row. ` +
      'Nothing was removed; run it again when it is quieter.',
    time: (seconds) => `Time: ${seconds} s.`,
  },
};
