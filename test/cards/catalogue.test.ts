// One text catalogue (docs/cards.md): the user-facing words are in src/cards/text/sv.ts and en.ts, not in
// the code that builds the cards and answers. This scans src/cards, src/bot, src/app and src/outbox for string
// literals with å, ä or ö outside comments: a file may hold one only if it is on the small allow-list
// below (a word the bot parses, a catalogue key), or if the whole file is still on NOT_YET_MOVED, the
// list of files whose words have not moved yet (shrink it; never add to it). The templates in /cards
// that have moved hold no fixed word either: every text, title, label, placeholder and error message
// is a binding (`${$root.L.…}` or data).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NOUNS_SV } from '../../src/cards/text/sv.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Files whose user-facing words are still Swedish in the code (docs/cards.md "Still Swedish only"). */
const NOT_YET_MOVED = new Set<string>([]);

/**
 * Swedish literals that are not words for a reader: commands the bot parses, catalogue keys (nouns
 * are keyed by their Swedish singular), names. Per file, exact strings.
 */
const ALLOWED: Record<string, string[]> = {
  // The commands the bot understands are Swedish words in every language (help lists them as they are).
  'src/bot/commands/basic.ts': ['hjälp', 'ofördelade', 'försenade'],
  'src/bot/commands/distribution.ts': ['fördelning'],
  'src/bot/commands/newReport.ts': ['ny anmälan'],
  // And the words of `frånvaro … från 2026-12-01` it reads (the RegExp's source).
  'src/bot/commands/absence.ts': ['frånvaro', 'åter', 'överlämning', '\\\\bfr(?:å|a)n\\\\s+(?:och\\\\s+med\\\\s+)?${}'],
  // The column headers and values the file import reads (docs/import-format.md), like the bot's commands.
  'src/app/importColumns.ts': [
    'ärendereferens',
    'ärendenummer',
    'hushåll',
    'hushållsnummer',
    'anmälare',
    'anmälartyp',
    'hälso- och sjukvården',
    'våld i nära relationer',
    'missbruk hos förälder',
    'förälders missbruk',
    'psykisk ohälsa',
    'hedersrelaterat våld',
  ],
  // The case-list template's own Swedish word, replaced by the catalogue's in another language.
  'src/cards/simpleCards.ts': ['Visa ärendet'],
};
/** Nouns are keyed by their Swedish singular: count(2, 'ärende'); the bot's name is its name. */
const NOUN_KEYS = new Set([...Object.keys(NOUNS_SV), 'Ärendevakt']);

/** The moved templates: every word they show comes from the catalogue ($root.L) or the data. */
const MOVED_TEMPLATES = [
  'timeline',
  'delivery-failure',
  'new-report',
  'assigned-to-you',
  'deliveries',
  'distribution',
  'escalation',
  'handover',
  'stats',
  'morning-list',
  'protection-alarm',
  'reminder',
  'decision-aterkoppling',
  'decision-barnsamtal',
  'decision-close',
  'decision-contact',
  'decision-extend',
  'decision-forhand',
  'decision-form',
  'decision-skydd',
  'decision-uppfoljning',
  'case-list',
  'genast-nudge',
  'out-of-hours',
  'vinr-notice',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The string literals of TypeScript source outside comments (template literals with their `${…}` left in). */
export function stringLiterals(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i + 2) + 2;
      if (i < 2) break;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let depth = 0;
      while (j < src.length) {
        if (src[j] === '\\') j += 2;
        else if (c === '`' && src[j] === '$' && src[j + 1] === '{') {
          depth++;
          j += 2;
        } else if (c === '`' && depth > 0 && src[j] === '}') {
          depth--;
          j++;
        } else if (src[j] === c && depth === 0) break;
        else j++;
      }
      const body = src.slice(i + 1, j);
      if (c === '`') {
        // The text around the `${…}` holes is the literal; the holes' own literals are scanned as code.
        const { text, holes } = splitTemplate(body);
        out.push(text, ...holes.flatMap(stringLiterals));
      } else out.push(body);
      i = j + 1;
    } else if (c === '/' && /[=(,:!&|?;{}\n]\s*$/.test(src.slice(Math.max(0, i - 20), i))) {
      // A regular expression literal: skipped whole (a pattern the bot parses is not a word).
      let j = i + 1;
      let cls = false;
      while (j < src.length && src[j] !== '\n') {
        if (src[j] === '\\') j += 2;
        else if (src[j] === '[') ((cls = true), j++);
        else if (src[j] === ']') ((cls = false), j++);
        else if (src[j] === '/' && !cls) break;
        else j++;
      }
      i = j + 1;
    } else i++;
  }
  return out;
}

