// `npm run store:migrate -- --to postgres`: move a pilot from the embedded store (DATA_FILE) to
// PostgreSQL (DATABASE_URL). Copies every case, every document (outbox, claims, conversations...)
// and the whole audit chain with its hashes unchanged, in one transaction; then opens the database
// as the bot would and verifies the chain there. Refuses a database that already holds data, and a
// source whose chain does not verify. The bot must be stopped (the embedded store is locked while
// it runs), so nothing is written during the copy.
import { open } from 'node:fs/promises';
import pg from 'pg';
import { configOrRefusal } from './common.js';
import { findBrokenLink } from '../store/audit.js';
import { StoreFileError } from '../store/durableFile.js';
import { openLowdbStore } from '../store/lowdbStore.js';
import { migratePostgres } from '../store/pgMigrate.js';
import { openPostgresStore, redactUrl } from '../store/postgresStore.js';
import { isDocument, type AuditEntry, type Store } from '../store/port.js';

export interface MigrateResult {
  code: number;
  output: string;
}

const CHUNK = 1_000;

/**
 * Every document key and audit entry the files ever held (the port lists values, not keys): the
 * snapshot's keys and those of every journal line. The values are then read from the store, so a
 * key deleted later is simply absent there.
 */
async function readFiles(dataFile: string): Promise<{ keys: Map<string, Set<string>>; audit: AuditEntry[] }> {
  const keys = new Map<string, Set<string>>();
  const add = (c: string, id: string) => keys.set(c, (keys.get(c) ?? new Set()).add(id));
  const audit: AuditEntry[] = [];
  const read = async (file: string) => {
    try {
      const fh = await open(file, 'r');
      try {
        return await fh.readFile('utf8');
      } finally {
        await fh.close();
      }
    } catch {
      return ''; // not written yet
    }
  };
  const snapshot = await read(dataFile);
  if (snapshot) {
    const docs = (JSON.parse(snapshot) as { docs?: Record<string, Record<string, unknown>> }).docs ?? {};
    for (const [c, byId] of Object.entries(docs)) for (const id of Object.keys(byId)) add(c, id);
  }
  for (const line of (await read(`${dataFile}.journal`)).split('\n')) {
    if (!line) continue;
    const l = JSON.parse(line) as { docs: { c: string; id: string }[]; audit: AuditEntry[] };
    for (const d of l.docs) add(d.c, d.id);
    audit.push(...l.audit);
  }
  return { keys, audit };
}

