import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadOrganisation } from '../src/config.js';
import { tempDir } from './support/tmp.js';

const ROOT = new URL('..', import.meta.url).pathname;

describe('configuration', () => {
  it('starts with the committed example organisation and the documented defaults', () => {
    const dir = tempDir();
    const c = loadConfig({ ORG_FILE: join(ROOT, 'data/organisation.example.json') }, dir);
    expect(c.port).toBe(3978);
    expect(c.dataFile).toBe(join(dir, 'data/db.json'));
    expect(c.morningListTime).toBe('07:45');
    expect(c.credentials).toBeUndefined();
    expect(c.rules.noContactDays).toBe(21);
    const roles = c.org.staff.map((s) => s.role);
    expect(roles.filter((r) => r === 'caseworker').length).toBeGreaterThanOrEqual(12);
    expect(roles.filter((r) => r === 'team_lead')).toHaveLength(2);
    expect(roles.filter((r) => r === 'unit_manager')).toHaveLength(1);
    expect(c.org.groups.map((g) => g.kind).sort()).toEqual(['intake', 'investigation', 'investigation', 'violence']);
  });

  it('falls back to the example when data/organisation.json is absent', () => {
    const c = loadConfig({}, ROOT);
    expect(c.orgFile).toMatch(/organisation(\.example)?\.json$/);
  });

  it('names the field of a wrong organisation file', () => {
    const dir = tempDir();
    const file = join(dir, 'org.json');
    writeFileSync(
      file,
      JSON.stringify({
        tenantId: '00000000-0000-4000-8000-0000000000aa',
        groups: [{ id: 'g', name: 'G', kind: 'intake' }],
        staff: [
          { aadObjectId: 'a', name: 'A', role: 'caseworker', groups: ['g'] },
          { aadObjectId: 'b', name: 'B', role: 'boss', groups: ['x'] },
        ],
      }),
    );
    expect(() => loadOrganisation(file)).toThrow(/staff\[1\]\.role/);
    expect(() => loadOrganisation(file)).toThrow(new RegExp(file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    writeFileSync(
      file,
      JSON.stringify({
        tenantId: '00000000-0000-4000-8000-0000000000aa',
        groups: [{ id: 'g', name: 'G', kind: 'intake' }],
        staff: [{ aadObjectId: 'a', name: 'A', role: 'caseworker', groups: ['nope'] }],
      }),
    );
    expect(() => loadOrganisation(file)).toThrow(/staff\[0\]\.groups\[0\]: Okänd grupp: nope/);
    writeFileSync(file, '{ not json');
    expect(() => loadOrganisation(file)).toThrow(/inte giltig JSON/);
  });

  it('refuses to run in production without credentials, and checks the link template', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, ROOT)).toThrow(/production kräver MicrosoftAppId/);
    expect(() => loadConfig({ CASE_LINK_TEMPLATE: 'https://vs.example.se/arende' }, ROOT)).toThrow(
      /CASE_LINK_TEMPLATE.*\{externalId\}/,
    );
    expect(() => loadConfig({ PORT: 'abc' }, ROOT)).toThrow(/PORT/);
    const dir = tempDir();
    const org = JSON.parse(readFileSync(join(ROOT, 'data/organisation.example.json'), 'utf8'));
    writeFileSync(join(dir, 'org.json'), JSON.stringify({ ...org, tenantId: '6f1d2c3b-0a9e-4b8d-9c7f-1e2d3c4b5a69' }));
    const c = loadConfig(
      {
        NODE_ENV: 'production',
        ORG_FILE: join(dir, 'org.json'),
        MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
        MicrosoftAppPassword: 'pw',
        CASE_LINK_TEMPLATE: 'https://vs.example.se/a/{externalId}',
      },
      ROOT,
    );
    expect(c.credentials?.appId).toBe('11111111-2222-4333-8444-555555555555');
    // With the app's secret, people outside every roster are reached by installing the app (Graph).
    expect(c.graph).toMatchObject({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      tokenUrl: 'https://login.microsoftonline.com/6f1d2c3b-0a9e-4b8d-9c7f-1e2d3c4b5a69/oauth2/v2.0/token',
      clientId: '11111111-2222-4333-8444-555555555555',
      manifestId: '11111111-2222-4333-8444-555555555555',
      serviceUrl: 'https://smba.trafficmanager.net/teams/',
    });
  });

  it('turns Graph installation off on request, and never uses it without a secret', () => {
    expect(loadConfig({}, ROOT).graph).toBeUndefined();
    const withSecret = {
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppPassword: 'pw',
    };
    expect(loadConfig({ ...withSecret, GRAPH_INSTALL: 'off' }, ROOT).graph).toBeUndefined();
    expect(loadConfig({ ...withSecret, TEAMS_APP_CATALOG_ID: 'cat-1' }, ROOT).graph?.catalogAppId).toBe('cat-1');
    expect(
      loadConfig({ MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppType: 'UserAssignedMSI' }, ROOT)
        .graph,
    ).toBeUndefined();
    expect(() => loadConfig({ GRAPH_INSTALL: 'kanske' }, ROOT)).toThrow(/GRAPH_INSTALL/);
  });
});
