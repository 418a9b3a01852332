// `npm run playground`: the bot and the Microsoft 365 Agents Playground against it, offline, so a
// newcomer can talk to the bot in a Teams-like browser chat and press its buttons.
//
//   npm run playground                      # you are Karin Ek (team lead)
//   PLAYGROUND_USER="Anna Berg" npm run playground   # anyone in the organisation file
//
// It starts `npx tsx src/main.ts` on a free loopback port with a fresh data file in a temp dir (or
// DATA_FILE if set), writes a playground config that makes the example organisation's people the
// chat's users and its tenant the chat's tenant, and starts `agentsplayground` with stdin kept open
// (it exits when stdin closes). With a fresh data file it first registers three demo cases in
// Mottagning barn och unga (one assigned to Anna Berg, two unassigned). Open the printed URL (http://127.0.0.1:56150 by default). Ctrl-C
// stops both. `startPlayground()` is what test/e2e/playground.browser.test.ts uses.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignCase } from '../src/app/assignCase.js';
import { Directory, type AppDeps } from '../src/app/context.js';
import { executeCaseCommand } from '../src/app/executeCaseCommand.js';
import { INTAKE_ACTOR } from '../src/app/ingestReport.js';
import { loadOrganisation } from '../src/config.js';
import { Calendar } from '../src/domain/calendar.js';
import { DEFAULT_RULES } from '../src/domain/rules.js';
import type { Concern, Organisation, ReporterType } from '../src/domain/schemas.js';
import { openLowdbStore } from '../src/store/lowdbStore.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const EXAMPLE_ORG_FILE = join(ROOT, 'data/organisation.example.json');

export interface PlaygroundOptions {
  /** The chat's current user: a name in the organisation file (default: the first team lead). */
  userName?: string;
  /** The bot's data file (default: a fresh one in a temp dir, removed on stop). */
  dataFile?: string;
  orgFile?: string;
  /** The playground's port (default 56150; 0: a free one). */
  playgroundPort?: number;
  /** Seed a few demo cases first (default: yes with a fresh data file, no with DATA_FILE). */
  demo?: boolean;
  /** Extra environment for the bot. */
  botEnv?: Record<string, string>;
  /** Lines of both processes' output (default: nothing). */
  onOutput?: (line: string) => void;
}

