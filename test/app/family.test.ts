// The family through the use cases over a real store (docs/family.md): familyRef through the API, the
// form and the import, guarded like every reference; siblings on each other's cards; violence in the
// family told to VINR for every child case; the samordning card once when a second section opens a
// case, with nothing of either side's content on it; and the press that tells the other team lead.
import { newReportCard } from '../../src/cards/newReportForm.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { findCase } from '../../src/app/caseQueries.js';
import { assignSiblings } from '../../src/app/family.js';
import { importReports } from '../../src/app/importReports.js';
import { ingestReport } from '../../src/app/ingestReport.js';
import { OUTBOX, type OutboxMessage } from '../../src/outbox/messages.js';
import { caseCardFor } from '../../src/outbox/caseCards.js';
import { submitReportForm } from '../../src/app/reportForm.js';
import { FAMILY_NOTICES, tellOtherSection, type Samordning } from '../../src/app/samordning.js';
import { assignCase } from '../../src/app/assignCase.js';
import { unassigned } from '../../src/domain/queries.js';
import { REFERENCE_MESSAGE } from '../../src/domain/secrecy.js';
import { cardText } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';
import { actor, ADULT_STAFF, FAMILY_ORG, report, STAFF, syntheticPersonnummer } from '../domain/fixtures.js';
import { intakeDeps } from './ingest.support.js';

let deps: AppDeps;
afterEach(async () => {
  await deps?.store.close();
});

const FAMILY = 'F-2026-0107';
const outbox = async () => await deps.store.listDocs<OutboxMessage>(OUTBOX);
const cardsOf = async (template: string) =>
  (await outbox()).filter((m) => m.content.kind === 'card' && m.content.template === template);

async function threeSiblings() {
  for (const [i, child] of ['B-2026-0412', 'B-2026-0413', 'B-2026-0414'].entries()) {
    const r = await ingestReport(
      deps,
      report({
        externalId: `IFO-2026-00451${i}`,
        childRef: child,
        familyRef: FAMILY,
        summary: 'Hemlig text om barnet.',
      }),
    );
    expect(r.status).toBe(201);
  }
  return ['IFO-2026-004510', 'IFO-2026-004511', 'IFO-2026-004512'];
}

