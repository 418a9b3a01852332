// The Teams app package: the manifest validated offline against Microsoft's official schema (bundled
// in @microsoft/app-manifest), the English strings against the localization schema's keys and
// limits, the icons at the sizes Teams requires, and `npm run package`'s zip with the bot id.
import AdmZip from 'adm-zip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackage, PackageError, PLACEHOLDER_BOT_ID } from '../scripts/package-app.js';
import { COMMANDS } from '../src/bot/commands/index.js';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const read = (p: string) => readFileSync(join(root, p));
const manifest = JSON.parse(read('appPackage/manifest.json').toString('utf8'));
const version = String(manifest.manifestVersion);
const schemaDir = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')),
  'json-schemas',
  'teams',
  `v${version}`,
);
const schema = JSON.parse(readFileSync(join(schemaDir, 'MicrosoftTeams.schema.json'), 'utf8'));

function pngSize(buf: Buffer): { width: number; height: number; colorType: number } {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25] };
}

describe('the Teams app manifest', () => {
  it('is valid against the official schema of its own manifest version, loaded offline', async () => {
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
    expect(Number(version.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(await AppManifestUtils.validateAgainstSchema(manifest, schema)).toEqual([]);
  });

  it('is caught by the same validation when it is wrong', async () => {
    const bad = {
      ...manifest,
      bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }],
      name: { short: 'x'.repeat(31) },
    };
    const errors = await AppManifestUtils.validateAgainstSchema(bad, schema);
    expect(errors.join('\n')).toMatch(/scopes/);
    expect(errors.join('\n')).toMatch(/name/);
  });

  it('has the bot in team and personal scope with the Swedish commands of each', () => {
    const bot = manifest.bots[0];
    expect(bot.scopes).toEqual(expect.arrayContaining(['team', 'personal']));
    const team = bot.commandLists.find((l: { scopes: string[] }) => l.scopes.includes('team'));
    const personal = bot.commandLists.find((l: { scopes: string[] }) => l.scopes.includes('personal'));
    const titles = (l: { commands: { title: string }[] }) => l.commands.map((c) => c.title);
    expect(titles(team)).toEqual(
      expect.arrayContaining([
        'hjälp',
        'koppla',
        'ofördelade',
        'försenade',
        'fördelning',
        'frånvaro',
        'åter',
        'ärende',
        'historik',
        'ny anmälan',
      ]),
    );
    expect(titles(personal)).toEqual(expect.arrayContaining(['hjälp', 'mina', 'ofördelade', 'försenade']));
    // Teams suggests these as the user types: each must be a command the bot answers.
    const known = new Set(COMMANDS.map((c) => c.name));
    for (const t of [...titles(team), ...titles(personal)]) expect(known, t).toContain(t);
  });

  it('is Swedish by default with English strings that fit the localization schema', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('sv-se');
    expect(manifest.name.short).toBe('Ärendevakt');
    const langs = manifest.localizationInfo.additionalLanguages as { languageTag: string; file: string }[];
    expect(langs.map((l) => l.languageTag)).toEqual(['en-us']);
    const en = JSON.parse(read(`appPackage/${langs[0].file}`).toString('utf8'));
    // @microsoft/app-manifest's ajv cannot compile this schema's unicode patterns, so check its keys,
    // required fields and lengths from the schema file itself.
    const loc = JSON.parse(readFileSync(join(schemaDir, 'MicrosoftTeams.Localization.schema.json'), 'utf8'));
    for (const key of loc.required) expect(en[key], key).toBeTypeOf('string');
    for (const [key, value] of Object.entries(en)) {
      expect(Object.keys(loc.properties), key).toContain(key);
      const max = loc.properties[key].maxLength;
      if (max) expect((value as string).length, key).toBeLessThanOrEqual(max);
    }
    expect(en['name.short']).not.toBe(manifest.name.short);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon that is white on transparent', () => {
    expect(pngSize(read(`appPackage/${manifest.icons.color}`))).toMatchObject({ width: 192, height: 192 });
    expect(pngSize(read(`appPackage/${manifest.icons.outline}`))).toMatchObject({
      width: 32,
      height: 32,
      colorType: 6,
    });
  });
});

