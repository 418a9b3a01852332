// The organisation file lives: every error at once, in Swedish, naming the field; `npm run org:check`;
// an edit is picked up by the running bot within seconds (over the Bot Framework protocol), and a bad
// edit keeps the file in force that was read last, with the errors logged.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Organisation } from '../src/domain/schemas.js';
import { validateOrganisation, watchOrganisation, type OrganisationWatch } from '../src/organisationFile.js';
import { cardText, EXAMPLE_ORG, startTestBot, teams, type TestBot } from './support/bot.js';
import { ROOT, startProcess } from './support/process.js';
import { tempDir } from './support/tmp.js';
import { nodeArgs } from './support/children.js';

const NORA = { aadObjectId: 'a9d5c1e2-3b4f-4a6d-8e7f-0123456789ab', name: 'Nora Ny' };
const withNora = (role: string, extra: Record<string, unknown> = {}) => ({
  ...EXAMPLE_ORG,
  staff: [...EXAMPLE_ORG.staff, { ...NORA, role, groups: ['barn-mottagning'], ...extra }],
});
const ENGLISH = /invalid|expected|received|too small|too big/i;

let t: TestBot | undefined;
let watcher: OrganisationWatch | undefined;
afterEach(async () => {
  watcher?.close();
  watcher = undefined;
  await t?.stop();
  t = undefined;
});

