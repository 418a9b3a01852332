// Logs carry ids, never content: no free text, no childRef, no personnummer. Callers pass ids only.
import pino from 'pino';

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { app: 'arendevakt' },
  redact: { paths: ['*.summary', '*.motivation', '*.reason', '*.text', '*.note', '*.childRef'], censor: '[borttaget]' },
});
export type Logger = typeof log;
