// The summary of an anmälan is optional, length-limited and can be turned off (REPORT_SUMMARY_MAX_CHARS):
// some municipalities want only the categories in the bot (docs/privacy.md).
import { newReportCard } from '../../src/cards/newReportForm.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { ingestReport } from '../../src/app/ingestReport.js';
import { newReportForm } from '../../src/app/reportForm.js';
import { loadConfig, ConfigError } from '../../src/config.js';
import { actor, report, STAFF } from '../domain/fixtures.js';
import { cardText } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';
import { intakeDeps } from './ingest.support.js';

const ROOT = join(import.meta.dirname, '../..');
let deps: (AppDeps & { dataFile: string }) | undefined;
afterEach(async () => {
  await deps?.store.close();
  deps = undefined;
});

const inputs = (card: unknown) => JSON.stringify(card).match(/"id":"summary"/g)?.length ?? 0;

describe('the summary of an anmälan', () => {
  it('is taken in up to the limit, and a longer one is refused by field without storing anything', async () => {
    deps = await intakeDeps();
    deps.config.summaryMaxChars = 40;
    const ok = await ingestReport(deps, report({ externalId: 'IFO-2026-000701', summary: 'Förskolan oroar sig.' }));
    expect(ok.status).toBe(201);
    const long = 'Förskolan oroar sig för hög frånvaro och trötthet.';
    const r = await ingestReport(deps, report({ externalId: 'IFO-2026-000702', summary: long }));
    expect(r.status).toBe(400);
    if (r.status === 400) {
      expect(r.refusal.fields).toEqual({ summary: 'Sammanfattningen får vara högst 40 tecken.' });
      expect(JSON.stringify(r.refusal)).not.toContain('frånvaro');
    }
    expect(await deps.store.getCase('IFO-2026-000702')).toBeUndefined();
    const form = newReportCard(newReportForm(deps, actor(STAFF.karin)));
    expect(validateCard(form)).toEqual([]);
    expect(JSON.stringify(form)).toContain('"maxLength":40');
  });

  it('turned off (0): no summary is stored anywhere and the form has no field for one', async () => {
    deps = await intakeDeps();
    deps.config.summaryMaxChars = 0;
    const r = await ingestReport(deps, report({ externalId: 'IFO-2026-000703', summary: 'Förskolan oroar sig.' }));
    expect(r.status).toBe(201);
    expect((await deps.store.getCase('IFO-2026-000703'))!.summary).toBeUndefined();
    await deps.store.close();
    expect(readFileSync(deps.dataFile, 'utf8')).not.toContain('Förskolan oroar sig');
    deps = undefined;
    const d2 = await intakeDeps();
    d2.config.summaryMaxChars = 0;
    const form = newReportCard(newReportForm(d2, actor(STAFF.karin)));
    expect(validateCard(form)).toEqual([]);
    expect(inputs(form)).toBe(0);
    expect(cardText(form)).not.toMatch(/sammanfattning/i);
    await d2.store.close();
  });

  it('is configured by REPORT_SUMMARY_MAX_CHARS (default 2000, 0 to turn off, nothing else)', () => {
    const env = { ORG_FILE: join(ROOT, 'data/organisation.example.json') };
    expect(loadConfig(env, ROOT).summaryMaxChars).toBe(2000);
    expect(loadConfig({ ...env, REPORT_SUMMARY_MAX_CHARS: '0' }, ROOT).summaryMaxChars).toBe(0);
    expect(() => loadConfig({ ...env, REPORT_SUMMARY_MAX_CHARS: '5000' }, ROOT)).toThrow(ConfigError);
  });
});
