// The CSV import: BOM, CRLF, ';' and ',', Swedish names and dates; a bad row in the middle imports
// nothing; a re-import doubles nothing; a dry run writes nothing; cards only for recent open cases;
// a held lock is explained.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { importReports, parseSwedishDateTime } from '../../src/app/importReports.js';
import type { OutboxMessage } from '../../src/outbox/messages.js';
import { runImport } from '../../src/cli/import.js';
import { intakeDeps } from '../app/ingest.support.js';
import { syntheticPersonnummer } from '../support/synthetic.js';

const NOW = new Date('2026-11-20T12:00:00+01:00');
const HEADER = [
  'ärendereferens',
  'mottagen',
  'grupp',
  'barnreferens',
  'anmälare',
  'yrkesverksam',
  'oro',
  'sammanfattning',
];

function csv(rows: string[][], opts: { sep?: string; eol?: string; bom?: boolean } = {}): string {
  const sep = opts.sep ?? ';';
  const q = (v: string) => (v.includes(sep) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v);
  return (
    (opts.bom ? '\uFEFF' : '') +
    [HEADER, ...rows].map((r) => r.map(q).join(sep)).join(opts.eol ?? '\n') +
    (opts.eol ?? '\n')
  );
}

const row = (
  n: number,
  over: Partial<Record<'id' | 'at' | 'group' | 'child' | 'type' | 'prof' | 'concerns' | 'summary', string>> = {},
) => [
  over.id ?? `IFO-2026-${String(n).padStart(6, '0')}`,
  over.at ?? '2026-11-19 09:15',
  over.group ?? 'barn-mottagning',
  over.child ?? `B-2026-${String(n).padStart(4, '0')}`,
  over.type ?? 'Förskola',
  over.prof ?? 'ja',
  over.concerns ?? 'Brister i omsorgen',
  over.summary ?? 'Hög frånvaro.',
];

const cases = async (d: AppDeps) => [...(await d.store.allCases())];
const cards = async (d: AppDeps) =>
  (await d.store.listDocs<OutboxMessage>('outbox')).filter((m) => m.content.kind === 'caseCard');

let deps: AppDeps & { dataFile: string };
afterEach(async () => {
  await deps?.store.close();
});

