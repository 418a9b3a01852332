// The restify server: /api/messages for Teams, /healthz for operations, and the intake API.
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import restify from 'restify';
import type { AppDeps } from '../app/context.js';
import { healthProblems } from '../app/deliveries.js';
import { tenantOf } from '../bot/app.js';
import { errorFields, log } from '../log.js';

export interface ServerOptions {
  adapter: TeamsAdapter;
  bot: Application;
  version: string;
  authenticated: boolean;
  /** Extra routes (intake API, timeline) registered by their modules. */
  routes?: ((server: restify.Server) => void)[];
}

export function createServer(deps: AppDeps, opts: ServerOptions) {
  const server = restify.createServer({ name: 'arendevakt', handleUncaughtExceptions: false });
  let inFlight = 0;
  let idleResolvers: (() => void)[] = [];
  server.pre((req, res, next) => {
    inFlight++;
    res.once('finish', () => {
      inFlight--;
      if (inFlight === 0) idleResolvers.splice(0).forEach((r) => r());
    });
    res.once('close', () => {
      if (!res.writableFinished) {
        inFlight--;
        if (inFlight === 0) idleResolvers.splice(0).forEach((r) => r());
      }
    });
    return next();
  });

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }),
    async (req, res) => {
      await opts.adapter.process(req, res, async (ctx: TurnContext) => {
        const tenant = tenantOf(ctx.activity);
        if (tenant && tenant !== deps.org.org.tenantId) {
          log.warn({ activityId: ctx.activity.id, tenant }, 'activity from another tenant ignored');
          return;
        }
        await opts.bot.run(ctx);
      });
    },
  );

  server.get('/healthz', async (_req, res) => {
    try {
      let open = 0;
      for (const _ of deps.store.openCases()) open++;
      // Degraded while something is undeliverable or cannot be: codes and counts only (docs/deliveries.md).
      const problems = healthProblems(deps);
      res.json(200, {
        status: problems.length ? 'degraded' : 'ok',
        problems,
        version: opts.version,
        mode: opts.authenticated ? 'authenticated' : 'local',
        openCases: open,
        time: deps.now().toISOString(),
      });
    } catch (err) {
      log.error(errorFields(err), 'health check failed');
      res.json(503, { status: 'error', version: opts.version });
    }
  });

  for (const register of opts.routes ?? []) register(server);

  server.on('restifyError', (req, res, err, cb) => {
    // Never err.message: restify's body parser quotes what it could not parse ("Invalid JSON: …
    // <the body>"), in the log and in the answer. Both get the class and a fixed Swedish text.
    // The route's pattern, not the path: a path can hold a reference someone typed.
    const route = (req.getRoute?.() as { path?: unknown } | undefined)?.path;
    log.error(
      { method: req.method, route: typeof route === 'string' ? route : '(okänd)', ...errorFields(err) },
      'request failed',
    );
    const code = (err as { body?: { code?: string } }).body?.code ?? 'Error';
    const safe = { code, message: 'Begäran kunde inte tolkas.' };
    Object.assign(err, { toJSON: () => safe, toString: () => `${code}: ${safe.message}` });
    return cb();
  });

  return {
    server,
    /** Resolves when no request is being handled. */
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => idleResolvers.push(r))),
  };
}