export async function migrateStore(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<MigrateResult> {
  const to = argv.includes('--to') ? argv[argv.indexOf('--to') + 1] : undefined;
  if (to !== 'postgres')
    return {
      code: 2,
      output: 'Ange målet: npm run store:migrate -- --to postgres (med DATABASE_URL och DATA_FILE satta).',
    };
  const loaded = configOrRefusal(env);
  if ('refusal' in loaded) return loaded.refusal;
  const { config } = loaded;
  if (!config.databaseUrl)
    return { code: 2, output: 'DATABASE_URL saknas: ange PostgreSQL-databasen som ärendena ska flyttas till.' };
  const target = redactUrl(config.databaseUrl);

  let source;
  try {
    source = await openLowdbStore(config.dataFile);
  } catch (err) {
    if (err instanceof StoreFileError)
      return { code: 3, output: `${err.message}\nStoppa boten och kör flytten igen. Inget har flyttats.` };
    throw err;
  }
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  try {
    const check = await source.verifyAudit();
    if (!check.ok)
      return { code: 1, output: `${check.message}\nKällan ${config.dataFile} flyttas inte. Inget har flyttats.` };
    const { keys, audit } = await readFiles(config.dataFile);
    const collections = [...keys.keys()];
    if (findBrokenLink(audit) !== undefined || audit.length !== check.entries)
      return { code: 1, output: `Granskningsloggen i ${config.dataFile} kunde inte läsas hel. Inget har flyttats.` };
    const cases = await source.allCases();
    const docs: { c: string; id: string; value: Record<string, unknown> }[] = [];
    for (const [c, ids] of keys)
      for (const id of ids) {
        const value = await source.getDoc(c, id);
        if (isDocument(value)) docs.push({ c, id, value });
      }
    const listed = await countDocs(source, collections);
    if (listed !== docs.length)
      return { code: 1, output: `Dokumenten i ${config.dataFile} kunde inte läsas hela. Inget har flyttats.` };

    try {
      await migratePostgres(pool);
    } catch (err) {
      if (err instanceof StoreFileError) return { code: 1, output: `${err.message} Inget har flyttats.` };
      throw err;
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Under the head row's lock: nothing can commit here while we look and copy.
      const head = (await client.query('SELECT seq FROM av_head WHERE id = 1 FOR UPDATE')).rows[0];
      const used = await client.query(
        `SELECT (SELECT count(*) FROM av_cases) AS cases, (SELECT count(*) FROM av_docs) AS docs,
                (SELECT count(*) FROM av_audit) AS audit`,
      );
      const u = used.rows[0];
      if (Number(head.seq) > 0 || Number(u.cases) + Number(u.docs) + Number(u.audit) > 0) {
        await client.query('ROLLBACK');
        return {
          code: 1,
          output: `Databasen ${target} är inte tom (${u.cases} ärenden, ${u.docs} dokument, ${u.audit} granskningsposter). Flytten görs bara till en tom databas; inget har flyttats.`,
        };
      }
      for (let i = 0; i < cases.length; i += CHUNK) {
        await client.query(
          `INSERT INTO av_cases (id, version, phase, child_ref, data, seq)
           SELECT x->>'id', (x->>'version')::int, x->>'phase', x->>'childRef', x, 0 FROM json_array_elements($1::json) x`,
          [JSON.stringify(cases.slice(i, i + CHUNK))],
        );
      }
      for (let i = 0; i < docs.length; i += CHUNK) {
        await client.query(
          `INSERT INTO av_docs (collection, id, value, seq)
           SELECT x->>'c', x->>'id', x->'value', 0 FROM json_array_elements($1::json) x`,
          [JSON.stringify(docs.slice(i, i + CHUNK))],
        );
      }
      for (let i = 0; i < audit.length; i += CHUNK) {
        await client.query(
          `INSERT INTO av_audit (seq, case_id, prev_hash, hash, entry)
           SELECT a.seq, a.case_id, a.prev_hash, a.hash, a.entry
           FROM json_to_recordset($1::json) AS a(seq bigint, case_id text, prev_hash text, hash text, entry text)`,
          [
            JSON.stringify(
              audit.slice(i, i + CHUNK).map((e) => ({
                seq: e.seq,
                case_id: e.caseId ?? null,
                prev_hash: e.prevHash,
                hash: e.hash,
                entry: JSON.stringify(e),
              })),
            ),
          ],
        );
      }
      const last = audit[audit.length - 1];
      await client.query('UPDATE av_head SET audit_seq = $1, last_hash = $2 WHERE id = 1', [
        last?.seq ?? 0,
        last?.hash ?? '',
      ]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }

    // The other side, opened as the bot opens it.
    const copy = await openPostgresStore(config.databaseUrl);
    try {
      const verified = await copy.verifyAudit();
      const copied = {
        cases: (await copy.allCases()).length,
        docs: await countDocs(copy, collections),
      };
      if (
        !verified.ok ||
        verified.entries !== audit.length ||
        copied.cases !== cases.length ||
        copied.docs !== docs.length
      )
        return {
          code: 1,
          output: `Kontrollen efter flytten stämmer inte (${verified.message}; ${copied.cases}/${cases.length} ärenden, ${copied.docs}/${docs.length} dokument). Töm databasen ${target} och försök igen.`,
        };
      return {
        code: 0,
        output: [
          `Flyttat från ${config.dataFile} till ${target}:`,
          `  ${cases.length} ärenden, ${docs.length} dokument (${collections.sort().join(', ') || 'inga'}),`,
          `  ${audit.length} granskningsposter. ${verified.message}`,
          `Sätt DATABASE_URL för boten och starta den. Behåll ${config.dataFile} med journalen som säkerhetskopia.`,
        ].join('\n'),
      };
    } finally {
      await copy.close();
    }
  } finally {
    await pool.end().catch(() => undefined);
    await source.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrateStore(process.argv.slice(2)).then(
    ({ code, output }) => {
      (code === 0 ? console.log : console.error)(output);
      process.exit(code);
    },
    (err: Error) => {
      console.error(`Flytten misslyckades: ${err.name} ${(err as { code?: string }).code ?? ''}. Inget har flyttats.`);
      process.exit(1);
    },
  );
}

/** How many documents these collections hold. */
async function countDocs(store: Store, collections: readonly string[]): Promise<number> {
  let n = 0;
  for (const c of collections) n += (await store.listDocs(c)).length;
  return n;
}
