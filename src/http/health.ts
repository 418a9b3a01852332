// Health for operations (docs/deploy.md): /livez (the process answers), /readyz (ready to take
// traffic: started, not shutting down, store writable, scheduler and outbox running) and /healthz
// (ok or degraded, with problem codes and counts; the number of open cases only with the intake key).
import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import type { AppDeps } from '../app/context.js';
import { collectProblems, type Problem, type ProblemCheck } from '../app/problems.js';
import { errorFields, log } from '../log.js';
import { sendJson } from './auth.js';

export type Phase = 'starting' | 'ready' | 'stopping';

export interface Readiness {
  phase: Phase;
  /** Each returns ok, or not with a reason code; absent parts (no scheduler) are left out. */
  parts: { name: string; health: () => Promise<PartHealth> | PartHealth }[];
}

type PartHealth = { ok: boolean; reason?: string; count?: number };

const PROBE = { collection: 'health', id: 'write-probe' };

/**
 * Store writability, proven by a small write through the Store port at most every `everyMs` (a
 * probe per request would be a write per poll); the last answer is kept between probes.
 */
export class WriteProbe {
  private last: { at: number; ok: boolean } | null = null;
  private pending: Promise<boolean> | null = null;

  constructor(
    private readonly deps: AppDeps,
    private readonly everyMs = 30_000,
  ) {}

  async writable(): Promise<boolean> {
    // A failure is probed again soon (2 s), so a disk that has space again shows as writable at once.
    const ttl = this.last?.ok ? this.everyMs : Math.min(this.everyMs, 2_000);
    if (this.last && Date.now() - this.last.at < ttl) return this.last.ok;
    this.pending ??= (async () => {
      let ok: boolean;
      try {
        // After a refused write the probe is as large as that write: a disk with room for a small
        // probe only is still too full for people's changes.
        const failed = this.deps.store.pendingWriteFailure?.();
        const value = { at: this.deps.now().toISOString(), ...(failed ? { pad: '.'.repeat(failed.bytes) } : {}) };
        const r = await this.deps.store.commit({ docs: [{ ...PROBE, value }] });
        ok = r.ok && !this.deps.store.pendingWriteFailure?.();
      } catch (err) {
        log.error(errorFields(err), 'store refuses writes');
        ok = false;
      }
      this.last = { at: Date.now(), ok };
      this.pending = null;
      return ok;
    })();
    return this.pending;
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

export interface HealthOptions {
  version: string;
  authenticated: boolean;
  readiness: Readiness;
  probe: WriteProbe;
  checks?: ProblemCheck[];
}

export function registerHealthRoutes(server: restify.Server, deps: AppDeps, opts: HealthOptions): void {
  const withKey = (req: restify.Request): boolean => {
    const key = deps.config.ingestApiKey;
    const m = /^Bearer +(\S+) *$/i.exec(String(req.headers.authorization ?? ''));
    return !!key && !!m && timingSafeEqual(sha256(m[1]), sha256(key));
  };

  server.get('/livez', async (_req, res) => sendJson(res, 200, { status: 'ok' }));

  server.get('/readyz', async (_req, res) => {
    const { phase, parts } = opts.readiness;
    if (phase !== 'ready') return sendJson(res, 503, { status: phase });
    const reasons = (await Promise.all(parts.map((p) => p.health())))
      .filter((h) => !h.ok)
      .map((h) => h.reason ?? 'not_ready');
    if (!(await opts.probe.writable())) reasons.push('store_not_writable');
    // The probe may have waited on the store while shutdown began.
    if (opts.readiness.phase !== 'ready') return sendJson(res, 503, { status: opts.readiness.phase });
    if (reasons.length) return sendJson(res, 503, { status: 'not_ready', reasons });
    return sendJson(res, 200, { status: 'ready' });
  });

  server.get('/healthz', async (req, res) => {
    const problems: Problem[] = await collectProblems(deps, opts.checks);
    if (opts.readiness.phase === 'ready') {
      for (const h of await Promise.all(opts.readiness.parts.map((p) => p.health())))
        if (!h.ok) problems.push({ code: h.reason ?? 'not_ready', count: h.count ?? 1 });
      if (!(await opts.probe.writable())) problems.push({ code: 'store_not_writable', count: 1 });
    }
    const body: Record<string, unknown> = {
      status: problems.length ? 'degraded' : 'ok',
      problems,
      version: opts.version,
      mode: opts.authenticated ? 'authenticated' : 'local',
      time: deps.now().toISOString(),
    };
    if (withKey(req)) {
      body.openCases = (await deps.store.openCases()).length;
    }
    sendJson(res, 200, body);
  });
}