describe('npm run package', () => {
  const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
  const SETTINGS = {
    MicrosoftAppId: ID,
    TEAMS_APP_ID: '9b6c1f0e-2d3a-4c5b-8e7f-6a5b4c3d2e1f',
    APP_DEVELOPER_NAME: 'Exempelby kommun',
    APP_WEBSITE_URL: 'https://www.exempelby.se/arendevakt',
    APP_PRIVACY_URL: 'https://www.exempelby.se/arendevakt/integritet',
    APP_TERMS_URL: 'https://www.exempelby.se/arendevakt/villkor',
    BOT_DOMAIN: 'arendevakt.exempelby.se',
  };

  it('takes the ids, the publisher and its addresses from the environment, with the icons, valid', async () => {
    const { zip, warnings } = buildPackage(SETTINGS);
    expect(warnings).toEqual([]);
    const entries = new AdmZip(zip).getEntries();
    expect(entries.map((e) => e.entryName).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(
      entries
        .find((e) => e.entryName === 'manifest.json')!
        .getData()
        .toString('utf8'),
    );
    expect(packed.bots[0].botId).toBe(ID);
    expect(packed.id).toBe(SETTINGS.TEAMS_APP_ID);
    expect(packed.developer).toEqual({
      name: 'Exempelby kommun',
      websiteUrl: SETTINGS.APP_WEBSITE_URL,
      privacyUrl: SETTINGS.APP_PRIVACY_URL,
      termsOfUseUrl: SETTINGS.APP_TERMS_URL,
    });
    expect(packed.validDomains).toEqual(['arendevakt.exempelby.se']);
    expect(JSON.stringify(packed)).not.toMatch(/example\.se|00000000-0000-4000-8000-000000000000/);
    expect(await AppManifestUtils.validateAgainstSchema(packed, schema)).toEqual([]);
    const color = entries.find((e) => e.entryName === 'color.png')!.getData();
    expect(color.equals(read('appPackage/color.png'))).toBe(true);
  });

  it('refuses a placeholder, naming every missing setting; a malformed id or address is refused', () => {
    expect(() => buildPackage({})).toThrow(PackageError);
    try {
      buildPackage({ APP_DEVELOPER_NAME: 'Exempelby kommun' });
    } catch (err) {
      expect((err as PackageError).problems.map((p) => p.split(' ')[0])).toEqual([
        'MicrosoftAppId',
        'APP_WEBSITE_URL',
        'APP_PRIVACY_URL',
        'APP_TERMS_URL',
      ]);
    }
    expect(() => buildPackage({ ...SETTINGS, MicrosoftAppId: 'not-a-guid' })).toThrow(/inte ett GUID/);
    expect(() => buildPackage({ ...SETTINGS, APP_PRIVACY_URL: 'https://example.se/x' })).toThrow(/APP_PRIVACY_URL/);
    expect(() => buildPackage({ ...SETTINGS, APP_TERMS_URL: 'http://www.exempelby.se/v' })).toThrow(/https/);
    expect(() => buildPackage({ MicrosoftAppId: 'not-a-guid' }, { local: true })).toThrow(/inte ett GUID/);
  });

  it('builds a local package with placeholders only when asked, and says so', () => {
    const { manifest: m, warnings } = buildPackage({}, { local: true });
    expect((m.bots as { botId: string }[])[0].botId).toBe(PLACEHOLDER_BOT_ID);
    expect(warnings.join('\n')).toMatch(/MicrosoftAppId saknas[\s\S]*bara för Agents Playground/);
  });

  it('exits 1 from the command line on a placeholder, with the settings to give', () => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package-app.ts'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Appaketet byggs inte:[\s\S]*MicrosoftAppId saknas[\s\S]*npm run package -- --local/);
  });
});
