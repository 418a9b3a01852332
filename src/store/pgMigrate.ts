// Versioned SQL migrations for the PostgreSQL store (src/store/migrations/NNN_name.sql), applied at
// start by whichever instance gets there first: an advisory lock makes the others wait, and each
// file runs in its own transaction together with the row that records it. A database written by a
// newer release is refused, never changed.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { StoreFileError } from './durableFile.js';

/** The advisory lock namespace of Ärendevakt ('Arnd'); the second key says which lock. */
export const LOCK_NAMESPACE = 0x41726e64;
export const LOCK_MIGRATE = 1;
export const LOCK_OUTBOX_DRAIN = 2;

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function knownMigrations(dir = DIR): Migration[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    throw new StoreFileError(`Databasmigreringarna saknas (${dir}): installationen är ofullständig.`);
  }
  const out = files
    .map((f) => /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2], sql: readFileSync(`${dir}${m[0]}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
  if (out.length === 0 || out.some((m, i) => m.version !== i + 1))
    throw new StoreFileError(`Databasmigreringarna i ${dir} är ofullständiga (versionerna ska vara 001, 002, ...).`);
  return out;
}

/** Bring the database up to the newest schema; returns the versions applied now. */
export async function migratePostgres(pool: pg.Pool, migrations = knownMigrations()): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, LOCK_MIGRATE]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS av_schema_migrations (
           version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM av_schema_migrations')).rows.map(
          (r) => r.version,
        ),
      );
      const newest = migrations[migrations.length - 1].version;
      const ahead = [...done].filter((v) => v > newest);
      if (ahead.length)
        throw new StoreFileError(
          `Databasen har schemaversion ${Math.max(...ahead)}, men den här versionen av boten känner bara till ${newest}. Uppgradera boten.`,
        );
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO av_schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LOCK_MIGRATE]);
    }
  } finally {
    client.release();
  }
}
