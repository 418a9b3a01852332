// The history of a case as IVO or a family would read it: every step in order with who, what, when
// and why, the summary of the anmälan never in it, and a plain statement whether the audit log's
// chain holds; an edited log is called out.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignCase } from '../../src/app/assignCase.js';
import type { AppDeps } from '../../src/app/context.js';
import {
  closeInvestigation,
  decideForhandsbedomning,
  extendInvestigation,
  recordContact,
  recordSkyddsbedomning,
} from '../../src/app/decisions.js';
import { caseTimeline, timelineCsv } from '../../src/app/timeline.js';
import { openLowdbStore } from '../../src/store/lowdbStore.js';
import { EXAMPLE_ORG, person, report } from '../support/bot.js';
import { actorOf, registerCase, testDeps } from '../support/deps.js';
import { tempDataFile } from '../support/tmp.js';

const anna = person(EXAMPLE_ORG, 'anna');
const bo = person(EXAMPLE_ORG, 'bo');
const karin = person(EXAMPLE_ORG, 'karin');
const ID = report().externalId;

async function historyOfOneCase(dataFile?: string): Promise<{ deps: AppDeps; setNow(iso: string): void }> {
  let now = new Date('2026-11-20T09:30:00+01:00');
  const deps = await testDeps({ now: () => now, ...(dataFile ? { dataFile } : {}) });
  const setNow = (iso: string) => {
    now = new Date(iso);
  };
  const step = async (p: Promise<{ ok: boolean }>) => {
    const r = await p;
    if (!r.ok) throw new Error(JSON.stringify(r));
  };
  const cur = async () => (await deps.store.getCase(ID))!;
  const as = async (s: typeof anna, data: Record<string, unknown>) => ({
    caseId: ID,
    version: (await cur()).version,
    actor: actorOf(s),
    data,
  });
  await registerCase(deps);
  setNow('2026-11-20T11:05:00+01:00');
  await step(
    recordSkyddsbedomning(
      deps,
      await as(anna, { immediateProtection: 'nej', motivation: 'Inga tecken på akut fara enligt förskolan.' }),
    ),
  );
  setNow('2026-11-23T09:00:00+01:00');
  await step(
    assignCase(deps, {
      caseId: ID,
      version: (await cur()).version,
      assignees: [anna.aadObjectId],
      actor: actorOf(karin),
    }),
  );
  setNow('2026-11-25T10:00:00+01:00');
  await step(
    decideForhandsbedomning(
      deps,
      await as(karin, {
        outcome: 'open',
        motivation: 'Oron kvarstår efter samtal med pappan.',
        investigator: anna.aadObjectId,
        secondInvestigator: bo.aadObjectId,
      }),
    ),
  );
  setNow('2026-12-02T15:00:00+01:00');
  await step(
    recordContact(deps, await as(anna, { kind: 'hembesok', date: '2026-12-02', note: 'Båda vårdnadshavarna hemma.' })),
  );
  setNow('2027-03-10T10:00:00+01:00');
  await step(
    extendInvestigation(deps, await as(karin, { newDeadline: '2027-05-25', reason: 'Väntar på utlåtande från BUP.' })),
  );
  setNow('2027-05-03T10:00:00+02:00');
  await step(
    closeInvestigation(
      deps,
      await as(karin, {
        outcome: 'ingen_insats',
        motivation: 'Familjen har stöd via skolan.',
        uppfoljningUntil: '2027-07-01',
      }),
    ),
  );
  return { deps, setNow };
}

