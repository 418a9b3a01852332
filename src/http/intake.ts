// The intake API (docs/contract.md): POST /api/reports, GET /api/cases/{externalId}, GET /api/cases?...
// Checks in this order, each before any work the next one needs: enabled (503), key (401), rate
// (429, writes and reads on budgets of their own), size by header (413), content type (415), size
// by bytes (413), JSON (400), the report (400). An error never repeats what was sent; logs carry ids and field names, never content.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import { caseForApi, findCase, LIST_STATES, listCases, type ListState } from '../app/caseQueries.js';
import type { AppDeps } from '../app/context.js';
import { ingestReport, issuesOf } from '../app/ingestReport.js';
import { log } from '../log.js';
import { StoreWriteError } from '../store/durableFile.js';
import { TokenBuckets, type RateLimitOptions } from './rateLimit.js';

export const MAX_BODY_BYTES = 64 * 1024;

export interface IntakeOptions {
  /** The bearer key; defaults to deps.config.ingestApiKey (INGEST_API_KEY). None: the API answers 503. */
  apiKey?: string;
  /** The budget of POST /api/reports per key (INGEST_RATE_PER_MINUTE, INGEST_RATE_BURST). */
  rateLimit?: RateLimitOptions;
  /**
   * The budget of the reads (GET /api/cases...) per key, apart from intake's, so a dashboard that
   * polls never uses up what a case-management system catching up needs (READ_RATE_*).
   */
  readRateLimit?: RateLimitOptions;
  /** Failed key attempts per client address before they get 429 instead of 401. */
  failedAuthLimit?: RateLimitOptions;
}

/** A case-management system catching up after an outage sends hundreds at once. */
const DEFAULT_RATE: RateLimitOptions = { burst: 300, perMinute: 600 };
const DEFAULT_READ_RATE: RateLimitOptions = { burst: 120, perMinute: 600 };
const DEFAULT_FAILED_AUTH: RateLimitOptions = { burst: 30, perMinute: 30 };

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest();

type Res = restify.Response;

function send(res: Res, status: number, body: unknown, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.header(k, v);
  res.header('Cache-Control', 'no-store');
  res.json(status, body);
}

/** Read the body up to `max` bytes; past that, keep draining (so the client sees our answer) but keep nothing. */
function readBody(req: IncomingMessage, max: number): Promise<{ tooLarge: boolean; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        tooLarge = true;
        chunks.length = 0;
        if (size > 64 * max) req.destroy(); // someone is streaming without end: stop listening
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve({ tooLarge, body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks) }));
    req.on('error', reject);
    req.on('close', () => resolve({ tooLarge, body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks) }));
  });
}

/** application/json or application/<something>+json, optionally with charset=utf-8. */
function isJsonType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false;
  for (const p of params) {
    const [k, v] = p.split('=').map((x) => x?.trim().replace(/^"|"$/g, ''));
    if (k === 'charset' && v !== 'utf-8' && v !== 'utf8') return false;
  }
  return true;
}