describe('the family reference at every entrance', () => {
  it('is stored from the API and returned by GET /api/cases/{ref} with the siblings', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    const ids = await threeSiblings();
    expect((await deps.store.casesByFamily(FAMILY)).map((c) => c.id)).toEqual(ids);
    const api = (await findCase(deps, ids[0]))!;
    expect(api.familyRef).toBe(FAMILY);
    expect(api.family?.siblings.map((s) => s.externalId)).toEqual([ids[1], ids[2]]);
    expect(api.family?.siblings[0]).toEqual({ externalId: ids[1], phase: 'skyddsbedomning', owners: [] });
    // The same report again is the same report; with another family it is not.
    expect(
      (
        await ingestReport(
          deps,
          report({ externalId: ids[0], childRef: 'B-2026-0412', familyRef: FAMILY, summary: 'Hemlig text om barnet.' }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await ingestReport(
          deps,
          report({ externalId: ids[0], childRef: 'B-2026-0412', familyRef: 'F-9', summary: 'Hemlig text om barnet.' }),
        )
      ).status,
    ).toBe(409);
  });

  it('refuses a familyRef shaped like a personnummer, naming the field, never repeating it, storing nothing', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    const pnr = syntheticPersonnummer();
    const r = await ingestReport(deps, report({ familyRef: pnr }));
    expect(r.status).toBe(400);
    if (r.status !== 400) return;
    expect(r.refusal.fields?.familyRef).toBe(REFERENCE_MESSAGE);
    expect(JSON.stringify(r.refusal)).not.toContain(pnr);
    expect(JSON.stringify(r.refusal)).not.toContain(pnr.replace('-', ''));
    expect([...(await deps.store.allCases())]).toHaveLength(0);
  });

  it('comes in from the ny anmälan form; refused there, the field comes back empty with the message', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    const form = {
      externalId: 'IFO-2026-004600',
      receivedDate: '2026-11-20',
      receivedTime: '09:00',
      groupId: 'barn-mottagning',
      childRef: 'B-2026-0600',
      reporterType: 'school',
      professional: 'ja',
      concerns: 'neglect',
    };
    const ok = await submitReportForm(deps, actor(STAFF.karin), { ...form, familyRef: FAMILY });
    expect(ok.ok).toBe(true);
    expect((await deps.store.getCase('IFO-2026-004600'))?.familyRef).toBe(FAMILY);
    const pnr = syntheticPersonnummer();
    const bad = await submitReportForm(deps, actor(STAFF.karin), {
      ...form,
      externalId: 'IFO-2026-004601',
      familyRef: pnr,
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(JSON.stringify(newReportCard(bad.form))).not.toContain(pnr);
    expect(cardText(newReportCard(bad.form))).toContain(REFERENCE_MESSAGE);
    expect(validateCard(newReportCard(bad.form))).toEqual([]);
  });

  it('comes in from the import column familjereferens', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    const csv = [
      'ärendereferens;mottagen;grupp;barnreferens;familjereferens;anmälare;oro',
      'IFO-2026-004700;2026-11-19 09:00;barn-mottagning;B-2026-0700;F-2026-0200;skola;omsorgsbrist',
      'IFO-2026-004701;2026-11-19 09:05;barn-mottagning;B-2026-0701;F-2026-0200;skola;omsorgsbrist',
      'IFO-2026-004702;2026-11-19 09:10;barn-mottagning;B-2026-0702;;skola;omsorgsbrist',
    ].join('\n');
    const r = await importReports(deps, csv, { dryRun: false });
    expect(r.problems).toEqual([]);
    expect((await deps.store.casesByFamily('F-2026-0200')).map((c) => c.id)).toEqual([
      'IFO-2026-004700',
      'IFO-2026-004701',
    ]);
    expect((await deps.store.getCase('IFO-2026-004702'))?.familyRef).toBeUndefined();
    const pnr = syntheticPersonnummer();
    const bad = await importReports(deps, csv.replace('F-2026-0200', pnr).replace(/IFO-2026-0047/g, 'IFO-2026-0048'), {
      dryRun: false,
    });
    expect(bad.committed).toBe(false);
    expect(bad.problems).toEqual([{ line: 2, column: 'familjereferens', message: REFERENCE_MESSAGE }]);
  });
});

describe('siblings', () => {
  it('each card lists the other two with phase and owner; assigning one suggests the same caseworker for the others', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    const ids = await threeSiblings();
    const text = async (id: string) => cardText(await caseCardFor(deps, (await deps.store.getCase(id))!));
    for (const id of ids) {
      const others = ids.filter((x) => x !== id);
      expect(await text(id)).toContain('Syskon\n');
      expect(await text(id)).not.toContain(FAMILY);
      for (const o of others) expect(await text(id)).toContain(`${o} · Skyddsbedömning · Ej fördelad`);
    }
    const first = (await deps.store.getCase(ids[0]))!;
    const a = await assignCase(deps, {
      caseId: first.id,
      version: first.version,
      assignees: [STAFF.anna.aadObjectId],
      actor: actor(STAFF.karin),
    });
    expect(a.ok).toBe(true);
    // The siblings' cards are redrawn in the same commit and preselect Anna.
    const redrawn = (await outbox()).filter(
      (m) => m.content.kind === 'caseCard' && m.createdAt === deps.now().toISOString(),
    );
    expect(new Set(redrawn.map((m) => (m.content as { caseId: string }).caseId))).toEqual(new Set(ids));
    const card = await caseCardFor(deps, (await deps.store.getCase(ids[1]))!);
    expect(cardText(card)).toContain('Samma handläggare som syskonen föreslås: Anna Berg');
    // The assign list is in a team lead's own view (the channel card has none: docs/cards.md).
    const leadView = await caseCardFor(deps, (await deps.store.getCase(ids[1]))!, { viewer: 'team_lead' });
    expect(JSON.stringify(leadView)).toContain(`"value":"${STAFF.anna.aadObjectId}"`);
    expect(validateCard(card)).toEqual([]);
    expect(validateCard(leadView)).toEqual([]);
    // A caseworker may not distribute: each sibling is refused by the assign use case, nothing changes.
    const byBo = await assignSiblings(deps, actor(STAFF.bo), ids[0]);
    expect(byBo.ok && byBo.assigned).toEqual([]);
    expect(byBo.ok && byBo.failed.map((f) => f.caseId)).toEqual([ids[1], ids[2]]);
    expect((await deps.store.getCase(ids[1]))!.assignees).toEqual([]);
    // One press by the team lead gives the siblings the same caseworker.
    const r = await assignSiblings(deps, actor(STAFF.karin), ids[0]);
    expect(r.ok && r.assigned).toEqual([ids[1], ids[2]]);
    for (const id of ids) expect((await deps.store.getCase(id))!.assignees).toEqual([STAFF.anna.aadObjectId]);
    const again = await assignSiblings(deps, actor(STAFF.karin), ids[0]);
    expect(again.ok).toBe(false);
  });
});