describe('importReports', () => {
  it('reads a semicolon file with a BOM and CRLF, Swedish names and dates in Swedish time', async () => {
    deps = await intakeDeps({ now: NOW });
    const file = csv(
      [
        row(1),
        row(2, { at: '2026-06-15', type: 'polis', prof: '', concerns: 'Våld|psykisk ohälsa' }),
        row(3, { type: 'anhörig', prof: 'nej', concerns: 'neglect, honour_related', summary: '' }),
      ],
      { bom: true, eol: '\r\n' },
    );
    const r = await importReports(deps, Buffer.from(file, 'utf8'), { dryRun: false });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({
      rows: 3,
      committed: true,
      imported: ['IFO-2026-000001', 'IFO-2026-000002', 'IFO-2026-000003'],
    });
    const one = (await deps.store.getCase('IFO-2026-000001'))!;
    expect(one).toMatchObject({
      receivedAt: '2026-11-19T09:15:00+01:00',
      groupId: 'barn-mottagning',
      childRef: 'B-2026-0001',
      reporter: { type: 'preschool', professional: true },
      concerns: ['neglect'],
      summary: 'Hög frånvaro.',
    });
    expect(await deps.store.getCase('IFO-2026-000002')).toMatchObject({
      receivedAt: '2026-06-15T00:00:00+02:00',
      reporter: { type: 'police', professional: true },
      concerns: ['violence', 'mental_health'],
    });
    const three = (await deps.store.getCase('IFO-2026-000003'))!;
    expect(three).toMatchObject({
      reporter: { type: 'relative', professional: false },
      concerns: ['neglect', 'honour_related'],
    });
    expect(three.summary).toBeUndefined();
    expect((await deps.store.auditFor('IFO-2026-000001'))[0].actor).toBe('system:import');
  });

  it('maps an empty "yrkesverksam" by the duty to report on the day of receipt (SFS 2025:1501 from 2026-01-15)', async () => {
    deps = await intakeDeps({ now: NOW });
    const file = csv([
      row(1, { at: '2026-01-14 10:00', type: 'Försäkringskassan', prof: '' }),
      row(2, { at: '2026-01-15 10:00', type: 'Försäkringskassan', prof: '' }),
      row(3, { at: '2026-03-02 10:00', type: 'Tandvården', prof: '' }),
      row(4, { at: '2025-03-02 10:00', type: 'Familjerådgivningen', prof: '' }),
      row(5, { at: '2026-03-02 10:00', type: 'Privatperson', prof: '' }),
    ]);
    const r = await importReports(deps, Buffer.from(file, 'utf8'), { dryRun: false });
    expect(r.problems).toEqual([]);
    const rep = async (n: number) => (await deps.store.getCase(`IFO-2026-${String(n).padStart(6, '0')}`))!.reporter;
    expect(await rep(1)).toEqual({ type: 'other', professional: false }); // the day before the widened list
    expect(await rep(2)).toEqual({ type: 'other', professional: true });
    expect(await rep(3)).toEqual({ type: 'healthcare', professional: true });
    expect(await rep(4)).toEqual({ type: 'other', professional: true }); // 19 kap. 2 §, always
    expect(await rep(5)).toEqual({ type: 'private_person', professional: false });
  });

  it('reads a comma file (LF, no BOM) with the concerns quoted', async () => {
    deps = await intakeDeps({ now: NOW });
    const r = await importReports(deps, csv([row(1, { concerns: 'våld,brister i omsorgen' }), row(2)], { sep: ',' }), {
      dryRun: false,
    });
    expect(r.problems).toEqual([]);
    expect((await deps.store.getCase('IFO-2026-000001'))?.concerns).toEqual(['violence', 'neglect']);
    expect(await cases(deps)).toHaveLength(2);
  });

  it('imports nothing when a row in the middle is bad, and names every bad row by line and column', async () => {
    deps = await intakeDeps({ now: NOW });
    const pnr = syntheticPersonnummer('070707070', '');
    const rows = [
      row(1),
      row(2),
      row(3, { at: '2026-13-45' }),
      row(4, { concerns: 'bråk' }),
      row(5, { summary: `Barnet ${pnr}` }),
      row(6, { group: 'okänd' }),
      row(7, { id: 'IFO-2026-000001' }),
      row(8),
    ];
    const r = await importReports(deps, csv(rows, { eol: '\r\n' }), { dryRun: false });
    expect(r.committed).toBe(false);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 'mottagen'],
      [5, 'oro'],
      [6, 'sammanfattning'],
      [7, 'grupp'],
      [8, 'ärendereferens'],
    ]);
    expect(JSON.stringify(r)).not.toContain(pnr);
    expect(await cases(deps)).toHaveLength(0);
    expect(await deps.store.listDocs('outbox')).toHaveLength(0);
  });

  it('re-importing the same file doubles nothing: every row skipped, no second card', async () => {
    deps = await intakeDeps({ now: NOW });
    const file = csv([row(1), row(2), row(3)]);
    await importReports(deps, file, { dryRun: false });
    const before = (await cards(deps)).length;
    const again = await importReports(deps, file, { dryRun: false });
    expect(again).toMatchObject({ imported: [], problems: [], committed: false });
    expect(again.skipped.map((s) => s.line)).toEqual([2, 3, 4]);
    expect(await cases(deps)).toHaveLength(3);
    expect(await cards(deps)).toHaveLength(before);
    // The same reference with other content is a bad row: nothing of the file is imported.
    const changed = await importReports(deps, csv([row(4), row(1, { concerns: 'våld' })]), { dryRun: false });
    expect(changed.problems).toEqual([
      { line: 3, column: 'ärendereferens', message: 'Ärendet finns redan med annat innehåll.' },
    ]);
    expect(await deps.store.getCase('IFO-2026-000004')).toBeUndefined();
  });

  it('a dry run reports what would be imported and writes nothing', async () => {
    deps = await intakeDeps({ now: NOW });
    const dir = dirname(deps.dataFile);
    const bytes = () => readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]);
    const before = bytes();
    const r = await importReports(deps, csv([row(1), row(2)]), { dryRun: true });
    expect(r).toMatchObject({
      dryRun: true,
      imported: ['IFO-2026-000001', 'IFO-2026-000002'],
      committed: false,
      cardsQueued: 2,
    });
    expect(await cases(deps)).toHaveLength(0);
    expect(bytes()).toEqual(before);
  });

  it('queues cards only for cases received in the last 14 days, and links the same child across groups', async () => {
    deps = await intakeDeps({ now: NOW });
    const r = await importReports(
      deps,
      csv([
        row(1, { at: '2026-11-19 08:00', concerns: 'våld' }),
        row(2, { at: '2026-10-01 08:00', concerns: 'våld' }),
        row(3, { at: '2026-11-18', group: 'barn-utredning-1', child: 'B-2026-0001' }),
      ]),
      { dryRun: false },
    );
    expect(r.problems).toEqual([]);
    expect((await cards(deps)).map((m) => m.upsertKey).sort()).toEqual([
      'case:IFO-2026-000001:group:barn-mottagning',
      'case:IFO-2026-000003:group:barn-utredning-1',
    ]);
    expect((await deps.store.listDocs<OutboxMessage>('outbox')).filter((m) => m.content.kind === 'card')).toHaveLength(
      1,
    ); // VINR, recent only
    expect((await deps.store.getCase('IFO-2026-000001'))?.linkedCaseIds).toEqual(['IFO-2026-000003']);
    expect((await deps.store.getCase('IFO-2026-000003'))?.linkedCaseIds).toEqual(['IFO-2026-000001']);
  });

  it('refuses a file without the required columns, naming them', async () => {
    deps = await intakeDeps({ now: NOW });
    await expect(importReports(deps, 'ärendereferens;mottagen\nIFO-1;2026-11-19\n', { dryRun: false })).rejects.toThrow(
      /saknar kolumnerna: grupp, barnreferens, anmälare, oro/,
    );
  });

  it('reads Swedish dates in Stockholm time, summer and winter, and refuses impossible ones', () => {
    expect(parseSwedishDateTime('2026-11-20 09:15')).toBe('2026-11-20T09:15:00+01:00');
    expect(parseSwedishDateTime('2026-07-01 9.05')).toBe('2026-07-01T09:05:00+02:00');
    expect(parseSwedishDateTime('2026-11-20')).toBe('2026-11-20T00:00:00+01:00');
    expect(parseSwedishDateTime('2026-11-20T09:15:00+01:00')).toBe('2026-11-20T09:15:00+01:00');
    for (const bad of ['2026-02-30', '20/11/2026', '2026-11-20 25:00', 'igår', ''])
      expect(parseSwedishDateTime(bad), bad).toBeUndefined();
  });
});

