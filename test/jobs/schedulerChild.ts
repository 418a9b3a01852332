// A bot process for the crash test: the real composition root (startBot) with the real scheduler on
// a data file, at a fixed business time. With a claim prefix it kills itself with SIGKILL the moment
// such a claim is durable: the list is claimed and queued, nothing is sent yet.
// Usage: node --import tsx schedulerChild.ts <dataFile> <nowIso> [killOnClaimPrefix]
import type { Config } from '../../src/config.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { startBot } from '../../src/main.js';
import { EXAMPLE_ORG } from '../support/bot.js';

const [dataFile, nowIso, killOn] = process.argv.slice(2);
const config: Config = {
  port: 0,
  dataFile,
  orgFile: 'test',
  org: EXAMPLE_ORG,
  rules: DEFAULT_RULES,
  production: false,
  morningListTime: '07:45',
  plannedLeaveHandoverDays: 3,
  logLevel: 'silent',
};
const running = await startBot(config, {
  now: () => new Date(nowIso),
  drainOptions: { backoffBaseMs: 20 },
  scheduler: {
    cron: false,
    onClaimed: (id) => {
      if (killOn && id.startsWith(killOn)) {
        process.stdout.write(`claimed ${id}\n`);
        process.kill(process.pid, 'SIGKILL');
      }
    },
  },
});
// The catch-up tick started with the bot; a second tick waits for it and finds nothing new.
const report = await running.scheduler!.tick();
await running.drain.idle();
process.stdout.write(`done claimed=${report.claimed.join(',')}\n`);
await running.stop();
process.exit(0);
