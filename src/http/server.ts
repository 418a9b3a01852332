// The restify server: /api/messages for Teams, /livez /readyz /healthz for operations (./health.ts),
// and the feature routes (intake API...).
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import restify from 'restify';
import type { AppDeps } from '../app/context.js';
import { tenantOf } from '../bot/app.js';
import { errorFields, log, requestContext } from '../log.js';
import { refreshBeforeRequest } from '../store/unitOfWork.js';
import { registerHealthRoutes, type HealthOptions } from './health.js';

export interface ServerOptions {
  adapter: TeamsAdapter;
  bot: Application;
  version: string;
  authenticated: boolean;
  /** Extra routes (intake API, timeline) registered by their modules. */
  routes?: ((server: restify.Server) => void)[];
  health: Omit<HealthOptions, 'version' | 'authenticated'>;
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
  server.pre(refreshBeforeRequest(deps.store)); // several instances: read what the others committed

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }),
    async (req, res) =>
      // One request id per activity: every log line written while handling it carries it.
      requestContext.run({ reqId: req.getId() }, async () => {
        await opts.adapter.process(req, res, async (ctx: TurnContext) => {
          log.info({ activityId: ctx.activity.id, type: ctx.activity.type }, 'activity');
          const tenant = tenantOf(ctx.activity);
          if (tenant && tenant !== deps.org.org.tenantId) {
            log.warn({ activityId: ctx.activity.id, tenant }, 'activity from another tenant ignored');
            return;
          }
          await opts.bot.run(ctx);
        });
      }),
  );

  registerHealthRoutes(server, deps, { ...opts.health, version: opts.version, authenticated: opts.authenticated });

  for (const register of opts.routes ?? []) register(server);

  // Internet noise (404, 405) at info, other refusals (4xx) at warn; error only for our own failures.
  server.on('restifyError', (req, res, err, cb) => {
    // Never err.message: restify's body parser quotes what it could not parse ("Invalid JSON: …
    // <the body>"), in the log and in the answer. Both get the class and a fixed Swedish text.
    // The route's pattern, not the path: a path can hold a reference someone typed.
    const route = (req.getRoute?.() as { path?: unknown } | undefined)?.path;
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    const level = status === 404 || status === 405 ? 'info' : status < 500 ? 'warn' : 'error';
    log[level](
      {
        reqId: req.getId(),
        method: req.method,
        route: typeof route === 'string' ? route : '(okänd)',
        status,
        ...errorFields(err),
      },
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
