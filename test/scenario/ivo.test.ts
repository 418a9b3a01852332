// The IVO complaint case of docs/domain.md (failure 4) replayed with fixed clocks through the real use
// cases and store: fifteen reports about one boy in ten months, his mother's case in the adult
// section, a threat of violence. What the bot must show: the count of reports (and that they repeat),
// the sections linked on the first overlap (one samordning card, to both team leads), VINR told, and
// the boy's cases read back as one story.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import { findCase } from '../../src/app/caseQueries.js';
import { executeCaseCommand } from '../../src/app/executeCaseCommand.js';
import { ingestReport } from '../../src/app/ingestReport.js';
import { OUTBOX, type OutboxMessage } from '../../src/outbox/messages.js';
import { caseCardFor } from '../../src/outbox/caseCards.js';
import { childTimeline } from '../../src/app/timeline.js';
import type { Concern } from '../../src/domain/schemas.js';
import { addDays } from '../../src/domain/time.js';
import { cardText } from '../support/bot.js';
import { actor, ADULT_STAFF, FAMILY_ORG, report, STAFF } from '../domain/fixtures.js';
import { intakeDeps } from '../app/ingest.support.js';

let deps: AppDeps & { clock?: Date };
afterEach(async () => {
  await deps?.store.close();
});

const BOY = 'B-2016-0815';
const FAMILY = 'F-IVO-0001';
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+01:00`);
const outbox = async () => await deps.store.listDocs<OutboxMessage>(OUTBOX);
const cards = async (template: string) =>
  (await outbox()).filter((m) => m.content.kind === 'card' && m.content.template === template);

describe('the IVO complaint case: fifteen reports about one boy in ten months', () => {
  it('counts the reports, links the adult section on the first overlap, tells VINR and reads as one story', async () => {
    deps = await intakeDeps({ org: FAMILY_ORG, now: at('2026-01-12') });
    const set = (d: Date) => ((deps as unknown as { clock: Date }).clock = d);
    const ids: string[] = [];
    // A report every three weeks from 12 January; each but the last two is assessed and not opened.
    for (let i = 0; i < 15; i++) {
      const day = addDays('2026-01-12', i * 21);
      set(at(day, '09:05'));
      const id = `IFO-2026-1${String(i + 1).padStart(3, '0')}`;
      const concerns: Concern[] = i === 14 ? ['violence', 'parental_substance_abuse'] : ['parental_substance_abuse'];
      const r = await ingestReport(
        deps,
        report({ externalId: id, childRef: BOY, familyRef: FAMILY, receivedAt: `${day}T09:00:00+01:00`, concerns }),
      );
      expect(r.status).toBe(201);
      ids.push(id);
      if (i === 8) {
        // 29 June: the mother's own case is opened in the adult section.
        const adult = await ingestReport(
          deps,
          report({
            externalId: 'VUX-2026-0040',
            groupId: 'vuxen-missbruk',
            childRef: 'V-1985-0001',
            familyRef: FAMILY,
            receivedAt: `${day}T09:00:00+01:00`,
            reporter: { type: 'healthcare', professional: true },
            concerns: ['parental_substance_abuse'],
            summary: 'Vuxensektionens egen text.',
          }),
        );
        expect(adult.status).toBe(201);
      }
      if (i < 13) {
        for (const intent of [
          { type: 'recordSkyddsbedomning', immediateProtection: false, motivation: 'Ingen akut fara.' },
          { type: 'decideForhandsbedomning', outcome: 'not_open', motivation: 'Ingen utredning inleds.' },
        ] as const) {
          const c = (await deps.store.getCase(id))!;
          const d = await executeCaseCommand(deps, {
            caseId: id,
            expectedVersion: c.version,
            actor: actor(STAFF.karin),
            intent,
          });
          expect(d.ok).toBe(true);
        }
      }
    }
    const last = ids[14];
    // Within ten months: from 12 January to 2 November.
    expect((await deps.store.getCase(last))!.receivedAt).toBe('2026-11-02T09:00:00+01:00');

    // The count of reports and the repeat mark, on the last card and in the API.
    const text = cardText(await caseCardFor(deps, (await deps.store.getCase(last))!));
    expect(text).toContain('Anmälningar de senaste 12 månaderna: 15 om barnet · 15 i familjen');
    expect(text).toContain('Upprepad anmälan: den 9:e om barnet inom 6 månader.');
    expect((await findCase(deps, last))!.history).toMatchObject({
      reportsAboutChild12m: 15,
      repeated: { nth: 9, months: 6 },
    });
    // Already the third report was marked.
    expect(cardText(await caseCardFor(deps, (await deps.store.getCase(ids[2]))!))).toContain(
      'Upprepad anmälan: den 3:e',
    );

    // The sections were linked on the first overlap: one card to each side, at that moment only.
    const samordning = await cards('samordning');
    expect(samordning.map((m) => (m.target as { staffId: string }).staffId).sort()).toEqual(
      [STAFF.karin.aadObjectId, ADULT_STAFF.pia.aadObjectId].sort(),
    );
    expect(new Set(samordning.map((m) => m.createdAt))).toEqual(new Set(['2026-06-29T08:05:00.000Z']));
    expect(text).toMatch(/Vuxen – missbruk: ej fördelat, sedan mån 29 jun/);
    expect(JSON.stringify(samordning.map((m) => m.content))).not.toContain('Vuxensektionens egen text');

    // The threat of violence: VINR is told about the report itself and about the boy's other open case.
    const vinr = (await cards('vinr-notice')).map((m) => (m.content as { data: { caseId: string } }).data.caseId);
    expect(vinr.sort()).toEqual([ids[13], last].sort());
    expect(cardText(await caseCardFor(deps, (await deps.store.getCase(ids[13]))!))).toContain('Våld i familjen');

    // The timeline of the boy's cases reads as one story: every report, in order, each naming its case.
    const story = (await childTimeline(deps, last))!;
    const registered = story.entries.filter((e) => e.event === 'ReportRegistered');
    expect(registered.map((e) => e.caseId)).toEqual(ids);
    expect(registered.every((e) => e.what.startsWith(`${e.caseId}: `))).toBe(true);
    const times = story.entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(story.entries.some((e) => e.caseId === 'VUX-2026-0040')).toBe(false);
    expect(JSON.stringify(story)).not.toContain('Vuxensektionens egen text');
  });
});
