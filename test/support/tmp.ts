import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh directory for one test's files, removed after the test. */
export function tempDir(prefix = 'arendevakt-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function tempDataFile(prefix?: string): string {
  return join(tempDir(prefix), 'db.json');
}