describe('a case timeline', () => {
  it('lists every step in order with the staff name, a Swedish description, the Swedish time and the reason', async () => {
    const { deps } = await historyOfOneCase();
    const t = (await caseTimeline(deps, ID))!;
    expect(t.entries.map((e) => [e.when, e.who, e.event])).toEqual([
      ['2026-11-20 09:30', 'Ärendevakt', 'ReportRegistered'],
      ['2026-11-20 11:05', 'Anna Berg', 'SkyddsbedomningRecorded'],
      ['2026-11-23 09:00', 'Karin Ek', 'CaseAssigned'],
      ['2026-11-25 10:00', 'Karin Ek', 'ForhandsbedomningDecided'],
      ['2026-12-02 15:00', 'Anna Berg', 'ContactRecorded'],
      ['2027-03-10 10:00', 'Karin Ek', 'InvestigationExtended'],
      ['2027-05-03 10:00', 'Karin Ek', 'CaseClosed'],
    ]);
    const [reg, skydd, assign, forhand, contact, extend, close] = t.entries;
    expect(reg.what).toBe(
      'Anmälan registrerad från Förskola (yrkesverksam anmälare), mottagen fre 20 nov 2026 kl. 09:15; oro: Brister i omsorgen; grupp: Mottagning barn och unga.',
    );
    expect(skydd).toMatchObject({
      what: 'Skyddsbedömning gjord: inget omedelbart skyddsbehov.',
      why: 'Inga tecken på akut fara enligt förskolan.',
    });
    expect(assign.what).toBe('Ärendet fördelat till Anna Berg.');
    expect(forhand).toMatchObject({
      what: 'Förhandsbedömning: utredning inleds ons 25 nov 2026, ska vara klar senast tors 25 mars; utredare: Anna Berg och Bo Lindqvist.',
      why: 'Oron kvarstår efter samtal med pappan.',
    });
    expect(contact).toMatchObject({ what: 'Kontakt: hembesök ons 2 dec 2026.', why: 'Båda vårdnadshavarna hemma.' });
    expect(extend).toMatchObject({
      what: 'Utredningen förlängd från tors 25 mars till tis 25 maj (lagstadgad tid tors 25 mars).',
      why: 'Väntar på utlåtande från BUP.',
    });
    expect(close).toMatchObject({
      what: 'Utredningen avslutad med ingen insats; uppföljning till tors 1 juli.',
      why: 'Familjen har stöd via skolan.',
    });
    expect(JSON.stringify(t)).not.toContain(report().summary!);
  });

  it("states that the history was checked, with the case's own number of events, not the log's", async () => {
    const { deps } = await historyOfOneCase();
    await registerCase(deps, { externalId: 'IFO-2026-000999', childRef: 'B-2026-0999' });
    const t = (await caseTimeline(deps, ID))!;
    expect(t.audit).toMatchObject({ ok: true, entries: 8 }); // the whole log: this case and the other
    expect(t.entries).toHaveLength(7);
    expect(t.auditStatement).toBe('Historiken är kontrollerad: inget har ändrats i efterhand (7 händelser).');
    const other = (await caseTimeline(deps, 'IFO-2026-000999'))!;
    expect(other.auditStatement).toBe('Historiken är kontrollerad: inget har ändrats i efterhand (1 händelse).');
    expect(t.auditStatement + other.auditStatement).not.toMatch(/hashkedja|poster/);
  });

  it('says so plainly when an entry was edited afterwards', async () => {
    const file = tempDataFile();
    const { deps } = await historyOfOneCase(file);
    await deps.store.close();
    const journal = `${file}.journal`; // an edit of the same length: only the chain can tell
    writeFileSync(journal, readFileSync(journal, 'utf8').replaceAll('utlåtande från BUP', 'utlåtande från XYZ'));
    const store = await openLowdbStore(file);
    try {
      const t = (await caseTimeline({ ...deps, store }, ID))!;
      expect(t.audit.ok).toBe(false);
      expect(t.auditStatement).toMatch(
        /^Varning: historiken kan ha ändrats i efterhand\. Kontrollen stämmer inte från post \d+ i loggen; kontakta den som förvaltar Ärendevakt/,
      );
      expect(t.auditStatement).not.toMatch(/hashkedja/);
    } finally {
      await store.close();
    }
  });

  it('is CSV that Swedish Excel opens: BOM, semicolons, quoted cells, formula-looking text neutralised, the chain statement last', async () => {
    const { deps } = await historyOfOneCase();
    const t = (await caseTimeline(deps, ID))!;
    t.entries[1].why = '=HYPERLINK("x")';
    const csv = timelineCsv(t);
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFFnr;tid;vem;händelse;vad;varför\r\n')).toBe(true);
    expect(lines).toHaveLength(t.entries.length + 3); // header, entries, statement, trailing ''
    expect(lines[2]).toBe(
      '2;2026-11-20 11:05;Anna Berg;SkyddsbedomningRecorded;Skyddsbedömning gjord: inget omedelbart skyddsbehov.;"\'=HYPERLINK(""x"")"',
    );
    expect(lines.at(-2)).toMatch(/^;;;Granskningslogg;"?Historiken är kontrollerad: inget har ändrats i efterhand/);
  });

  it('is undefined for a case never seen', async () => {
    const deps = await testDeps();
    expect(await caseTimeline(deps, 'IFO-0000-000000')).toBeUndefined();
  });
});
