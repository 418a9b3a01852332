// Logs carry ids, never content: no free text, no childRef, no personnummer. Callers pass ids only.
// An error is logged by its class and code (errorFields), never by its message: the messages of
// serializers, parsers and botbuilder quote the values they failed on (see docs/privacy.md).
import pino from 'pino';

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { app: 'arendevakt' },
  redact: {
    paths: [
      'message',
      'err',
      'stack',
      '*.summary',
      '*.motivation',
      '*.reason',
      '*.text',
      '*.note',
      '*.childRef',
      '*.message',
    ],
    censor: '[borttaget]',
  },
});
export type Logger = typeof log;

/**
 * What may be logged about an error: its class, its code or HTTP status when it has one, and where
 * it was thrown (the stack's frames, which are file positions; the first line is the message and is
 * dropped).
 */
export function errorFields(err: unknown): { error: string; code?: string; status?: number; frames?: string[] } {
  if (!(err instanceof Error)) return { error: typeof err };
  const e = err as Error & { code?: unknown; statusCode?: unknown; status?: unknown };
  const code = typeof e.code === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(e.code) ? e.code : undefined;
  const status = [e.statusCode, e.status].find((s): s is number => typeof s === 'number');
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
    .map((l) => l.trim().replace(/\(?file:\/\/[^)]*\/(src|node_modules)\//, '($1/'));
  return {
    error: e.name || e.constructor?.name || 'Error',
    ...(code ? { code } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(frames.length ? { frames } : {}),
  };
}