export interface RunningPlayground {
  url: string;
  botUrl: string;
  dataFile: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The playground's config (YAML, JSON-compatible values): the organisation's people and tenant. */
export function playgroundConfig(org: Organisation, userName?: string): string {
  const current =
    (userName ? org.staff.find((s) => s.name === userName) : org.staff.find((s) => s.role === 'team_lead')) ??
    org.staff[0];
  if (userName && current.name !== userName) throw new Error(`${userName} finns inte i organisationsfilen.`);
  const user = (s: Organisation['staff'][number], i: number) => {
    const [given, ...rest] = s.name.split(' ');
    const mail = `${s.name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z ]/g, '')
      .replace(/ /g, '.')}@example.se`;
    return [
      `  - id: ${JSON.stringify(`user-${i}`)}`,
      `    name: ${JSON.stringify(s.name)}`,
      `    userPrincipleName: ${JSON.stringify(mail)}`,
      `    aadObjectId: ${JSON.stringify(s.aadObjectId)}`,
      `    givenName: ${JSON.stringify(given)}`,
      `    surname: ${JSON.stringify(rest.join(' '))}`,
      `    email: ${JSON.stringify(mail)}`,
    ].join('\n');
  };
  // The playground takes at most five other users: colleagues of the current user's groups first.
  const shares = (s: Organisation['staff'][number]) => s.groups.some((g) => current.groups.includes(g));
  const others = org.staff
    .filter((s) => s !== current)
    .sort((a, b) => Number(shares(b)) - Number(shares(a)))
    .slice(0, 5);
  return [
    'version: "0.1.1"',
    `tenantId: ${JSON.stringify(org.tenantId)}`,
    'bot:',
    '  id: "00000000-0000-4000-8000-000000000000"',
    '  name: "Ärendevakt"',
    'currentUser:',
    user(current, 0)
      .replace(/^ {2}- /, '  ')
      .replace(/^ {4}/gm, '  '),
    'users:',
    ...others.map((s, i) => user(s, i + 1)),
    'personalChat:',
    '  id: "personal-chat-arendevakt"',
    'groupChat:',
    '  id: "group-chat-arendevakt"',
    '  name: "Gruppchatt"',
    'team:',
    '  id: "team-socialtjansten"',
    '  name: "Barn och unga"',
    '  aadGroupId: "00000000-0000-4000-8000-0000000000a1"',
    '  channels:',
    '    - id: "channel-mottagning"',
    '      name: "Mottagning"',
    '',
  ].join('\n');
}

export const DEMO_CASES = {
  /** Assigned to Anna Berg by Karin Ek an hour ago. */
  assigned: 'IFO-2026-007001',
  /** Just arrived, unassigned: skyddsbedömning today. */
  fresh: 'IFO-2026-007002',
  /** Three days old, unassigned: skyddsbedömning overdue. */
  late: 'IFO-2026-007003',
};

/**
 * Demo cases in Mottagning barn och unga, written before the bot starts (it holds the store's lock
 * while it runs). Synthetic references only.
 */
export async function seedDemo(dataFile: string, now: Date, orgFile = EXAMPLE_ORG_FILE): Promise<void> {
  const org = loadOrganisation(orgFile);
  const store = await openLowdbStore(dataFile);
  let clock = now;
  const deps: AppDeps = {
    store,
    org: new Directory(org),
    rules: DEFAULT_RULES,
    calendar: new Calendar({ eveHolidaysAreNonWorking: org.eveHolidaysAreNonWorking }),
    now: () => clock,
    config: {},
  };
  const minute = 60_000;
  const register = async (
    id: string,
    agoMinutes: number,
    reporter: ReporterType,
    concerns: Concern[],
    summary: string,
  ) => {
    const received = new Date(Math.floor(now.getTime() / minute) * minute - agoMinutes * minute);
    clock = new Date(received.getTime() + 2 * minute);
    const r = await executeCaseCommand(deps, {
      caseId: id,
      expectedVersion: null,
      actor: INTAKE_ACTOR,
      intent: {
        type: 'registerReport',
        report: {
          externalId: id,
          receivedAt: received.toISOString(),
          groupId: 'barn-mottagning',
          childRef: `B-2026-${id.slice(-4)}`,
          reporter: { type: reporter, professional: reporter !== 'relative' },
          concerns,
          summary,
        },
      },
    });
    if (!r.ok) throw new Error(`${id}: ${r.refusal.message}`);
    return r.case;
  };
  try {
    await register(
      DEMO_CASES.late,
      3 * 24 * 60,
      'preschool',
      ['neglect'],
      'Förskolan ser trötthet och att barnet ofta hämtas sent.',
    );
    const assigned = await register(
      DEMO_CASES.assigned,
      60,
      'school',
      ['neglect'],
      'Skolan oroar sig för hög frånvaro.',
    );
    await register(
      DEMO_CASES.fresh,
      20,
      'police',
      ['violence', 'parental_substance_abuse'],
      'Polisen har varit på plats efter larm om bråk.',
    );
    const lead = org.staff.find((s) => s.role === 'team_lead' && s.groups.includes('barn-mottagning'));
    const worker = org.staff.find((s) => s.role === 'caseworker' && s.groups.includes('barn-mottagning'));
    if (lead && worker) {
      clock = new Date(now.getTime() - 50 * minute);
      const r = await assignCase(deps, {
        caseId: assigned.id,
        version: assigned.version,
        assignees: [worker.aadObjectId],
        actor: { id: lead.aadObjectId, name: lead.name, role: lead.role, groups: lead.groups },
      });
      if (!r.ok) throw new Error(`${assigned.id}: ${r.refusal.message}`);
    }
  } finally {
    await store.close();
  }
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} avslutades med kod ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} svarade inte på ${url} inom ${timeoutMs / 1000} s`);
}

function pipeLines(child: ChildProcess, prefix: string, onOutput?: (line: string) => void) {
  if (!onOutput) return;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) onOutput(`${prefix} ${l}`);
    });
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    // Each child leads its own process group (detached), so npx's and tsx's children go too.
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

export async function startPlayground(opts: PlaygroundOptions = {}): Promise<RunningPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'arendevakt-playground-'));
  const orgFile = opts.orgFile ?? EXAMPLE_ORG_FILE;
  const dataFile = opts.dataFile ?? join(dir, 'db.json');
  const configFile = join(dir, 'playground.yml');
  if (opts.demo ?? !opts.dataFile) await seedDemo(dataFile, new Date(), orgFile);
  writeFileSync(configFile, playgroundConfig(loadOrganisation(orgFile), opts.userName));
  const botPort = await freePort();
  const playgroundPort = opts.playgroundPort === 0 ? await freePort() : (opts.playgroundPort ?? 56150);
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const c of children.reverse()) await stopChild(c);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const bot = spawn('npx', ['tsx', 'src/main.ts'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(botPort),
        DATA_FILE: dataFile,
        ORG_FILE: orgFile,
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        NODE_ENV: 'development',
        // The Playground says locale en-US in every activity, whatever the browser: as a Swedish
        // colleague's Teams, the bot answers in Swedish (LANGUAGE=auto shows the English texts).
        LANGUAGE: 'sv',
        ...opts.botEnv,
      },
    });
    children.push(bot);
    pipeLines(bot, '[bot]', opts.onOutput);
    const botUrl = `http://127.0.0.1:${botPort}`;
    await waitFor(`${botUrl}/healthz`, bot, 'Boten');
    // stdin stays an open pipe that we never close: the playground exits when its stdin ends.
    const cli = join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');
    const playground = spawn(
      process.execPath,
      [cli, '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--disable-telemetry'],
      {
        cwd: dir,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: {
          ...process.env,
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
          M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
          TEAMSAPPTESTER_BROWSER: 'none',
        },
      },
    );
    children.push(playground);
    pipeLines(playground, '[playground]', opts.onOutput);
    const url = `http://127.0.0.1:${playgroundPort}`;
    await waitFor(url, playground, 'Agents Playground');
    return { url, botUrl, dataFile, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const running = await startPlayground({
    ...(process.env.PLAYGROUND_USER ? { userName: process.env.PLAYGROUND_USER } : {}),
    ...(process.env.DATA_FILE ? { dataFile: process.env.DATA_FILE } : {}),
    ...(process.env.ORG_FILE ? { orgFile: process.env.ORG_FILE } : {}),
    onOutput: (l) => console.log(l),
  });
  console.log(`\nÄrendevakt körs på ${running.botUrl} (data: ${running.dataFile}).`);
  console.log(`Öppna ${running.url} i webbläsaren och skriv "hjälp" eller "ofördelade".`);
  console.log('I kanalen Mottagning: "koppla barn-mottagning" gör den till gruppens kanal. Ctrl-C avslutar.\n');
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void running.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
