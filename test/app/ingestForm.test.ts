// "Ny anmälan" by hand: the form card and its submission through the intake use case, with the same
// validation and messages as the API, and never a refused personnummer shown back.
import { newReportCard } from '../../src/cards/newReportForm.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import type { OutboxMessage } from '../../src/outbox/messages.js';
import { formToReport, newReportForm, submitReportForm } from '../../src/app/reportForm.js';
import { actor, STAFF } from '../domain/fixtures.js';
import { cardText } from '../support/bot.js';
import { syntheticPersonnummer } from '../support/synthetic.js';
import { validateCard } from '../support/validateCard.js';
import { intakeDeps } from './ingest.support.js';

let deps: AppDeps;
afterEach(async () => {
  await deps?.store.close();
});

const pnr = () => syntheticPersonnummer('050505050');

const filled = (over: Record<string, string> = {}) => ({
  form: 'new-report',
  externalId: 'IFO-2026-004512',
  receivedDate: '2026-11-20',
  receivedTime: '09:15',
  groupId: 'barn-mottagning',
  childRef: 'B-2026-0412',
  reporterType: 'preschool',
  professional: 'ja',
  concerns: 'neglect,violence',
  summary: 'Hög frånvaro.',
  ...over,
});

/** Input values of a rendered card by id. */
function inputs(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('the Ny anmälan form', () => {
  it('is a valid card offering the person’s own groups, the channel’s group preselected, today’s date', async () => {
    deps = await intakeDeps();
    const card = newReportCard(newReportForm(deps, actor(STAFF.anna), { groupId: 'barn-mottagning' }));
    expect(validateCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('"verb":"report.create"');
    const group = JSON.stringify(card).match(/"id":"groupId"[^\]]*\]/)![0];
    expect(group).toContain('barn-mottagning');
    expect(group).not.toContain('barn-utredning-1');
    expect(inputs(card)).toMatchObject({
      groupId: 'barn-mottagning',
      receivedDate: '2026-11-20',
      receivedTime: '10:00',
      professional: 'ja',
    });
    const all = JSON.stringify(newReportCard(newReportForm(deps, actor(STAFF.lars))));
    expect(all).toContain('barn-utredning-1');
    expect(all).toContain('vinr');
  });

  it('registers through the same use case: the person is the actor, the group channel gets the card', async () => {
    deps = await intakeDeps();
    const r = await submitReportForm(deps, actor(STAFF.anna), filled());
    expect(r.ok && r.status).toBe(201);
    expect(r.ok && r.message).toMatch(/IFO-2026-004512 är registrerad/);
    expect(await deps.store.getCase('IFO-2026-004512')).toMatchObject({
      receivedAt: '2026-11-20T09:15:00+01:00',
      concerns: ['neglect', 'violence'],
      reporter: { type: 'preschool', professional: true },
    });
    expect((await deps.store.auditFor('IFO-2026-004512'))[0].actor).toBe(STAFF.anna.aadObjectId);
    const out = await deps.store.listDocs<OutboxMessage>('outbox');
    expect(out.map((m) => m.target)).toEqual(
      expect.arrayContaining([
        { kind: 'group', groupId: 'barn-mottagning' },
        { kind: 'group', groupId: 'vinr' },
      ]),
    );
    const again = await submitReportForm(deps, actor(STAFF.anna), filled());
    expect(again.ok && again.status).toBe(200);
    const changed = await submitReportForm(deps, actor(STAFF.anna), filled({ concerns: 'other' }));
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(cardText(newReportCard(changed.form))).toMatch(/finns redan med annat innehåll/);
  });

  it('refuses a personnummer with the API’s message, by field, and shows the form again without it', async () => {
    deps = await intakeDeps();
    const number = pnr();
    const r = await submitReportForm(
      deps,
      actor(STAFF.anna),
      filled({ summary: `Barnet ${number} har hög frånvaro.`, childRef: number.replace('-', '') }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = cardText(newReportCard(r.form));
    expect(text).toMatch(/Texten innehåller något som liknar ett personnummer eller samordningsnummer/);
    expect(text).toMatch(/Referensen liknar ett personnummer/);
    expect(JSON.stringify(newReportCard(r.form))).not.toContain(number);
    expect(JSON.stringify(newReportCard(r.form))).not.toContain(number.replace('-', ''));
    expect(inputs(newReportCard(r.form))).toMatchObject({
      summary: '',
      childRef: '',
      externalId: 'IFO-2026-004512',
      concerns: 'neglect,violence',
    });
    expect(validateCard(newReportCard(r.form))).toEqual([]);
    expect([...(await deps.store.allCases())]).toHaveLength(0);
  });

  it('names wrong fields in Swedish and refuses another group’s registration', async () => {
    deps = await intakeDeps();
    const r = await submitReportForm(
      deps,
      actor(STAFF.anna),
      filled({ receivedDate: '2026-02-30', concerns: '', reporterType: '' }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const text = cardText(newReportCard(r.form));
      expect(text).toMatch(/Rätta fälten nedan/);
      expect(text).toMatch(/ISO 8601|Fel format|Tid/);
      expect(text).toMatch(/För kort eller för få/);
    }
    const other = await submitReportForm(deps, actor(STAFF.anna), filled({ groupId: 'barn-utredning-1' }));
    expect(other.ok).toBe(false);
    if (!other.ok) expect(cardText(newReportCard(other.form))).toMatch(/bara registrera anmälningar i din egen grupp/);
    expect([...(await deps.store.allCases())]).toHaveLength(0);
  });

  it('turns the form inputs into the API body', () => {
    expect(formToReport(filled({ receivedTime: '', professional: 'nej' }))).toEqual({
      externalId: 'IFO-2026-004512',
      receivedAt: '2026-11-20T00:00:00+01:00',
      groupId: 'barn-mottagning',
      childRef: 'B-2026-0412',
      reporter: { type: 'preschool', professional: false },
      concerns: ['neglect', 'violence'],
      summary: 'Hög frånvaro.',
    });
  });
});
