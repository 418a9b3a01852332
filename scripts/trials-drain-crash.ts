// `npm run trials:drain-crash`: kill -9 the bot at a random point while its outbox drains, restart
// it, and count what the Bot Connector stand-in received twice (and what never arrived). Each trial:
// a data file with MESSAGES queued texts over 20 channels, the bot started on it as a real process,
// SIGKILL once a random number of them arrived, a restart on the same file, and a wait until every
// text arrived and nothing more comes.
//
//   TRIALS=50 MESSAGES=200 LATENCY_MS=0 npm run trials:drain-crash
//   BOT_CMD="node /path/dist/main.js" ...   another build of the bot (e.g. an older version, compiled)
//
// Prints one line per trial and a summary: sent, duplicates (per trial: at most the sends in flight
// at the instant of the kill: OUTBOX_CONCURRENCY, 4 by default), lost (must be 0). With a slow
// connector (LATENCY_MS=300) every kill finds four sends in flight, so each trial repeats four.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONVERSATIONS } from '../src/app/conversations.js';
import { enqueue } from '../src/outbox/messages.js';
import { openLowdbStore } from '../src/store/lowdbStore.js';
import type { DocWrite } from '../src/store/port.js';
import { ConnectorStandIn } from '../test/support/connector.js';
import { BOT, TENANT } from '../test/support/teams.js';

const ROOT = join(import.meta.dirname, '..');
const TRIALS = Number(process.env.TRIALS ?? 50);
const MESSAGES = Number(process.env.MESSAGES ?? 200);
const CHANNELS = 20;
const [cmd, ...cmdArgs] = (process.env.BOT_CMD ?? `${process.execPath} --import tsx src/main.ts`).split(' ');

const connector = await new ConnectorStandIn().start();
connector.latencyMs = Number(process.env.LATENCY_MS ?? 0);

async function seed(dataFile: string, trial: number): Promise<void> {
  const store = await openLowdbStore(dataFile);
  const docs: DocWrite[] = [];
  for (let c = 0; c < CHANNELS; c++) {
    const id = `19:trial-${trial}-${c}@thread.tacv2`;
    docs.push({
      collection: CONVERSATIONS,
      id: `channel:${id}`,
      value: {
        key: `channel:${id}`,
        kind: 'channel',
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          bot: BOT,
          conversation: { id, conversationType: 'channel', tenantId: TENANT, isGroup: true },
        },
        serviceUrl: connector.url,
        active: true,
        updatedAt: '',
        version: 1,
      },
    });
  }
  for (let i = 0; i < MESSAGES; i++)
    docs.push(
      enqueue(
        new Date(),
        { kind: 'conversation', key: `channel:19:trial-${trial}-${i % CHANNELS}@thread.tacv2` },
        { kind: 'text', text: `trial ${trial} message ${i}` },
      ),
    );
  await store.commit({ docs });
  await store.close();
}

function start(dataFile: string): { child: ChildProcess; started: Promise<void>; exited: Promise<unknown> } {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('Microsoft') && !['NODE_ENV', 'INGEST_API_KEY'].includes(k)) env[k] = v;
  const child = spawn(cmd, cmdArgs, {
    cwd: ROOT,
    env: { ...env, PORT: '0', DATA_FILE: dataFile, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise((r) => child.on('exit', r));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (b) => {
      out += b;
      if (/Ärendevakt started/.test(out)) resolve();
    });
    child.stderr!.on('data', (b) => (out += b));
    void exited.then(() => reject(new Error(`exited before start: ${out.slice(-2000)}`)));
  });
  started.catch(() => undefined);
  return { child, started, exited };
}

const received = (trial: number) =>
  connector.cards().filter((c) => typeof c.text === 'string' && c.text.startsWith(`trial ${trial} `));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let totalSent = 0;
let totalDup = 0;
let totalLost = 0;
let worst = 0;
for (let t = 0; t < TRIALS; t++) {
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-trial-'));
  const dataFile = join(dir, 'db.json');
  await seed(dataFile, t);
  const killAt = 5 + Math.floor(Math.random() * (MESSAGES - 10));
  const first = start(dataFile);
  await first.started;
  while (received(t).length < killAt) await sleep(2);
  first.child.kill('SIGKILL');
  await first.exited;
  const atKill = received(t).length;
  const second = start(dataFile);
  await second.started;
  const deadline = Date.now() + 120_000;
  let last = -1;
  let quietSince = Date.now();
  for (;;) {
    const texts = received(t);
    const unique = new Set(texts.map((c) => c.text)).size;
    if (texts.length !== last) {
      last = texts.length;
      quietSince = Date.now();
    }
    if ((unique === MESSAGES && Date.now() - quietSince > 1_500) || Date.now() > deadline) break;
    await sleep(50);
  }
  second.child.kill('SIGTERM');
  await second.exited;
  const texts = received(t);
  const unique = new Set(texts.map((c) => c.text)).size;
  const dup = texts.length - unique;
  const lost = MESSAGES - unique;
  totalSent += texts.length;
  totalDup += dup;
  totalLost += lost;
  worst = Math.max(worst, dup);
  console.log(
    `trial ${t + 1}/${TRIALS}: killed after ${atKill} arrived; ${texts.length} received, ${dup} twice, ${lost} lost`,
  );
  rmSync(dir, { recursive: true, force: true });
}
await connector.stop();
console.log(
  `\n${TRIALS} trials, ${MESSAGES} messages each, connector latency ${connector.latencyMs} ms: ` +
    `${totalSent} received, ${totalDup} duplicates (at most ${worst} in one trial), ${totalLost} lost.`,
);
process.exit(totalLost === 0 ? 0 : 1);
