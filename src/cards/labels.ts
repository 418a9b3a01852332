// Swedish words for what the domain names in English: one source for every card.
import { concernsFirst } from '../domain/violence.js';
import type { DeadlineStatus } from '../domain/deadlines.js';
import type { DeadlineKind } from '../domain/rules.js';
import type { Concern, ContactKind, Phase, ReporterType, Role } from '../domain/schemas.js';
import type { CardColor } from './hostConfig.js';
import { texts, type Lang } from './text/index.js';
import { sv } from './text/sv.js';

// The words live in the text catalogue (src/cards/text/); these are its Swedish sets, under the names
// the card code has always used.
export const REPORTER_LABEL: Record<ReporterType, string> = sv.reporter;
export const CONCERN_LABEL: Record<Concern, string> = sv.concern;
export const PHASE_LABEL: Record<Phase, string> = sv.phase;
export const DEADLINE_LABEL: Record<DeadlineKind, string> = sv.deadline;
export const CONTACT_LABEL: Record<ContactKind, string> = sv.contact;
export const ROLE_LABEL: Record<Role, string> = sv.role;

/**
 * Adaptive Card text colours for a deadline's status: colours the host config (src/cards/hostConfig.ts)
 * defines with enough contrast. Never the only sign: the text says FÖRSENAD, i dag, i morgon too.
 */
export const STATUS_COLOR: Record<DeadlineStatus, Extract<CardColor, 'Attention' | 'Warning' | 'Good' | 'Default'>> = {
  overdue: 'Attention',
  due_today: 'Warning',
  soon: 'Warning',
  ok: 'Default',
  done: 'Good',
};

/** Violence and honour-related oppression first (src/domain/violence.ts), then as reported. */
export const concernsText = (cs: readonly Concern[], lang: Lang = 'sv') =>
  concernsFirst(cs)
    .map((c) => texts(lang).concern[c])
    .join(', ');