describe('npm run import', () => {
  const ORG_FILE = join(import.meta.dirname, '../../data/organisation.example.json');

  it('imports into DATA_FILE, dry run first, with line numbers in the output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arendevakt-import-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const dataFile = join(dir, 'db.json');
    const file = join(dir, 'export.csv');
    writeFileSync(file, csv([row(1), row(2, { type: 'granne' })]));
    const env = { DATA_FILE: dataFile, ORG_FILE };
    const dry = await runImport([file, '--dry-run'], env, () => NOW);
    expect(dry.code).toBe(1);
    expect(dry.output).toMatch(/Provkörning/);
    expect(dry.output).toMatch(/rad 3, anmälare: Okänd anmälartyp/);
    writeFileSync(file, csv([row(1), row(2)]));
    const real = await runImport([file], env, () => NOW);
    expect(real.code).toBe(0);
    expect(real.output).toMatch(/Importerade: 2 nya ärenden/);
    const again = await runImport([file], env, () => NOW);
    expect(again.output).toMatch(/Importerade: 0 nya ärenden[\s\S]*Hoppade över 2/);
    expect((await runImport([], env)).code).toBe(2);
  });

  it('says clearly that the bot must be stopped when the store is locked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arendevakt-import-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const dataFile = join(dir, 'db.json');
    const file = join(dir, 'export.csv');
    writeFileSync(file, csv([row(1)]));
    // A lock held by another live process on this host (our parent, standing in for the bot).
    writeFileSync(`${dataFile}.lock`, JSON.stringify({ pid: process.ppid, host: hostname(), at: NOW.toISOString() }));
    const r = await runImport([file], { DATA_FILE: dataFile, ORG_FILE }, () => NOW);
    expect(r.code).toBe(3);
    expect(r.output).toMatch(/används redan av en annan process[\s\S]*Stoppa boten/);
  });
});

describe('Swedish local times around the summer-time switch', () => {
  it('keeps the offset of each side and moves a time in the skipped hour forward', () => {
    expect(parseSwedishDateTime('2026-03-29 01:59')).toBe('2026-03-29T01:59:00+01:00');
    expect(parseSwedishDateTime('2026-03-29 03:00')).toBe('2026-03-29T03:00:00+02:00');
    expect(parseSwedishDateTime('2026-03-29 02:30')).toBe('2026-03-29T03:30:00+02:00');
    expect(parseSwedishDateTime('2026-10-25 04:00')).toBe('2026-10-25T04:00:00+01:00');
    expect(parseSwedishDateTime('2026-11-20 09:60')).toBeUndefined();
  });
});
