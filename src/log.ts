// Logs carry ids, never content: no free text, no childRef, no personnummer. Callers pass ids only.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/** The request id of the HTTP request (one Teams activity) being handled: on every line it logs. */
export const requestContext = new AsyncLocalStorage<{ reqId: string }>();

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { app: 'arendevakt' },
  mixin: () => {
    const c = requestContext.getStore();
    return c ? { reqId: c.reqId } : {};
  },
  redact: { paths: ['*.summary', '*.motivation', '*.reason', '*.text', '*.note', '*.childRef'], censor: '[borttaget]' },
});
export type Logger = typeof log;
