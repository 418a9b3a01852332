// The organisation file (docs/organisation.md): read, validated with every error at once in Swedish
// naming the field, and watched so that a staff change takes effect without a restart. A bad edit
// keeps the file in force that was last read correctly, and says why in the log.
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { Organisation } from './domain/schemas.js';
import type { Logger } from './log.js';
import { formatPath, swedishIssues } from './swedishIssues.js';

export type OrganisationResult = { ok: true; org: Organisation } | { ok: false; errors: string[] };

/** Cross-references the schema's own check only reaches once everything else is right. */
function referenceErrors(raw: unknown): string[] {
  const r = raw as { groups?: unknown; staff?: unknown };
  const groups = Array.isArray(r?.groups) ? r.groups : [];
  const ids = new Set(groups.map((g) => (g as { id?: unknown })?.id).filter((id) => typeof id === 'string'));
  const errors: string[] = [];
  (Array.isArray(r?.staff) ? r.staff : []).forEach((s, i) => {
    const gs = (s as { groups?: unknown })?.groups;
    if (Array.isArray(gs))
      gs.forEach((g, j) => {
        if (typeof g === 'string' && !ids.has(g)) errors.push(`staff[${i}].groups[${j}]: Okänd grupp: ${g}`);
      });
  });
  return errors;
}

export function validateOrganisation(raw: unknown): OrganisationResult {
  const parsed = Organisation.safeParse(raw, { error: swedishIssues });
  if (parsed.success) return { ok: true, org: parsed.data };
  const errors = parsed.error.issues.map((i) => `${formatPath(i.path) || '(roten)'}: ${i.message}`);
  for (const e of referenceErrors(raw)) if (!errors.includes(e)) errors.push(e);
  return { ok: false, errors };
}

export function readOrganisationFile(file: string): OrganisationResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, errors: [`filen kan inte läsas (${(err as NodeJS.ErrnoException).code})`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    // Not the parser's message: on newer Node it quotes the file's text around the error.
    const at = /position (\d+)/.exec((err as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    return { ok: false, errors: [`inte giltig JSON${line ? ` (fel på rad ${line})` : ''}`] };
  }
  return validateOrganisation(raw);
}

export interface OrganisationWatch {
  /** Read the file again now (SIGHUP, or a test); resolves with what happened. */
  reload(): OrganisationResult | { ok: true; unchanged: true };
  close(): void;
}

/**
 * Watch the file's directory (editors and `git pull` replace the file rather than write into it)
 * and apply a correct new version through `apply`, `debounceMs` after the last change.
 */
export function watchOrganisation(
  file: string,
  apply: (org: Organisation) => void,
  log: Logger,
  debounceMs = 300,
): OrganisationWatch {
  let current = JSON.stringify(readOrganisationFile(file));
  let timer: NodeJS.Timeout | null = null;
  const reload = () => {
    const result = readOrganisationFile(file);
    if (!result.ok) {
      log.error(
        { file, errors: result.errors },
        `Organisationsfilen har fel och läses inte in; den förra gäller tills vidare:\n  ${result.errors.join('\n  ')}`,
      );
      return result;
    }
    const text = JSON.stringify(result);
    if (text === current) return { ok: true as const, unchanged: true as const };
    current = text;
    apply(result.org);
    log.info(
      { file, groups: result.org.groups.length, staff: result.org.staff.length },
      'Organisationsfilen inläst på nytt',
    );
    return result;
  };
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dirname(file), (_event, name) => {
      if (name && name.toString() !== basename(file)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        reload();
      }, debounceMs);
    });
    watcher.unref();
  } catch (err) {
    log.warn({ file, code: (err as NodeJS.ErrnoException).code }, 'organisation file not watched; SIGHUP reloads it');
  }
  return {
    reload,
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