async function until<T>(f: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the organisation file', () => {
  it('reports every error at once, in Swedish, naming the field', () => {
    const r = validateOrganisation({
      tenantId: 'contoso',
      groups: [
        { id: 'barn-mottagning', name: 'Mottagning' },
        { id: 'Fel Id', name: '', kind: 'intake' },
      ],
      staff: [
        { aadObjectId: 'a', name: 'A', role: 'boss', groups: ['barn-mottagning'] },
        { aadObjectId: 'b', name: 'B', role: 'caseworker', groups: ['nope'], capacity: 'åtta' },
        { aadObjectId: 'c', role: 'caseworker', groups: 'barn-mottagning', capacity: 0 },
      ],
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tenantId: ska vara organisationens katalog-id i Entra \(ett GUID/),
        'groups[0].kind: ska vara "intake" eller "investigation" eller "violence" eller "out_of_hours" eller "adult" eller "other"',
        expect.stringMatching(/^groups\[1\]\.id: Grupp-id: små bokstäver/),
        'groups[1].name: får inte vara tom',
        'staff[0].role: ska vara "caseworker" eller "team_lead" eller "unit_manager"',
        'staff[1].capacity: ska vara ett tal (är text)',
        'staff[1].groups[0]: Okänd grupp: nope',
        'staff[2].name: saknas',
        'staff[2].groups: ska vara en lista (är text)',
        'staff[2].capacity: ska vara större än 0',
      ]),
    );
    for (const e of errors) expect(e).not.toMatch(ENGLISH);
  });

  it('says what is wrong with the environment in Swedish too', () => {
    const dir = tempDir();
    expect(() =>
      loadConfig({ PORT: 'abc', MicrosoftAppId: 'bot', MicrosoftAppType: 'Multi', MORNING_LIST_TIME: '7' }, dir),
    ).toThrow(
      /PORT: ska vara ett tal \(är inte ett tal\)[\s\S]*MicrosoftAppId: ska vara ett GUID[\s\S]*MicrosoftAppType: ska vara "SingleTenant" eller "UserAssignedMSI" eller "MultiTenant"[\s\S]*MORNING_LIST_TIME: Tid som HH:MM/,
    );
    try {
      loadConfig({ PORT: 'abc' }, dir);
    } catch (err) {
      expect((err as Error).message).not.toMatch(ENGLISH);
    }
  });

  it('npm run org:check -- <file> checks a file: exit 0 when right, 1 with every error', () => {
    const dir = tempDir();
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(EXAMPLE_ORG));
    writeFileSync(bad, JSON.stringify(withNora('boss', { capacity: -1 })));
    const run = (file: string) =>
      spawnSync(process.execPath, [...nodeArgs('src/cli/orgCheck.ts'), file], { cwd: ROOT, encoding: 'utf8' });
    const ok = run(good);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/rätt \(4 grupper, 15 personer/);
    const wrong = run(bad);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(
      /2 fel\n {2}staff\[15\]\.role: ska vara .*\n {2}staff\[15\]\.capacity: ska vara större än 0/,
    );
  });

  it("names a group's channel: a malformed team or channel id is a Swedish error in org:check, a good one passes", () => {
    const withChannel = (channel: unknown) => ({
      ...EXAMPLE_ORG,
      groups: EXAMPLE_ORG.groups.map((g, i) => (i === 0 ? { ...g, channel } : g)),
    });
    const good = validateOrganisation(
      withChannel({ teamId: 'b7c1e2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e', channelId: '19:abc123DEF@thread.tacv2' }),
    );
    expect(good.ok).toBe(true);
    const bad = validateOrganisation(withChannel({ teamId: 'Barn och unga', channelId: '19%3aabc123%40thread.tacv2' }));
    expect(bad.ok).toBe(false);
    const errors = (bad as { errors: string[] }).errors;
    expect(errors).toEqual([
      'groups[0].channel.teamId: ska vara teamets id, 19:…@thread.tacv2, eller gruppens GUID (groupId i kanalens länk)',
      'groups[0].channel.channelId: ska vara kanalens id, 19:…@thread.tacv2 (ur kanalens länk i Teams) (den är URL-kodad: skriv : i stället för %3a och @ i stället för %40)',
    ]);
    expect(errors.join('\n')).not.toMatch(ENGLISH);
    const missing = validateOrganisation(withChannel({ teamId: '19:team@thread.tacv2' }));
    expect((missing as { errors: string[] }).errors).toEqual(['groups[0].channel.channelId: saknas']);
    const dir = tempDir();
    const file = join(dir, 'channel.json');
    writeFileSync(file, JSON.stringify(withChannel({ teamId: '19:team@thread.tacv2', channelId: 'allmänt' })));
    const run = spawnSync(process.execPath, [...nodeArgs('src/cli/orgCheck.ts'), file], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/1 fel\n {2}groups\[0\]\.channel\.channelId: ska vara kanalens id, 19:…@thread\.tacv2/);
  });

  it('is picked up by the running bot within seconds, and a bad edit keeps the last good file', async () => {
    const dir = tempDir();
    const file = join(dir, 'organisation.json');
    const write = (org: unknown) => writeFileSync(file, JSON.stringify(org, null, 2));
    write(EXAMPLE_ORG);
    t = await startTestBot();
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
    watcher = watchOrganisation(file, (org: Organisation) => t!.deps.org.replace(org), logger, 100);
    const mina = async () => cardText((await t!.sendMessage(NORA, 'mina', teams.personal)).replies[0]?.card);
    expect(await mina()).toMatch(/Du finns inte i organisationsfilen/);

    write(withNora('caseworker'));
    const seen = await until(async () => ((await mina()).match(/Du finns inte/) ? undefined : await mina()));
    expect(seen).not.toMatch(/Du finns inte/);
    expect(lines.some((l) => /inläst på nytt/.test(l))).toBe(true);

    write(withNora('boss', { capacity: 'många' }));
    const logged = await until(async () => lines.find((l) => /har fel och läses inte in/.test(l)));
    expect(JSON.parse(logged).errors).toEqual([
      'staff[15].role: ska vara "caseworker" eller "team_lead" eller "unit_manager"',
      'staff[15].capacity: ska vara ett tal (är text)',
    ]);
    expect(t.deps.org.staff(NORA.aadObjectId)?.role).toBe('caseworker');
    expect(await mina()).not.toMatch(/Du finns inte/);
  });

  it('is watched by the process: an edit and SIGHUP reload it, a bad edit is logged and changes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'organisation.json');
    writeFileSync(file, JSON.stringify(EXAMPLE_ORG));
    const p = startProcess({ ORG_FILE: file });
    await p.started;
    writeFileSync(file, JSON.stringify(withNora('caseworker')));
    expect(JSON.parse(await p.waitFor(/inläst på nytt/))).toMatchObject({ staff: 16 });
    writeFileSync(file, '{ "tenantId": ');
    const broken = JSON.parse(await p.waitFor(/har fel och läses inte in/)).errors as string[];
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^inte giltig JSON( \(fel på rad \d+\))?$/); // never the parser's quote of the text
    p.child.kill('SIGHUP');
    await p.waitFor(/läses om \(SIGHUP\)/);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });
});
