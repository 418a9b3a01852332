// The words of `ny anmälan` in English (the Swedish, and what each is for: ../sv/newReport.ts).
import type { newReportSv } from '../sv/newReport.js';

export const newReportEn: typeof newReportSv = {
  notRegisteredTitle: 'You are not in the organisation file',
  notRegisteredText: 'Only staff in the organisation file can register reports.',
  registered: (ref) => `Report ${ref} is registered. The card is posted in the group's channel.`,
  alreadyThere: (ref) => `Report ${ref} was already there with the same content; nothing new was registered.`,
  conflict: 'The case already exists with different content. Check the reference.',
  notRegistered: 'The report was not registered.',
  fixFields: 'The report was not registered. Correct the fields below.',
  template: {
    title: 'New report',
    intro:
      'Register a report that came in some other way than through the case management system. Never write a personal identity number, name or address: the case is identified by its case reference and the child by its pseudonymous reference.',
    externalId: 'Case reference',
    externalIdPlaceholder: 'e.g. IFO-2026-004512',
    externalIdRequired: 'The case reference is required.',
    receivedDate: 'Date received',
    dateRequired: 'The date is required.',
    receivedTime: 'Time',
    group: 'Group',
    groupRequired: 'Choose a group.',
    childRef: "The child's reference",
    childRefPlaceholder: 'e.g. B-2026-0412 (never a personal identity number)',
    childRefRequired: "The child's reference is required.",
    familyRef: "The family's reference (optional)",
    familyRefPlaceholder: 'household or family number in the case management system, e.g. F-2026-0107',
    reporter: 'Reporter',
    reporterRequired: 'Choose the reporter.',
    professional: 'The reporter is a professional (has a duty to report and is to get feedback)',
    concerns: 'Concerns',
    concernsRequired: 'Choose at least one.',
    summary: 'Short summary (optional; no personal identity numbers or names)',
    submit: 'Register report',
  },
};
