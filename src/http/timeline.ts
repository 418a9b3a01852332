// GET /api/cases/{externalId}/timeline[?format=csv]: a case's history (who, what, when, why) from the
// audit log, with the hash chain verified and the result stated, behind the intake API's bearer key.
import type restify from 'restify';
import type { AppDeps } from '../app/context.js';
import { caseTimeline, childTimeline, timelineCsv } from '../app/timeline.js';
import { log } from '../log.js';
import { bearerGate, sendJson } from './auth.js';
import type { RateLimitOptions } from './rateLimit.js';

export function registerTimelineRoutes(
  server: restify.Server,
  deps: AppDeps,
  opts: { apiKey?: string; rateLimit?: RateLimitOptions } = {},
): void {
  const admit = bearerGate(
    opts.apiKey ?? deps.config.ingestApiKey,
    opts.rateLimit ?? deps.config.rateLimits?.reads ?? { burst: 120, perMinute: 600 },
  );
  server.get('/api/cases/:externalId/timeline', async (req: restify.Request, res: restify.Response) => {
    try {
      if (!admit(req, res)) return;
      const id = String(req.params?.externalId ?? '');
      const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format') ?? 'json';
      if (format !== 'json' && format !== 'csv') {
        sendJson(res, 400, {
          error: 'Ogiltig fråga.',
          issues: [{ path: 'format', message: 'Ska vara json eller csv.' }],
        });
        return;
      }
      const scope = new URL(req.url ?? '/', 'http://localhost').searchParams.get('scope') ?? 'case';
      if (scope !== 'case' && scope !== 'child') {
        sendJson(res, 400, {
          error: 'Ogiltig fråga.',
          issues: [{ path: 'scope', message: 'Ska vara case eller child.' }],
        });
        return;
      }
      // scope=child: every case about the same child, as one story (docs/family.md).
      const t = scope === 'child' ? await childTimeline(deps, id) : await caseTimeline(deps, id);
      if (!t) {
        sendJson(res, 404, { error: 'Ärendet finns inte.' });
        return;
      }
      if (!t.audit.ok) log.error({ caseId: id, firstBadSeq: t.audit.firstBadSeq }, 'audit chain broken');
      if (format === 'json') {
        sendJson(res, 200, t);
        return;
      }
      const body = timelineCsv(t);
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="historik-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv"`,
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(body, 'utf8'),
      });
      res.end(body);
    } catch (err) {
      log.error(
        { route: 'GET /api/cases/:externalId/timeline', error: (err as Error).name },
        'timeline request failed',
      );
      if (!res.headersSent) sendJson(res, 500, { error: 'Internt fel.' });
    }
  });
}
