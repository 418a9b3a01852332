// One bot instance for the multi-instance tests: the real composition root (startBot) on the
// PostgreSQL database in DATABASE_URL, at the business time NOW when given (the schedules then run
// on that clock). Prints "listening <port>"; a line "tick" on stdin runs the schedules and prints
// "ticked claimed=<ids>"; SIGTERM stops it as the server does (requests, writes, drain finished).
import { createInterface } from 'node:readline';
import type { Config } from '../../src/config.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { startBot } from '../../src/main.js';
import { EXAMPLE_ORG } from '../support/bot.js';

const now = process.env.NOW;
const config: Config = {
  port: 0,
  dataFile: '/nonexistent/unused.json',
  databaseUrl: process.env.DATABASE_URL!,
  orgFile: 'test',
  org: EXAMPLE_ORG,
  rules: DEFAULT_RULES,
  ...(process.env.INGEST_API_KEY ? { ingestApiKey: process.env.INGEST_API_KEY } : {}),
  production: false,
  morningListTime: '07:45',
  plannedLeaveHandoverDays: 3,
  logLevel: 'silent',
};
const running = await startBot(config, {
  ...(now ? { now: () => new Date(now) } : {}),
  drainOptions: { backoffBaseMs: 20 },
  scheduler: { cron: false },
});
process.stdout.write(`listening ${running.port}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'tick') return;
  void running.scheduler!.tick().then((r) => process.stdout.write(`ticked claimed=${r.claimed.join(',')}\n`));
});
process.once('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