describe('other sections and the samordning card', () => {
  it('a case in the adult section with the same familyRef: one card to each side team lead, no content crossing', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    const ids = await threeSiblings();
    expect(await cardsOf('samordning')).toHaveLength(0);
    const adult = await ingestReport(
      deps,
      report({
        externalId: 'VUX-2026-0090',
        groupId: 'vuxen-missbruk',
        childRef: 'V-2026-0090',
        familyRef: FAMILY,
        reporter: { type: 'healthcare', professional: true },
        concerns: ['parental_substance_abuse'],
        summary: 'Vuxentext som inte får synas hos barn.',
      }),
    );
    expect(adult.status).toBe(201);
    // The adult case has no child-welfare deadlines.
    expect((await findCase(deps, 'VUX-2026-0090'))!.deadlines).toEqual([]);
    const cards = await cardsOf('samordning');
    expect(cards.map((m) => (m.target as { staffId: string }).staffId).sort()).toEqual(
      [STAFF.karin.aadObjectId, ADULT_STAFF.pia.aadObjectId].sort(),
    );
    const toKarin = cards.find((m) => (m.target as { staffId: string }).staffId === STAFF.karin.aadObjectId)!;
    const toPia = cards.find((m) => (m.target as { staffId: string }).staffId === ADULT_STAFF.pia.aadObjectId)!;
    const karinJson = JSON.stringify(toKarin.content);
    const piaJson = JSON.stringify(toPia.content);
    // Karin sees her own cases and that the adult section is involved; never the adult case's reference or text.
    for (const id of ids) expect(karinJson).toContain(id);
    expect(karinJson).toContain('Vuxen – missbruk');
    expect(karinJson).not.toContain('VUX-2026-0090');
    expect(karinJson).not.toContain('Vuxentext');
    expect(piaJson).toContain('VUX-2026-0090');
    for (const id of ids) expect(piaJson).not.toContain(id);
    expect(piaJson).not.toContain('Hemlig text');
    expect(piaJson).not.toMatch(/B-2026-04/);
    // The child card says the adult section is involved, with no content; the adult card the reverse.
    const childCard = cardText(await caseCardFor(deps, (await deps.store.getCase(ids[0]))!));
    expect(childCard).toMatch(/Andra sektioner med familjen\nVuxen – missbruk: ej fördelat, sedan/);
    expect(childCard).not.toContain('VUX-2026-0090');
    const adultCard = await caseCardFor(deps, (await deps.store.getCase('VUX-2026-0090'))!);
    expect(cardText(adultCard)).toMatch(/Barn och unga: ej fördelat, sedan/);
    expect(cardText(adultCard)).not.toMatch(/IFO-2026-0045|Syskon|Hemlig/);
    expect(cardText(adultCard)).toContain('inga tidsfrister bevakas');
    // No child-welfare decision on it, and it is never listed as unassigned in the child watch.
    expect(JSON.stringify(adultCard)).not.toMatch(/decision\.(skydd|forhand)/);
    expect(
      unassigned(await deps.store.openCases(), deps.now(), deps.calendar)
        .map((u) => u.case.id)
        .sort(),
    ).toEqual(ids);
    expect(validateCard(adultCard)).toEqual([]);
    const api = (await findCase(deps, ids[0]))!;
    expect(api.family?.otherSections).toEqual([
      { section: 'Vuxen – missbruk', owners: [], since: '2026-11-20T09:15:00+01:00' },
    ]);
    // A second adult case of the family: no second card (only the first overlap).
    await ingestReport(
      deps,
      report({ externalId: 'VUX-2026-0091', groupId: 'vuxen-missbruk', childRef: 'V-2026-0091', familyRef: FAMILY }),
    );
    expect(await cardsOf('samordning')).toHaveLength(2);
  });

  it('one press tells the other section team lead; the second press sees who did it; an outsider may not', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    await threeSiblings();
    await ingestReport(
      deps,
      report({ externalId: 'VUX-2026-0090', groupId: 'vuxen-missbruk', childRef: 'V-2026-0090', familyRef: FAMILY }),
    );
    const s = (await deps.store.listDocs<Samordning>(FAMILY_NOTICES)).find((d) => d.id.startsWith('samordning:'))!;
    const outsider = await tellOtherSection(deps, actor(STAFF.olof), {
      samordningId: s.id,
      toSection: 'vuxen-missbruk',
    });
    expect(outsider.ok).toBe(false);
    const r = await tellOtherSection(deps, actor(STAFF.karin), { samordningId: s.id, toSection: 'vuxen-missbruk' });
    expect(r.ok).toBe(true);
    const texts = (await outbox()).filter(
      (m) => m.content.kind === 'text' && (m.target as { staffId?: string }).staffId === ADULT_STAFF.pia.aadObjectId,
    );
    expect(texts).toHaveLength(1);
    expect((texts[0].content as { text: string }).text).toBe(
      `Karin Ek i Barn och unga vill samordna kring familj ${FAMILY}: familjen har öppna ärenden både hos er (Vuxen – missbruk) och hos Barn och unga. Kontakta Karin Ek.`,
    );
    const second = await tellOtherSection(deps, actor(STAFF.karin), {
      samordningId: s.id,
      toSection: 'vuxen-missbruk',
    });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.refusal.message).toContain('Karin Ek har redan meddelat');
    expect((await outbox()).filter((m) => m.content.kind === 'text')).toHaveLength(1);
  });
});

