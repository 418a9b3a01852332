// A case and everything recorded on it: the phases, each decision with who, when and why, the
// utredning, contacts, tasks, closing, the LVU track and protective measures; and an absence.
import { z } from 'zod';
import { CaseRef, Concern, Instant, LocalDate, Reporter, StaffId } from './schemaBasics.js';

export const Phase = z.enum(['skyddsbedomning', 'forhandsbedomning', 'utredning', 'closed']);
export type Phase = z.infer<typeof Phase>;

export const Skyddsbedomning = z.object({
  at: Instant,
  by: StaffId,
  immediateProtection: z.boolean(),
  motivation: z.string().max(2000),
  /** The date of the assessment as entered (default the day it was recorded). */
  decidedOn: LocalDate.optional(),
});
export type Skyddsbedomning = z.infer<typeof Skyddsbedomning>;

export const ForhandsOutcome = z.enum(['open', 'not_open', 'already_ongoing']);
export type ForhandsOutcome = z.infer<typeof ForhandsOutcome>;

export const Forhandsbedomning = z.object({
  decidedAt: Instant,
  by: StaffId,
  outcome: ForhandsOutcome,
  motivation: z.string().max(2000),
  /** Set when the 14 days were exceeded for "synnerliga skäl" (older records). */
  synnerligaSkal: z.string().max(2000).optional(),
  /** A report about violence or honour-related oppression not opened: the written reason why (required then). */
  violenceReason: z.string().max(2000).optional(),
  /** The date of the decision as entered (default the day it was recorded): every clock counts from it. */
  decidedOn: LocalDate.optional(),
  /** Decided after the deadline in force: an overrun, counted as one in every figure. */
  late: z.boolean().optional(),
});
export type Forhandsbedomning = z.infer<typeof Forhandsbedomning>;

export const Extension = z.object({
  at: Instant,
  by: StaffId,
  previousDeadline: LocalDate,
  newDeadline: LocalDate,
  reason: z.string().min(1).max(2000),
  /** The date of the extension decision as entered. */
  decidedOn: LocalDate.optional(),
  /** Decided after the deadline had run out: recorded, but the deadline stays counted as missed. */
  overrun: z.boolean().optional(),
});
export type Extension = z.infer<typeof Extension>;

/** An extension of the förhandsbedömning (20 kap. 2 §): a decision of its own, before day 14. */
export const ForhandsExtension = z.object({
  decidedOn: LocalDate,
  /** Who decided (a staff member). */
  decidedBy: StaffId,
  previousDeadline: LocalDate,
  newDeadline: LocalDate,
  /** The synnerliga skäl. */
  reason: z.string().min(1).max(2000),
  at: Instant,
  by: StaffId,
});
export type ForhandsExtension = z.infer<typeof ForhandsExtension>;

/** The information task when an investigation opens (20 kap. 4 §): told on a date, or why not. */
export const InformationTask = z.object({
  givenOn: LocalDate.optional(),
  notGivenReason: z.string().max(2000).optional(),
  at: Instant,
  by: StaffId,
});
export type InformationTask = z.infer<typeof InformationTask>;

export const Utredning = z.object({
  /** The date of the decision to open: the 4-month clock starts here. */
  openedOn: LocalDate,
  /** The statutory deadline (openedOn + 4 months), never moved. */
  statutoryDeadline: LocalDate,
  /** The deadline in force: the statutory one or the last extension's. */
  deadline: LocalDate,
  extensions: z.array(Extension),
  /** 20 kap. 4 § SoL: those concerned are told "genast"; set when the bot opened the investigation. */
  informationDue: LocalDate.optional(),
  /** Those concerned told that the investigation was opened (or why not). */
  information: InformationTask.optional(),
});
export type Utredning = z.infer<typeof Utredning>;

export const ContactKind = z.enum(['barnsamtal', 'hembesok', 'vardnadshavarmote', 'other']);
export type ContactKind = z.infer<typeof ContactKind>;

