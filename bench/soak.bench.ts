// Memory of the bot as a real process (issue 13, "memory stays flat"): the server started on a data
// file with 50,000 stored cases (5,000 open), then a mixed soak over HTTP for SOAK_SECONDS (default
// 600): messages and card commands over the Teams protocol (answered at a Bot Connector stand-in),
// new reports through the intake API, case lists and timelines through the read API. The process's
// RSS (VmRSS in /proc) is sampled every 5 s. Run alone with `npm run bench -- soak`
// (`SOAK_SECONDS=60 npm run bench -- soak` for a quick look). The bot runs from `npm run build`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Staff } from '../src/domain/schemas.js';
import { ConnectorStandIn } from '../test/support/connector.js';
import * as teams from '../test/support/teams.js';
import type { BenchRow } from './row.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const KEY = 'soak-bench-intake-key-only-for-this-run';
const AIM_MB = 250;
/**
 * The heap cap docs/deploy.md recommends for up to 50,000 stored cases. Without it V8 lets garbage
 * pile up far past what it needs on a machine with much memory (RSS ~420 MB after two minutes here,
 * falling again only under pressure); with it RSS stays flat. 160 MB: the soak ends at ~246 MB RSS
 * (192 MB: ~258 MB) with no request refused (10-minute soak, 50,000 stored).
 * SOAK_NODE_FLAGS='' measures without a cap.
 */
const NODE_FLAGS = process.env.SOAK_NODE_FLAGS ?? '--max-old-space-size=160';