describe('violence across the family', () => {
  it('a violence concern on the parent case puts the VINR notice and the violence flag on every child case', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG });
    const ids = await threeSiblings();
    expect(await cardsOf('vinr-notice')).toHaveLength(0);
    await ingestReport(
      deps,
      report({
        externalId: 'VUX-2026-0090',
        groupId: 'vuxen-missbruk',
        childRef: 'V-2026-0090',
        familyRef: FAMILY,
        concerns: ['violence', 'parental_substance_abuse'],
      }),
    );
    const notices = (await cardsOf('vinr-notice')).map(
      (m) => (m.content as { data: { caseId: string; why: string } }).data,
    );
    // One for the adult case itself (its own concern), one for each child case of the family.
    expect(notices.map((n) => n.caseId).sort()).toEqual([...ids, 'VUX-2026-0090'].sort());
    for (const n of notices.filter((x) => x.caseId !== 'VUX-2026-0090'))
      expect(n.why).toBe('Oro för våld i nära relationer finns i ett annat ärende i familjen');
    for (const id of ids)
      expect(cardText(await caseCardFor(deps, (await deps.store.getCase(id))!))).toContain('Våld i familjen');
    // A fourth child reported later is told to VINR too, once.
    await ingestReport(deps, report({ externalId: 'IFO-2026-004513', childRef: 'B-2026-0415', familyRef: FAMILY }));
    expect(
      (await cardsOf('vinr-notice')).filter((m) => JSON.stringify(m.content).includes('IFO-2026-004513')),
    ).toHaveLength(1);
    expect((await findCase(deps, 'IFO-2026-004513'))!.family?.violenceInFamily).toBe(true);
  });
});