export function registerIntakeRoutes(server: restify.Server, deps: AppDeps, opts: IntakeOptions = {}): void {
  const apiKey = opts.apiKey ?? deps.config.ingestApiKey;
  const keyHash = apiKey ? sha256(apiKey) : undefined;
  const writes = new TokenBuckets(opts.rateLimit ?? deps.config.rateLimits?.intake ?? DEFAULT_RATE);
  const reads = new TokenBuckets(
    opts.readRateLimit ?? opts.rateLimit ?? deps.config.rateLimits?.reads ?? DEFAULT_READ_RATE,
  );
  const failures = new TokenBuckets(opts.failedAuthLimit ?? DEFAULT_FAILED_AUTH);

  /** The gate every intake route passes: enabled, key, rate. True when the request may go on. */
  function admit(req: restify.Request, res: Res, buckets = writes): boolean {
    if (!keyHash) {
      send(res, 503, { error: 'Intag via API är avstängt: INGEST_API_KEY är inte satt på servern.' });
      return false;
    }
    const auth = req.headers.authorization;
    const m = typeof auth === 'string' ? /^Bearer +(\S+) *$/i.exec(auth) : null;
    // Compare hashes of equal length in constant time: neither the key nor its length leaks.
    if (!m || !timingSafeEqual(sha256(m[1]), keyHash)) {
      // Someone guessing keys from one address is slowed down; the right key is never affected.
      const f = failures.take(req.socket.remoteAddress ?? 'unknown');
      if (!f.ok) {
        send(
          res,
          429,
          { error: 'För många misslyckade försök. Försök igen om en stund.' },
          { 'Retry-After': String(f.retryAfterSeconds) },
        );
        return false;
      }
      send(
        res,
        401,
        { error: 'Saknar giltig API-nyckel (Authorization: Bearer …).' },
        { 'WWW-Authenticate': 'Bearer' },
      );
      return false;
    }
    const t = buckets.take(keyHash.toString('hex'));
    if (!t.ok) {
      send(
        res,
        429,
        { error: 'För många anrop. Försök igen om en stund.' },
        { 'Retry-After': String(t.retryAfterSeconds) },
      );
      return false;
    }
    return true;
  }

  async function guarded(res: Res, what: string, fn: () => Promise<void> | void): Promise<void> {
    try {
      await fn();
    } catch (err) {
      log.error({ route: what, error: (err as Error).name }, 'intake request failed');
      if (res.headersSent) return;
      // The store refused the write (a full disk): nothing was saved; the sender retries later.
      if (err instanceof StoreWriteError) send(res, 503, { error: err.message }, { 'Retry-After': '30' });
      else send(res, 500, { error: 'Internt fel. Anmälan sparades inte; försök igen.' });
    }
  }

  server.post('/api/reports', async (req: restify.Request, res: Res) => {
    await guarded(res, 'POST /api/reports', async () => {
      if (!admit(req, res)) return;
      const declared = req.headers['content-length'];
      if (declared !== undefined && !(Number(declared) <= MAX_BODY_BYTES)) {
        send(res, 413, { error: `Anmälan är för stor (högst ${MAX_BODY_BYTES / 1024} KiB).` }, { Connection: 'close' });
        return;
      }
      if (!isJsonType(req.headers['content-type'])) {
        send(res, 415, { error: 'Anmälan ska skickas som JSON (Content-Type: application/json).' });
        return;
      }
      const { tooLarge, body } = await readBody(req, MAX_BODY_BYTES);
      if (tooLarge) {
        send(res, 413, { error: `Anmälan är för stor (högst ${MAX_BODY_BYTES / 1024} KiB).` }, { Connection: 'close' });
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
      } catch {
        send(res, 400, { error: 'Kroppen är inte giltig JSON i UTF-8.' });
        return;
      }
      const r = await ingestReport(deps, parsed);
      switch (r.status) {
        case 201:
        case 200:
          log.info(
            { externalId: r.case.id, groupId: r.case.groupId, status: r.status },
            r.status === 201 ? 'report registered' : 'report already registered',
          );
          send(res, r.status, caseForApi(deps, r.case, { withSummary: true }));
          return;
        case 409:
          log.info({ externalId: r.case?.id, status: 409 }, 'report conflicts with the stored one');
          send(res, 409, { error: r.message, ...(r.case ? { externalId: r.case.id, version: r.case.version } : {}) });
          return;
        default:
          log.info({ status: r.status, fields: Object.keys(r.refusal.fields ?? {}) }, 'report refused');
          send(res, 400, { error: r.refusal.message, issues: issuesOf(r.refusal) });
      }
    });
  });

  server.get('/api/cases/:externalId', async (req: restify.Request, res: Res) => {
    await guarded(res, 'GET /api/cases/:externalId', async () => {
      if (!admit(req, res, reads)) return;
      const id = String(req.params?.externalId ?? '');
      const c = await findCase(deps, id);
      if (!c) send(res, 404, { error: 'Ärendet finns inte.' });
      else send(res, 200, c);
    });
  });

  server.get('/api/cases', async (req: restify.Request, res: Res) => {
    await guarded(res, 'GET /api/cases', async () => {
      if (!admit(req, res, reads)) return;
      const q = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const issues: { path: string; message: string }[] = [];
      const groupId = q.get('groupId') ?? undefined;
      const state = (q.get('state') ?? 'open') as ListState;
      if (groupId !== undefined && !deps.org.group(groupId))
        issues.push({ path: 'groupId', message: 'Gruppen finns inte i organisationen.' });
      if (!LIST_STATES.includes(state))
        issues.push({ path: 'state', message: 'Ska vara open, unassigned eller overdue.' });
      if (issues.length) {
        send(res, 400, { error: 'Ogiltig fråga.', issues });
        return;
      }
      const cases = await listCases(deps, { ...(groupId ? { groupId } : {}), state });
      send(res, 200, { groupId: groupId ?? null, state, count: cases.length, cases });
    });
  });

  // main.ts says so when it is disabled (one line at start); here only that it is on.
  if (keyHash) log.info('Intake API enabled at /api/reports and /api/cases');
}
