// Form fields as zod schemas with Swedish messages: Adaptive Card inputs arrive as strings, and an
// empty string from the card counts as missing.
import { z } from 'zod';
import { isValidLocalDate } from '../domain/time.js';

export const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
export const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : trimmed(v));

export const requiredText = (message: string) =>
  z.preprocess(trimmed, z.string({ error: message }).min(1, message).max(2000, 'Högst 2 000 tecken.'));
export const optionalText = z.preprocess(emptyToUndefined, z.string().max(2000, 'Högst 2 000 tecken.').optional());
export const date = (message: string) =>
  z.preprocess(
    trimmed,
    z.string({ error: message }).refine((d) => isValidLocalDate(d), message),
  );
export const optionalDate = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .refine((d) => isValidLocalDate(d), 'Ange ett datum som ÅÅÅÅ-MM-DD.')
    .optional(),
);
export const yesNo = (message: string) =>
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
  z.array(z.string().max(100)).max(2, 'Högst två utredare.'),
);