export const Contact = z.object({
  kind: ContactKind,
  date: LocalDate,
  /** For a barnsamtal: which child (pseudonymous reference). */
  childRef: CaseRef.optional(),
  by: StaffId,
  at: Instant,
  note: z.string().max(2000).optional(),
});
export type Contact = z.infer<typeof Contact>;

export const Task = z.object({
  due: LocalDate,
  doneAt: Instant.optional(),
  by: StaffId.optional(),
});
export type Task = z.infer<typeof Task>;

/** How an uppföljning ended (recorded by the caseworker; the legal record is the case-management system). */
export const UppfoljningOutcome = z.enum(['no_action', 'new_investigation', 'insats']);
export type UppfoljningOutcome = z.infer<typeof UppfoljningOutcome>;

/** Återkoppling: a duty only when the reporter asked; `due` absent = no time limit (the old rule). */
export const AterkopplingTask = z.object({
  requestedOn: LocalDate.optional(),
  due: LocalDate.optional(),
  doneAt: Instant.optional(),
  by: StaffId.optional(),
});
export type AterkopplingTask = z.infer<typeof AterkopplingTask>;

export const UppfoljningTask = Task.extend({
  /** The closing date: the clock and the information task start here. */
  startedOn: LocalDate.optional(),
  /** Ended before its date because a new investigation about the child was opened. */
  endedEarly: z.object({ on: LocalDate, caseId: z.string() }).optional(),
  /** The child (15 or older) and the guardians told. */
  informedAt: Instant.optional(),
  /** Recorded as ended ("Uppföljning avslutad"): how it ended and an optional comment (doneAt, by: who and when). */
  outcome: UppfoljningOutcome.optional(),
  note: z.string().max(2000).optional(),
});
export type UppfoljningTask = z.infer<typeof UppfoljningTask>;

export const Closure = z.object({
  at: Instant,
  by: StaffId,
  /** not_opened: no investigation; already_ongoing: handled in an investigation that is running. */
  outcome: z.enum(['insats', 'ingen_insats', 'not_opened', 'already_ongoing']),
  motivation: z.string().max(2000).optional(),
  /** The closing date as entered (default the day it was recorded): the statistics count from it. */
  closedOn: LocalDate.optional(),
});
export type Closure = z.infer<typeof Closure>;

const LvuStep = z.object({ on: LocalDate, at: Instant, by: StaffId });

export const LvuTrack = z.object({
  /** Omedelbart omhändertagande: the day of the decision (the 7 § week counts from it). */
  decidedOn: LocalDate,
  /** The nämnd itself, its chair, or a member it appointed (6 §: then reported at the next meeting). */
  decidedBy: z.enum(['namnd', 'ordforande', 'ledamot']),
  /** 2 § (home conditions) or 3 § (own behaviour): 13 § övervägande or prövning. */
  ground: z.enum(['2', '3']),
  /** The day it was carried out (the 8 § four weeks count from it). */
  verkstalldOn: LocalDate.optional(),
  /** The nämnd's next meeting after the decision, from the organisation file. */
  namndMeetingOn: LocalDate.optional(),
  recordedAt: Instant,
  recordedBy: StaffId,
  namndReported: LvuStep.optional(),
  understalld: LvuStep.optional(),
  ansokan: LvuStep.optional(),
  /** The court granted more time for the application (9 §). */
  courtExtendedTo: LocalDate.optional(),
  courtDecision: z
    .object({
      on: LocalDate,
      outcome: z.enum(['vard', 'avslag']),
      /** The day the decision became final (5 §: vård must begin within four weeks). */
      finalOn: LocalDate.optional(),
      at: Instant,
      by: StaffId,
    })
    .optional(),
  vardBegun: LvuStep.optional(),
  reviews: z.array(LvuStep.extend({ kind: z.enum(['overvagande', 'provning', 'begransning']) })),
  restrictions: z.array(LvuStep.extend({ kind: z.enum(['umgange', 'hemlig_vistelseort']) })),
  /** The omhändertagande or vård ended (the court said no, or it was lifted). */
  endedOn: LocalDate.optional(),
});
export type LvuTrack = z.infer<typeof LvuTrack>;

