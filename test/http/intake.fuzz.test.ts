// Fuzz the intake API with a few thousand random and malformed requests (bodies, headers, methods,
// paths, raw bytes on the socket): never a 5xx, never a crash, and nothing stored except what was
// answered 201. Bounded: a fixed number of runs and a time limit.
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../src/outbox/messages.js';
import { registerIntakeRoutes } from '../../src/http/intake.js';
import { report, startTestBot, type TestBot } from '../support/bot.js';
import { raw } from './client.js';

const KEY = 'fuzz-intake-key-0123456789abcdef';
const NOW = new Date('2026-11-20T10:00:00+01:00');

const headerText = fc.string({
  unit: fc.constantFrom(
    ..." !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~",
  ),
  maxLength: 60,
});
const authorization = fc.oneof(
  { arbitrary: fc.constant(`Bearer ${KEY}`), weight: 8 },
  fc.constant(undefined),
  headerText,
  headerText.map((s) => `Bearer ${s}`),
  fc.constant(`bearer ${KEY} extra`),
);
const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 8 },
  fc.constant('application/json; charset=utf-8'),
  fc.constant('application/vnd.api+json'),
  fc.constant(undefined),
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/jsonx',
  ),
  headerText,
);
const extraHeaders = fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerText, { maxKeys: 4 });

/** A valid report with one field broken or replaced by anything. */
const mutatedReport = fc
  .tuple(
    fc.constantFrom(
      'externalId',
      'receivedAt',
      'groupId',
      'childRef',
      'reporter',
      'concerns',
      'summary',
      '__proto__',
      'constructor',
      'extra',
    ),
    fc.anything({ maxDepth: 3 }),
    fc.integer({ min: 0, max: 1_000_000 }),
  )
  .map(([field, value, n]) => {
    const r: Record<string, unknown> = { ...report({ externalId: `FUZZ-${n}`, childRef: `B-FUZZ-${n}` }) };
    r[field] = value;
    return JSON.stringify(r) ?? '';
  });
const body = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  mutatedReport,
  mutatedReport,
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  fc.constantFrom(
    '',
    '{',
    '{"externalId":',
    '[]',
    'null',
    '{"__proto__":{"polluted":1}}',
    '\uFEFF{}',
    '{"a":'.repeat(500),
  ),
);
const method = fc.oneof(
  { arbitrary: fc.constant('POST'), weight: 10 },
  fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH'),
);
const path = fc.oneof(
  { arbitrary: fc.constant('/api/reports'), weight: 10 },
  fc.constant('/api/cases'),
  headerText.map((s) => `/api/cases/${encodeURIComponent(s)}`),
  headerText.map((s) => `/api/cases?groupId=${encodeURIComponent(s)}&state=${encodeURIComponent(s)}`),
  fc.constantFrom(
    '/api/reports?x=1',
    '/api/reports/',
    '/api/cases/%',
    '/api/cases/..%2F..%2Fetc',
    '/api/cases?state=overdue&state=open',
  ),
);

describe('fuzzing the intake API', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({
      now: () => NOW,
      routes: [
        (s, d) =>
          registerIntakeRoutes(s, d, {
            apiKey: KEY,
            rateLimit: { burst: 100_000, perMinute: 6_000_000 },
            failedAuthLimit: { burst: 100_000, perMinute: 6_000_000 },
          }),
      ],
    });
    await t.running.drain.stop();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers thousands of random requests without a 5xx and stores only what it answered 201', async () => {
    const created = new Set<string>();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        method,
        path,
        authorization,
        contentType,
        extraHeaders,
        body,
        async (m, p, auth, ct, extra, b) => {
          const headers: Record<string, string> = {
            ...extra,
            ...(auth !== undefined ? { authorization: auth } : {}),
            ...(ct !== undefined ? { 'content-type': ct } : {}),
          };
          const withBody = m !== 'GET' && m !== 'DELETE';
          const r = await raw(t.url, m, p, { headers, ...(withBody ? { body: b } : {}) });
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          expect(r.status).toBeGreaterThanOrEqual(200);
          expect(r.status).toBeLessThan(500);
          if (r.status === 201) created.add(r.json.externalId);
        },
      ),
      { numRuns: 3000, interruptAfterTimeLimit: 60_000, seed: 20261120 },
    );
    // Nothing stored but what was acknowledged, and no message queued for anything else.
    const stored = [...(await t.deps.store.allCases())].map((c) => c.id).sort();
    expect(stored).toEqual([...created].sort());
    const queuedFor = new Set(
      (await t.deps.store.listDocs<OutboxMessage>('outbox')).map(
        (o) =>
          (o.content as { caseId?: string; data?: { caseId?: string } }).caseId ??
          (o.content as { data?: { caseId?: string } }).data?.caseId,
      ),
    );
    for (const id of queuedFor) expect(created.has(id!)).toBe(true);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(401) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(415) ?? 0).toBeGreaterThan(50);
    expect((await t.deps.store.verifyAudit()).ok).toBe(true);
  }, 120_000);

  it('survives raw garbage on the socket and still answers afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 400 }).map((a) => Buffer.from(a)),
          fc
            .string({ maxLength: 200 })
            .map((s) => Buffer.from(`POST /api/reports HTTP/1.1\r\nHost: x\r\n${s}\r\n\r\n`)),
          fc
            .integer({ min: 0, max: 1_000_000 })
            .map((n) =>
              Buffer.from(
                `POST /api/reports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${n}\r\n`,
              ),
            ),
        ),
        async (bytes) => {
          const reply = await new Promise<string>((resolve) => {
            const s = connect(Number(new URL(t.url).port), '127.0.0.1');
            let got = '';
            s.on('data', (d) => (got += d.toString('latin1')));
            s.on('error', () => resolve(got));
            s.on('close', () => resolve(got));
            s.setTimeout(300, () => s.destroy());
            s.end(bytes);
          });
          const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1];
          if (status) expect(Number(status)).toBeLessThan(500);
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 30_000, seed: 7 },
    );
    const ok = await raw(t.url, 'GET', '/api/cases', { headers: { authorization: `Bearer ${KEY}` } });
    expect(ok.status).toBe(200);
  }, 60_000);
});
