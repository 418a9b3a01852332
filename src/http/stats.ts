// GET /api/stats?month=ÅÅÅÅ-MM[&groupId=…][&format=json|csv]: the month's compliance figures for the
// nämnd and for IVO (docs/stats.md), behind the intake API's bearer key. CSV when asked by format=csv
// or by an Accept header that prefers text/csv. A bad query is a 400 with Swedish details that name the
// field and never repeat the value sent.
import type restify from 'restify';
import type { AppDeps } from '../app/context.js';
import { log } from '../log.js';
import { statsCsv, statsExport } from '../stats/export.js';
import { checkStatsQuery, monthStats } from '../stats/query.js';
import { bearerGate, sendJson } from './auth.js';
import type { RateLimitOptions } from './rateLimit.js';

const KNOWN = new Set(['month', 'groupId', 'format']);

/** csv when format says so, or (without format) when the Accept header names text/csv before JSON. */
function wantsCsv(format: string | null, accept: string | undefined): boolean {
  if (format !== null) return format === 'csv';
  const types = (accept ?? '')
    .split(',')
    .map((p) => p.split(';')[0].trim().toLowerCase())
    .filter(Boolean);
  const csv = types.indexOf('text/csv');
  const json = types.findIndex((t) => t === 'application/json' || t === '*/*');
  return csv >= 0 && (json < 0 || csv < json);
}

export function registerStatsRoutes(
  server: restify.Server,
  deps: AppDeps,
  opts: { apiKey?: string; rateLimit?: RateLimitOptions } = {},
): void {
  const admit = bearerGate(opts.apiKey ?? deps.config.ingestApiKey, opts.rateLimit);
  server.get('/api/stats', async (req: restify.Request, res: restify.Response) => {
    try {
      if (!admit(req, res)) return;
      const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const issues: { path: string; message: string }[] = [];
      if ([...params.keys()].some((k) => !KNOWN.has(k)))
        issues.push({ path: 'query', message: 'Okänd parameter: använd month, groupId och format.' });
      for (const k of KNOWN)
        if (params.getAll(k).length > 1) issues.push({ path: k, message: 'Ange parametern en gång.' });
      const month = params.get('month');
      if (month === null) issues.push({ path: 'month', message: 'Ange månaden som month=ÅÅÅÅ-MM, t.ex. 2026-11.' });
      const format = params.get('format');
      if (format !== null && format !== 'json' && format !== 'csv')
        issues.push({ path: 'format', message: 'Ska vara json eller csv.' });
      const q = checkStatsQuery(deps, {
        ...(month !== null ? { month } : {}),
        ...(params.get('groupId') !== null ? { groupId: params.get('groupId')! } : {}),
      });
      if (!q.ok) issues.push(...q.issues.filter((i) => !(i.path === 'month' && month === null)));
      if (issues.length || !q.ok) {
        sendJson(res, 400, { error: 'Ogiltig fråga.', issues });
        return;
      }
      const body = statsExport((await monthStats(deps, [q.month]))[0], q.groupId);
      if (!wantsCsv(format, req.headers.accept)) {
        sendJson(res, 200, body);
        return;
      }
      const csv = statsCsv(body);
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="statistik-${q.month}${q.groupId ? `-${q.groupId}` : ''}.csv"`,
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(csv, 'utf8'),
      });
      res.end(csv);
    } catch (err) {
      log.error({ route: 'GET /api/stats', error: (err as Error).name }, 'stats request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Internt fel.' });
    }
  });
}
