// The handover checklist as use cases: post it to the group channel(s), tick items, write a status,
// reassign a case from the list (through the one assign use case), hand cases back on return, and the
// two queries the morning jobs need: open handover items and the escalations that are due.
// They live in three files by what they do: the checklist and what its card shows (handoverChecklist.ts), the
// presses on it (handoverPresses.ts) and the morning's work (handoverMorning.ts); this file is the one
// name the bot, the jobs and the tests import them by.
export {
  activationWrites,
  allHandovers,
  getHandover,
  handoverCardInput,
  handoverCardKey,
  handoverCardUpdates,
  handoverDocWrite,
  handoverOf,
  HANDOVER_ESCALATIONS,
  HANDOVERS,
  noOpenCasesText,
  responsibleNotices,
} from './handoverChecklist.js';
export {
  handBack,
  reassignFromHandover,
  saveHandoverChecks,
  writeHandoverStatus,
  type HandBackOutcome,
  type HandoverResult,
} from './handoverPresses.js';
export {
  activateDueHandovers,
  enqueueHandoverEscalations,
  escalationCardData,
  handoverEscalations,
  openHandovers,
  refreshRunningHandoverCards,
  runHandoverMorning,
  type HandoverEscalation,
  type OpenHandoverItem,
} from './handoverMorning.js';
