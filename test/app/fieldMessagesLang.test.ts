// The field messages the domain gives (src/domain/refusals.ts, by key) in the reader's language where
// a person reads them, and in Swedish where nobody has a Teams locale: the ny anmälan form of an
// en-US user shows the secrecy guard's message beside the field in English, while the intake API and
// the import keep the Swedish (docs/cards.md).
import { newReportCard } from '../../src/cards/newReportForm.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { importReports } from '../../src/app/importReports.js';
import { ingestReport, issuesOf } from '../../src/app/ingestReport.js';
import { submitReportForm } from '../../src/app/reportForm.js';
import { LANGS } from '../../src/cards/text/index.js';
import { REFERENCE_MESSAGE } from '../../src/domain/secrecy.js';
import { cardText } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';
import { actor, FAMILY_ORG, report, STAFF, syntheticPersonnummer } from '../domain/fixtures.js';
import { intakeDeps } from './ingest.support.js';

let deps: AppDeps;
afterEach(async () => {
  await deps?.store.close();
});

const REFERENCE_EN = LANGS.en.refusals.referenceField;

const FORM = {
  externalId: 'IFO-2026-004700',
  receivedDate: '2026-11-20',
  receivedTime: '09:00',
  groupId: 'barn-mottagning',
  childRef: 'B-2026-0700',
  reporterType: 'school',
  professional: 'ja',
  concerns: 'neglect',
};

describe("the domain's field messages by reader", () => {
  it('shows an en-US user the guard’s message beside the field of the ny anmälan form in English', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    const pnr = syntheticPersonnummer();
    const bad = await submitReportForm(deps, actor(STAFF.karin), { ...FORM, familyRef: pnr }, 'en');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const text = cardText(newReportCard(bad.form));
    expect(text).toContain(REFERENCE_EN);
    expect(text).not.toContain(REFERENCE_MESSAGE);
    expect(JSON.stringify(newReportCard(bad.form))).not.toContain(pnr);
    expect(validateCard(newReportCard(bad.form))).toEqual([]);
    // The refusal itself keeps the domain's Swedish, with the key beside it.
    expect(bad.refusal?.fields?.familyRef).toBe(REFERENCE_MESSAGE);
    expect(bad.refusal?.fieldKeys?.familyRef).toEqual({ key: 'referenceField' });

    const sv = await submitReportForm(deps, actor(STAFF.karin), { ...FORM, familyRef: pnr }, 'sv');
    expect(!sv.ok && cardText(newReportCard(sv.form))).toContain(REFERENCE_MESSAGE);
  });

  it('keeps the Swedish in the intake API’s issues and in the import’s problems', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    const pnr = syntheticPersonnummer();
    const r = await ingestReport(deps, report({ familyRef: pnr }));
    expect(r.status).toBe(400);
    if (r.status !== 400) return;
    expect(issuesOf(r.refusal)).toEqual([{ path: 'familyRef', message: REFERENCE_MESSAGE }]);
    const csv = [
      'ärendereferens;mottagen;grupp;barnreferens;familjereferens;anmälare;oro',
      `IFO-2026-004701;2026-11-19 09:00;barn-mottagning;B-2026-0701;${pnr};skola;omsorgsbrist`,
    ].join('\n');
    const imported = await importReports(deps, csv, { dryRun: true });
    expect(imported.problems.map((p) => p.message)).toEqual([REFERENCE_MESSAGE]);
  });
});
