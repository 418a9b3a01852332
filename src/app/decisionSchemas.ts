// What a decision form may send: the kinds of decision, and one zod schema per form with its field
// messages named by catalogue key (src/app/formFields.ts, docs/cards.md). The use case that runs them
// is src/app/decisions.ts.
import { z } from 'zod';
import { ContactKind, UppfoljningOutcome } from '../domain/schemas.js';
import { BASIC_FORM_KINDS, LAW_FORM_KINDS } from '../domain/forms.js';
import {
  date,
  emptyToUndefined,
  optionalDate,
  optionalText,
  requiredText,
  yesNo,
  type ValidationKey,
} from './formFields.js';

/** Every decision a form records: the case's own and the law forms' (src/domain/forms.ts). */
export const DECISION_KINDS = [...BASIC_FORM_KINDS, ...LAW_FORM_KINDS] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** What a person enters on a form: Adaptive Card inputs arrive as strings. */
export type FormData = Record<string, unknown>;

// ---- field schemas (messages by catalogue key; empty strings from the card count as missing) ----

export const SkyddForm = z.object({
  decidedOn: optionalDate,
  immediateProtection: yesNo('immediateProtection'),
  motivation: requiredText('motivationShort'),
});

export const ForhandForm = z.object({
  decidedOn: optionalDate,
  outcome: z.enum(['open', 'not_open', 'already_ongoing'], {
    error: 'forhandOutcome',
  }),
  motivation: requiredText('motivation'),
  synnerligaSkal: optionalText,
  violenceReason: optionalText,
  investigator: optionalText,
  secondInvestigator: optionalText,
});

export const ExtendForm = z.object({
  decidedOn: optionalDate,
  newDeadline: date('newDeadline'),
  reason: requiredText('extendReason'),
});

export const ContactForm = z.object({
  kind: z.enum(ContactKind.options, { error: 'contactKind' satisfies ValidationKey }),
  date: date('contactDate'),
  childRef: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/, 'childRef' satisfies ValidationKey)
      .optional(),
  ),
  note: optionalText,
});

export const BarnsamtalNotHeldForm = z.object({
  reason: requiredText('barnsamtalReason'),
});

export const AterkopplingForm = z.object({});

export const CloseForm = z.object({
  decidedOn: optionalDate,
  outcome: z.enum(['insats', 'ingen_insats'], { error: 'closeOutcome' satisfies ValidationKey }),
  motivation: optionalText,
  uppfoljningUntil: optionalDate,
});

export const UppfoljningForm = z.object({
  outcome: z.enum(UppfoljningOutcome.options, {
    error: 'uppfoljningOutcome' satisfies ValidationKey,
  }),
  note: optionalText,
});
