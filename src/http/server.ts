// The restify server: /api/messages for Teams, /livez /readyz /healthz for operations (./health.ts),
// and the feature routes (intake API...).
import type { Application } from '@microsoft/teams-ai/lib/Application.js';
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { ActivityTypes, INVOKE_RESPONSE_KEY, StatusCodes, TurnContext } from 'botbuilder';
import restify from 'restify';
import type { AppDeps } from '../app/context.js';
import { tenantOf } from '../bot/app.js';
import { noticeCard } from '../cards/simpleCards.js';
import { errorFields, log, requestContext } from '../log.js';
import { refreshBeforeRequest } from '../store/unitOfWork.js';
import { ActivityShape, MALFORMED_ACTIVITY } from './activityShape.js';
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
        // The shape first: nothing of a malformed activity reaches botbuilder, the bot or the store.
        const shape = ActivityShape.safeParse(req.body);
        if (!shape.success) {
          log.warn(
            { fields: [...new Set(shape.error.issues.map((i) => String(i.path[0] ?? '(roten)')))] },
            'malformed activity refused',
          );
          res.header('Cache-Control', 'no-store');
          res.json(400, MALFORMED_ACTIVITY);
          return;
        }
        // botbuilder answers its own failures with their message as the body: we answer instead,
        // with a fixed text (a 401 stays a 401, anything else of ours a 500 without details).
        let status = 200;
        let body: unknown;
        const captured = {
          status(code: number) {
            status = code;
            return captured;
          },
          send(b: unknown) {
            body = b;
            return captured;
          },
          header() {
            return captured;
          },
          end() {
            return captured;
          },
        };
        try {
          await opts.adapter.process(req, captured as unknown as restify.Response, async (ctx: TurnContext) => {
            log.info({ activityId: ctx.activity.id, type: ctx.activity.type }, 'activity');
            // Authenticated by now. No tenant, or another one: nothing of it is used or stored.
            const tenant = tenantOf(ctx.activity);
            if (!tenant || tenant !== deps.org.org.tenantId) {
              log.warn(
                { activityId: ctx.activity.id, tenant: tenant ?? '(ingen)' },
                'activity from another tenant ignored',
              );
              return;
            }
            await opts.bot.run(ctx);
            if (ctx.activity.type === ActivityTypes.Invoke && !ctx.turnState.get(INVOKE_RESPONSE_KEY))
              await answerUnknownInvoke(ctx);
          });
        } catch (err) {
          log.error(errorFields(err), 'activity failed');
          status = 500;
        }
        res.header('Cache-Control', 'no-store');
        if (status === StatusCodes.UNAUTHORIZED) res.json(401, { error: 'Saknar giltig token.' });
        else if (status >= 500)
          res.json(status === 501 ? 400 : 500, status === 501 ? MALFORMED_ACTIVITY : { error: 'Internt fel.' });
        else if (status >= 400) res.json(status, MALFORMED_ACTIVITY);
        else if (body !== undefined) res.json(status, body);
        else res.send(status);
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

/**
 * An invoke nobody handles (an action of an old card, a name Teams may add): a card press gets a
 * Swedish card saying the action is unknown, anything else a 400; never botbuilder's 501.
 */
async function answerUnknownInvoke(ctx: TurnContext): Promise<void> {
  log.info({ name: ctx.activity.name }, 'unknown invoke');
  const card = ctx.activity.name === 'adaptiveCard/action';
  await ctx.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: card
      ? {
          status: 200,
          body: {
            statusCode: 200,
            type: 'application/vnd.microsoft.card.adaptive',
            value: noticeCard(
              'Okänd åtgärd',
              'Kortet är gammalt eller knappen finns inte längre. Inget har ändrats.',
              'Attention',
            ),
          },
        }
      : { status: 400, body: MALFORMED_ACTIVITY },
  });
}
