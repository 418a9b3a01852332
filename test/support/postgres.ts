// A real PostgreSQL server for the tests of the PostgreSQL store. With TEST_DATABASE_URL set (CI
// starts one server in .ci/run) that server is used; otherwise each test file starts a private
// one from Debian's `postgresql` package: initdb once into .tmp/ (a template data directory),
// copied per file and started by pg_ctl on a Unix socket of its own (no TCP port, nothing shared).
// Every test gets a database of its own. No PostgreSQL on the machine: the tests fail and say how
// to install it; they are never skipped.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const USER = 'arendevakt';

export function postgresBinDir(): string {
  const candidates = [
    process.env.PG_BIN,
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
    '/usr/local/bin',
    '/usr/bin',
  ];
  for (const dir of candidates)
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  throw new Error(
    'PostgreSQL saknas: testerna av PostgreSQL-lagret behöver initdb och pg_ctl (Debian: apt-get install postgresql), ' +
      'eller TEST_DATABASE_URL till en server.',
  );
}

const asRoot = process.getuid?.() === 0;

/** Run a PostgreSQL tool; as root through the postgres account (initdb and postgres refuse root). */
function pgTool(bin: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function own(dir: string): void {
  if (asRoot) execFileSync('chown', ['-R', 'postgres:', dir]);
}

/** The template data directory, made once per machine (initdb takes seconds; a copy does not). */
function template(bin: string): string {
  const dir = join(ROOT, '.tmp', `pg-template-${bin.replace(/\W+/g, '_')}`);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const work = mkdtempSync(join(ROOT, '.tmp', 'pg-init-'));
  own(work);
  pgTool(join(bin, 'initdb'), [
    '-D',
    join(work, 'data'),
    '-U',
    USER,
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  try {
    renameSync(join(work, 'data'), dir); // atomic: a parallel file that lost the race uses the winner's
  } catch {
    /* another test file made it first */
  }
  rmSync(work, { recursive: true, force: true });
  return dir;
}

export interface PgServer {
  /** A connection URL for the database `name` on this server. */
  url(name: string): string;
  admin(): pg.Client;
}

let server: Promise<PgServer> | null = null;
let stopPrivate: (() => void) | null = null;

function startPrivate(opts: { durable?: boolean } = {}): PgServer {
  const bin = postgresBinDir();
  const base = mkdtempSync(join(tmpdir(), 'arendevakt-pg-'));
  if (asRoot) chownSync(base, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  cpSync(template(bin), join(base, 'data'), { recursive: true });
  own(base);
  execFileSync('chmod', ['700', join(base, 'data')]);
  // fsync off for tests: these databases are thrown away; durability across kill -9 of the bot
  // (not of PostgreSQL) does not depend on it. The bench runs durable.
  pgTool(join(bin, 'pg_ctl'), [
    '-D',
    join(base, 'data'),
    '-l',
    join(base, 'log'),
    '-w',
    '-o',
    `-k ${base} -c listen_addresses='' ${opts.durable ? '' : '-c fsync=off '}-c max_connections=200`,
    'start',
  ]);
  stopPrivate = () => {
    try {
      pgTool(join(bin, 'pg_ctl'), ['-D', join(base, 'data'), '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  };
  return {
    url: (name) => `postgres://${USER}@localhost/${name}?host=${encodeURIComponent(base)}`,
    admin: () => new pg.Client({ host: base, user: USER, database: 'postgres' }),
  };
}

function fromUrl(url: string): PgServer {
  const u = new URL(url);
  return {
    url: (name) => {
      const v = new URL(url);
      v.pathname = `/${name}`;
      return v.toString();
    },
    admin: () => {
      u.pathname = '/postgres';
      return new pg.Client({ connectionString: u.toString() });
    },
  };
}

/** A private server outside the tests (bench/): durable (fsync on) when asked; stop() ends it. */
export function startPostgres(opts: { durable?: boolean } = {}): PgServer & { stop(): void } {
  const s = startPrivate(opts);
  const stop = stopPrivate!;
  stopPrivate = null;
  return { ...s, stop };
}

/**
 * Call at the top of a test file that uses PostgreSQL: the private server (if any) is started
 * before the file's tests and stopped after them.
 */
export function usePostgres(): void {
  // Started before the tests (initdb takes seconds, more on a busy machine), not inside the first.
  beforeAll(async () => {
    await pgServer();
  }, 180_000);
  afterAll(() => {
    stopPrivate?.();
    stopPrivate = null;
    server = null;
  });
}

export function pgServer(): Promise<PgServer> {
  server ??= Promise.resolve().then(() =>
    process.env.TEST_DATABASE_URL ? fromUrl(process.env.TEST_DATABASE_URL) : startPrivate(),
  );
  return server;
}

/** A new, empty database; its URL. Named by `name` when given (the same name: the same database). */
export async function freshDatabase(name?: string): Promise<string> {
  const s = await pgServer();
  const db = name ?? `av_${randomBytes(6).toString('hex')}`;
  const admin = s.admin();
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${db}" TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  return s.url(db);
}

/**
 * TEST_STORE=postgres (.ci/run runs the e2e suite so once): the database that stands for a test's
 * data file, the same one for the same file (a restart test reopens its data).
 */
export async function databaseForDataFile(dataFile: string): Promise<string> {
  if (!process.env.TEST_DATABASE_URL)
    throw new Error('TEST_STORE=postgres behöver TEST_DATABASE_URL (en PostgreSQL-server, se .ci/run).');
  return freshDatabase(`av_${createHash('sha256').update(dataFile).digest('hex').slice(0, 24)}`);
}

/** Whether a PostgreSQL store's tables hold `marker` anywhere: audit entries, cases or documents. */
export async function tablesHold(url: string, marker: string): Promise<boolean> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const r = await pool.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM av_audit WHERE entry LIKE $1) + (SELECT count(*) FROM av_cases WHERE data::text LIKE $1)
         + (SELECT count(*) FROM av_docs WHERE value::text LIKE $1) AS n`,
      [`%${marker}%`],
    );
    return Number(r.rows[0].n) > 0;
  } finally {
    await pool.end();
  }
}