/** A template literal's text with each `${…}` as `${}`, and the code in the holes. */
function splitTemplate(body: string): { text: string; holes: string[] } {
  let text = '';
  const holes: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '\\') {
      text += body.slice(i, i + 2);
      i += 2;
    } else if (body[i] === '$' && body[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      while (j < body.length && depth > 0) {
        if (body[j] === '{') depth++;
        else if (body[j] === '}') depth--;
        j++;
      }
      holes.push(body.slice(i + 2, j - 1));
      text += '${}';
      i = j;
    } else text += body[i++];
  }
  return { text, holes };
}

const SWEDISH_LETTER = /[åäöÅÄÖ]/;

describe('one text catalogue', () => {
  const sources = ['src/cards', 'src/bot', 'src/app', 'src/outbox']
    .flatMap((d) => files(join(ROOT, d)))
    .map((p) => relative(ROOT, p).split('\\').join('/'))
    .filter((p) => !p.startsWith('src/cards/text/'));

  it('finds string literals, and none in comments or regular expressions', () => {
    expect(
      stringLiterals(`const a = 'å'; // 'ä'\n/* "ö" */ const r = /^f(ö|o)rdelning$/i; const t = \`x \${y('ö')}\`;`),
    ).toEqual(['å', 'x ${}', 'ö']);
  });

  it('has no Swedish string outside the catalogue in the moved files', () => {
    const found: string[] = [];
    for (const f of sources) {
      if (NOT_YET_MOVED.has(f)) continue;
      const allowed = new Set(ALLOWED[f] ?? []);
      for (const s of stringLiterals(readFileSync(join(ROOT, f), 'utf8')))
        if (SWEDISH_LETTER.test(s) && !allowed.has(s) && !NOUN_KEYS.has(s)) found.push(`${f}: ${s}`);
    }
    expect(found).toEqual([]);
  });

  it('keeps the list of files still to move honest: each exists and still has a Swedish string', () => {
    const stale = [...NOT_YET_MOVED].filter(
      (f) =>
        !sources.includes(f) ||
        !stringLiterals(readFileSync(join(ROOT, f), 'utf8')).some((s) => SWEDISH_LETTER.test(s)),
    );
    expect(stale).toEqual([]);
  });

  it('has no fixed word in the moved templates', () => {
    const fixed: string[] = [];
    const walk = (v: unknown, name: string) => {
      if (Array.isArray(v)) return v.forEach((x) => walk(x, name));
      if (!v || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (['text', 'title', 'label', 'placeholder', 'errorMessage'].includes(k) && typeof x === 'string') {
          // What is left when the bindings are taken out: punctuation and spaces only.
          const rest = x.replace(/\$\{[^}]*\}/g, '');
          if (/\p{L}/u.test(rest)) fixed.push(`${name}.json ${k}: ${x}`);
        }
        walk(x, name);
      }
    };
    for (const t of MOVED_TEMPLATES) walk(JSON.parse(readFileSync(join(ROOT, 'cards', `${t}.json`), 'utf8')), t);
    expect(fixed).toEqual([]);
  });
});
