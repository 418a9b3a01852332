// zod's issues in Swedish for what people write by hand (the organisation file, the environment):
// "ska vara ett tal" instead of "Invalid input: expected number, received NaN". Messages given in a
// schema (e.g. 'Okänd grupp: x') are kept as they are. Passed per parse, never set globally.
import type { z } from 'zod';

const TYPE: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett objekt',
  date: 'ett datum',
};

function received(input: unknown): string {
  if (input === undefined) return 'saknas';
  if (input === null) return 'är null';
  if (typeof input === 'number' && Number.isNaN(input)) return 'är inte ett tal';
  if (Array.isArray(input)) return 'är en lista';
  if (typeof input === 'string') return 'är text';
  if (typeof input === 'number') return 'är ett tal';
  if (typeof input === 'boolean') return `är ${input}`;
  return 'är ett objekt';
}

type Issue = Parameters<z.core.$ZodErrorMap>[0];

export const swedishIssues: z.core.$ZodErrorMap = (issue: Issue) => {
  const i = issue as Issue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'saknas';
      return `ska vara ${TYPE[String(i.expected)] ?? String(i.expected)} (${received(issue.input)})`;
    case 'invalid_value':
      return `ska vara ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(' eller ')}`;
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') return min <= 1 ? 'får inte vara tom' : `ska ha minst ${min} tecken`;
      if (i.origin === 'array') return `ska ha minst ${min} ${min === 1 ? 'post' : 'poster'}`;
      return i.inclusive === false ? `ska vara större än ${min}` : `ska vara minst ${min}`;
    }
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'string') return `får ha högst ${max} tecken`;
      if (i.origin === 'array') return `får ha högst ${max} poster`;
      return i.inclusive === false ? `ska vara mindre än ${max}` : `får vara högst ${max}`;
    }
    case 'invalid_format':
      if (i.format === 'url') return 'ska vara en webbadress (https://…)';
      if (i.format === 'uuid' || i.format === 'guid') return 'ska vara ett GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)';
      return 'har fel format';
    case 'unrecognized_keys':
      return `okänt fält: ${(i.keys as string[]).join(', ')}`;
    case 'invalid_union':
      return 'har fel form';
    default:
      return 'är ogiltigt';
  }
};

/** `staff[1].role`, `groups[0].id`. */
export function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}
