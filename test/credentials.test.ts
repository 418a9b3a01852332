// Safe defaults for the bot's identity: SingleTenant unless told, a managed identity without a
// password, GUIDs where Entra has GUIDs, production refusing the example tenant, empty means unset.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProduction, loadConfig } from '../src/config.js';
import { tempDir } from './support/tmp.js';

const ROOT = new URL('..', import.meta.url).pathname;
const APP = '11111111-2222-4333-8444-555555555555';
const TENANT = '6f1d2c3b-0a9e-4b8d-9c7f-1e2d3c4b5a69';

function orgFile(tenantId: string): string {
  const org = JSON.parse(readFileSync(join(ROOT, 'data/organisation.example.json'), 'utf8'));
  const file = join(tempDir(), 'org.json');
  writeFileSync(file, JSON.stringify({ ...org, tenantId }));
  return file;
}

describe('the bot identity', () => {
  it('is SingleTenant by default, in the organisation tenant, listening on every address', () => {
    const c = loadConfig({ ORG_FILE: orgFile(TENANT), MicrosoftAppId: APP, MicrosoftAppPassword: 'pw' }, ROOT);
    expect(c.credentials).toEqual({ appId: APP, appPassword: 'pw', appType: 'SingleTenant', tenantId: TENANT });
    expect(c.host).toBe('0.0.0.0');
  });

  it('signs in with a user-assigned managed identity without a password, and refuses one with it', () => {
    const env = { ORG_FILE: orgFile(TENANT), MicrosoftAppId: APP, MicrosoftAppType: 'UserAssignedMSI' };
    expect(loadConfig(env, ROOT).credentials).toEqual({ appId: APP, appType: 'UserAssignedMSI', tenantId: TENANT });
    expect(() => loadConfig({ ...env, MicrosoftAppPassword: 'pw' }, ROOT)).toThrow(/ta bort MicrosoftAppPassword/);
    expect(() => loadConfig({ ...env, MicrosoftAppType: 'SingleTenant' }, ROOT)).toThrow(
      /MicrosoftAppPassword saknas för MicrosoftAppType=SingleTenant/,
    );
  });

  it('wants GUIDs for the app, the tenant and the organisation file, and a real tenant in production', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'arendevakt', MicrosoftAppPassword: 'pw' }, ROOT)).toThrow(
      /MicrosoftAppId: ska vara ett GUID/,
    );
    expect(() =>
      loadConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'contoso' }, ROOT),
    ).toThrow(/MicrosoftAppTenantId: ska vara ett GUID/);
    expect(() => loadConfig({ ORG_FILE: orgFile('contoso') }, ROOT)).toThrow(
      /tenantId: ska vara organisationens katalog-id/,
    );
    const example = {
      ORG_FILE: join(ROOT, 'data/organisation.example.json'),
      MicrosoftAppId: APP,
      MicrosoftAppPassword: 'pw',
    };
    expect(loadConfig(example, ROOT).credentials?.appId).toBe(APP);
    expect(() => loadConfig({ ...example, NODE_ENV: 'production' }, ROOT)).toThrow(/tenantId är exemplets/);
  });

  it('reads NODE_ENV however it is written, and an empty variable as unset', () => {
    for (const v of ['production', 'Production', ' PRODUCTION\n']) expect(isProduction(v)).toBe(true);
    for (const v of [undefined, '', 'prod', 'development']) expect(isProduction(v)).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'Production ' }, ROOT)).toThrow(/NODE_ENV=production kräver MicrosoftAppId/);
    const local = loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '', HOST: ' ' }, ROOT);
    expect(local.credentials).toBeUndefined();
    expect(local.host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }, ROOT).host).toBe('0.0.0.0');
  });
});