/** What was done to protect a child at once (src/domain/protection.ts). */
export const ProtectiveMeasureKind = z.enum(['placement', 'lvu_6', 'police', 'other']);
export type ProtectiveMeasureKind = z.infer<typeof ProtectiveMeasureKind>;

export const ProtectiveMeasure = z.object({
  kind: ProtectiveMeasureKind,
  /** The day it was done. */
  on: LocalDate,
  /** HH:MM Swedish time, when given. */
  time: z.string().optional(),
  /** Who did it (a staff member). */
  doneBy: StaffId,
  motivation: z.string().max(2000),
  at: Instant,
  by: StaffId,
});
export type ProtectiveMeasure = z.infer<typeof ProtectiveMeasure>;

/** One case: one anmälan about one child, through its phases. `id` is the external case reference. */
export const Case = z.object({
  id: CaseRef,
  version: z.number().int().nonnegative(),
  groupId: z.string(),
  childRef: CaseRef,
  receivedAt: Instant,
  reporter: Reporter,
  concerns: z.array(Concern),
  summary: z.string().optional(),
  phase: Phase,
  /** Owners, the first is the responsible caseworker; an investigation may have two. */
  assignees: z.array(StaffId),
  /** When the case first got an owner (for "unassigned for N days" statistics). */
  firstAssignedAt: Instant.optional(),
  skyddsbedomning: Skyddsbedomning.optional(),
  forhandsbedomning: Forhandsbedomning.optional(),
  utredning: Utredning.optional(),
  contacts: z.array(Contact),
  /** Why no barnsamtal was held (the child's age, language, ...). */
  barnsamtalNotHeldReason: z.string().max(2000).optional(),
  /** Återkoppling to a professional reporter who asked for it. */
  aterkoppling: AterkopplingTask.optional(),
  forhandsExtensions: z.array(ForhandsExtension).optional(),
  closure: Closure.optional(),
  /** Uppföljning after an investigation closed without insats. */
  uppfoljning: UppfoljningTask.optional(),
  /** The LVU track, when the child was taken into care at once (src/domain/lvu.ts). */
  lvu: LvuTrack.optional(),
  /** Protective measures after a skyddsbedömning said the child needs immediate protection. */
  protectiveMeasures: z.array(ProtectiveMeasure).optional(),
  /** Other open cases about the same child (childRef) in other groups. */
  linkedCaseIds: z.array(CaseRef),
  /** The family or household reference (docs/family.md): siblings and other sections are found by it. */
  familyRef: CaseRef.optional(),
  /**
   * Set when the case belongs to a group outside child welfare (kind adult or other): the bot keeps
   * no child-welfare deadlines on it and shows it to the child side only as "section involved".
   */
  sectionKind: z.enum(['adult', 'other']).optional(),
  createdAt: Instant,
  updatedAt: Instant,
  updatedBy: StaffId,
});
export type Case = z.infer<typeof Case>;

export const Absence = z.object({
  id: z.string(),
  staffId: StaffId,
  /**
   * The kind of absence, only when the person registering it said so: sick leave, leave (planned),
   * other. Never shown in a channel; cards say "frånvarande" (see docs/privacy.md).
   */
  kind: z.enum(['sick', 'planned', 'other']).optional(),
  from: LocalDate,
  /** Last day of absence; open-ended when missing. */
  to: LocalDate.optional(),
  registeredBy: StaffId,
  registeredAt: Instant,
  endedAt: Instant.optional(),
  endedBy: StaffId.optional(),
});
export type Absence = z.infer<typeof Absence>;
