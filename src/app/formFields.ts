// Form fields as zod schemas: Adaptive Card inputs arrive as strings, and an empty string from the card
// counts as missing. A field's message is a key of the catalogue's `caseAnswers.validation`
// (src/cards/text/), written in the reader's language by fieldMessage (docs/cards.md).
import { z } from 'zod';
import { isValidLocalDate } from '../domain/time.js';
import { texts, type Lang } from '../cards/text/index.js';
import type { ValidationKey } from '../cards/text/sv/caseAnswers.js';

export type { ValidationKey };

/** A schema's message in the reader's language: a catalogue key is translated, any other text is kept. */
export function fieldMessage(message: string, lang: Lang = 'sv'): string {
  const v = texts(lang).caseAnswers.validation as Record<string, string>;
  return Object.hasOwn(v, message) ? v[message] : message;
}

export const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
export const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : trimmed(v));

const TOO_LONG: ValidationKey = 'tooLong';

export const requiredText = (message: ValidationKey) =>
  z.preprocess(trimmed, z.string({ error: message }).min(1, message).max(2000, TOO_LONG));
export const optionalText = z.preprocess(emptyToUndefined, z.string().max(2000, TOO_LONG).optional());
export const date = (message: ValidationKey) =>
  z.preprocess(
    trimmed,
    z.string({ error: message }).refine((d) => isValidLocalDate(d), message),
  );
export const optionalDate = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .refine((d) => isValidLocalDate(d), 'dateFormat' satisfies ValidationKey)
    .optional(),
);
export const yesNo = (message: ValidationKey) =>
  z.preprocess(
    (v) => {
      if (v === true || v === 'true' || v === 'ja') return true;
      if (v === false || v === 'false' || v === 'nej') return false;
      return undefined;
    },
    z.boolean({ error: message }),
  );
/** Staff ids from a multi-select ("a,b") or separate inputs; blanks dropped. */
export const staffIds = z.preprocess(
  (v) =>
    (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []).map((s) => String(s).trim()).filter(Boolean),
  z.array(z.string().max(100)).max(2, 'maxTwoInvestigators' satisfies ValidationKey),
);