/** The example organisation's staff (store.bench.ts seeds cases owned by 10–21). */
const staff = (n: number, role: Staff['role'] = 'caseworker'): Staff => ({
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name: `Bench ${n}`,
  role,
  groups: ['barn-mottagning'],
});

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export async function benchSoak(opts: { seconds?: number; stored?: number; open?: number } = {}): Promise<BenchRow[]> {
  const seconds = opts.seconds ?? Number(process.env.SOAK_SECONDS ?? 600);
  const stored = opts.stored ?? 50_000;
  const open = opts.open ?? 5_000;
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-bench-soak-'));
  const dataFile = join(dir, 'db.json');
  const connector = await new ConnectorStandIn().start();
  const seeded = spawnSync(
    'npx',
    ['tsx', join(ROOT, 'bench/store.bench.ts'), '--seed', dataFile, String(stored), String(open)],
    { encoding: 'utf8', cwd: ROOT },
  );
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);

  // As production runs it (`npm run start:prod`): the compiled build, not tsx, whose transpiler and
  // source maps would add ~60 MB that no deployment carries.
  const built = spawnSync('npm', ['run', 'build'], { encoding: 'utf8', cwd: ROOT });
  if (built.status !== 0) throw new Error(`build failed: ${built.stdout}${built.stderr}`);
  const child = spawn(process.execPath, [...NODE_FLAGS.split(' ').filter(Boolean), 'dist/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: '0',
      DATA_FILE: dataFile,
      LOG_LEVEL: 'info',
      INGEST_API_KEY: KEY,
      // An operator expecting this traffic raises the budgets (docs/intake-api.md).
      INGEST_RATE_PER_MINUTE: '60000',
      INGEST_RATE_BURST: '1000',
      READ_RATE_PER_MINUTE: '60000',
      READ_RATE_BURST: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b;
      const m = /Ärendevakt started.*"port":(\d+)/.exec(out) ?? /"port":(\d+).*Ärendevakt started/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`bot exited ${code}: ${out.slice(-2000)}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const pid = child.pid!;
  const auth = { authorization: `Bearer ${KEY}` };
  let requests = 0;
  let errors = 0;
  const call = async (path: string, init: RequestInit = {}) => {
    requests++;
    const r = await fetch(`${url}${path}`, init);
    await r.arrayBuffer();
    if (r.status >= 400) errors++;
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  try {
    await sleep(2_000);
    const afterStart = rssMb(pid);
    const lead = staff(31, 'unit_manager');
    const people = Array.from({ length: 12 }, (_, i) => staff(10 + i));
    let i = 0;
    const one = async () => {
      const who = people[i % people.length];
      const id = `IFO-BENCH-${String((i * 7919) % stored).padStart(6, '0')}`;
      await post('/api/messages', teams.message(connector.url, who, i % 2 ? 'mina ärenden' : 'hjälp', teams.personal));
      await post('/api/messages', teams.message(connector.url, lead, `ärende ${id}`, teams.personal));
      await call(`/api/cases/${encodeURIComponent(id)}/timeline`, { headers: auth });
      await call(`/api/cases?groupId=barn-mottagning&state=unassigned`, { headers: auth });
      if (i % 10 === 0)
        await post(
          '/api/reports',
          {
            externalId: `IFO-2026-${String(900_000 + i).padStart(6, '0')}`,
            receivedAt: new Date(Date.now() - 60_000).toISOString(),
            groupId: 'barn-mottagning',
            childRef: `B-SOAK-${i}`,
            reporter: { type: 'school', professional: true },
            concerns: ['neglect'],
          },
          auth,
        );
      i++;
      // The stand-in keeps every call; the bench only needs them answered.
      if (connector.calls.length > 2_000) connector.calls.splice(0);
    };

    // The first minute (or the first sixth of a short soak) is the warm-up the flatness is judged after.
    const warm = Math.min(60, Math.max(5, Math.round(seconds / 6)));
    const samples: { t: number; rss: number }[] = [];
    const t0 = Date.now();
    let nextSample = t0;
    while (Date.now() - t0 < seconds * 1000) {
      await one();
      if (Date.now() >= nextSample) {
        samples.push({ t: (Date.now() - t0) / 1000, rss: rssMb(pid) });
        nextSample += 5_000;
      }
    }
    samples.push({ t: seconds, rss: rssMb(pid) });
    const afterWarm = samples.filter((s) => s.t >= warm && s.t < warm + 60);
    const lastMinute = samples.filter((s) => s.t >= seconds - 60);
    const early = mean((afterWarm.length ? afterWarm : samples.slice(0, 3)).map((s) => s.rss));
    const late = mean(lastMinute.map((s) => s.rss));
    const drift = ((late - early) / early) * 100;
    const peak = Math.max(...samples.map((s) => s.rss));
    const end = samples[samples.length - 1].rss;

    // Timeline memory against the journal's size: 50 timelines of different cases, RSS before and after.
    const journal = statSync(`${dataFile}.journal`, { throwIfNoEntry: false })?.size ?? 0;
    const before = rssMb(pid);
    for (let k = 0; k < 50; k++)
      await call(`/api/cases/IFO-BENCH-${String((k * 997) % stored).padStart(6, '0')}/timeline`, { headers: auth });
    const timelineGrowth = rssMb(pid) - before;

    const mb = (x: number) => Math.round(x);
    return [
      {
        name: `soak: bot process RSS after start, ${stored.toLocaleString('sv-SE')} stored (${open.toLocaleString('sv-SE')} open)`,
        value: mb(afterStart),
        unit: 'MB',
        aim: `≤ ${AIM_MB} MB`,
        ok: afterStart <= AIM_MB,
        note: `node ${NODE_FLAGS || '(no flags)'} dist/main.js`,
      },
      {
        name: `soak: RSS at the end of ${Math.round(seconds / 60)} min of mixed traffic`,
        value: mb(end),
        unit: 'MB',
        aim: `≤ ${AIM_MB} MB`,
        ok: end <= AIM_MB,
        note: `${requests} requests (${Math.round(requests / seconds)}/s), ${errors} answered ≥ 400; peak ${mb(peak)} MB`,
      },
      {
        name: 'soak: RSS drift, last minute against the minute after warm-up',
        value: Math.round(drift * 10) / 10,
        unit: '%',
        aim: '±10 %',
        ok: Math.abs(drift) <= 10,
        note: `${mb(early)} → ${mb(late)} MB; ${samples.length} samples every 5 s`,
      },
      {
        name: `soak: RSS growth over 50 timeline calls, journal ${(journal / 1024 / 1024).toFixed(1)} MB`,
        value: Math.round(timelineGrowth * 10) / 10,
        unit: 'MB',
        aim: '≤ 10 MB',
        ok: timelineGrowth <= 10,
        note: 'the timeline reads the case’s own entries by index',
      },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { printTable } = await import('./row.js');
  printTable(await benchSoak());
}
