// Decisions from forms as the people recording them would notice: the case moves on and the card is
// refreshed, the wrong role or a stale card changes nothing, every bad field gets its own Swedish
// message, and a personnummer in free text is refused before anything is stored.
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/context.js';
import {
  closeInvestigation,
  completeAterkoppling,
  decideForhandsbedomning,
  extendInvestigation,
  recordBarnsamtalNotHeld,
  recordContact,
  recordSkyddsbedomning,
  type DecisionInput,
  type DecisionResult,
} from '../../src/app/decisions.js';
import { OUTBOX, type OutboxMessage } from '../../src/outbox/messages.js';
import { SECRECY_MESSAGE } from '../../src/domain/secrecy.js';
import type { Case, Staff } from '../../src/domain/schemas.js';
import { EXAMPLE_ORG, person, report } from '../support/bot.js';
import { actorOf, registerCase, testDeps } from '../support/deps.js';
import { syntheticPersonnummer } from '../support/synthetic.js';

const anna = person(EXAMPLE_ORG, 'anna'); // caseworker, barn-mottagning
const bo = person(EXAMPLE_ORG, 'bo'); // caseworker, barn-mottagning
const karin = person(EXAMPLE_ORG, 'karin'); // team lead, barn-mottagning
const elin = person(EXAMPLE_ORG, 'elin'); // caseworker in another group
const ID = report().externalId;

let clock = new Date('2026-11-20T09:30:00+01:00');
async function fresh(): Promise<AppDeps> {
  clock = new Date('2026-11-20T09:30:00+01:00');
  const deps = await testDeps({ now: () => clock, caseLinkTemplate: 'https://treserva.example/arende/{externalId}' });
  // The preschool asked to be told the outcome (19 kap. 6 § SoL): the återkoppling is a deadline.
  await registerCase(deps, { reporter: { type: 'preschool', professional: true, requestsFeedback: true } });
  return deps;
}
const at = (iso: string) => {
  clock = new Date(iso);
};
const input = (c: Case, who: Staff, data: Record<string, unknown>): DecisionInput => ({
  caseId: c.id,
  version: c.version,
  actor: actorOf(who),
  data,
});
const ok = (r: DecisionResult) => {
  if (!r.ok) throw new Error(`refused: ${r.refusal.message} ${JSON.stringify(r.refusal.fields ?? {})}`);
  return r;
};
const caseOf = async (deps: AppDeps) => (await deps.store.getCase(ID))!;

async function skyddDone(deps: AppDeps) {
  return ok(
    await recordSkyddsbedomning(
      deps,
      input(await caseOf(deps), anna, { immediateProtection: 'nej', motivation: 'Inga tecken på akut fara.' }),
    ),
  ).case;
}
async function opened(deps: AppDeps) {
  await skyddDone(deps);
  at('2026-11-25T10:00:00+01:00');
  return ok(
    await decideForhandsbedomning(
      deps,
      input(await caseOf(deps), karin, {
        outcome: 'open',
        motivation: 'Oron kvarstår efter samtal.',
        investigator: anna.aadObjectId,
        secondInvestigator: bo.aadObjectId,
      }),
    ),
  ).case;
}

/** Nothing written: same version, same audit length, same outbox. */
async function snapshot(deps: AppDeps) {
  return {
    version: (await caseOf(deps)).version,
    audit: (await deps.store.auditFor(ID)).length,
    outbox: (await deps.store.listDocs<OutboxMessage>(OUTBOX)).length,
  };
}

describe('skyddsbedömning', () => {
  it('is recorded with who, result and motivation; the card is refreshed and the person reminded to document it with the link', async () => {
    const deps = await fresh();
    const before = await snapshot(deps);
    const r = ok(
      await recordSkyddsbedomning(
        deps,
        input(await caseOf(deps), anna, { immediateProtection: 'nej', motivation: 'Inga tecken på akut fara.' }),
      ),
    );
    expect(r.case.skyddsbedomning).toMatchObject({
      by: anna.aadObjectId,
      immediateProtection: false,
      motivation: 'Inga tecken på akut fara.',
    });
    expect(r.case.phase).toBe('forhandsbedomning');
    expect(r.message).toMatch(/inget omedelbart skyddsbehov/);
    expect(r.reminder.text).toMatch(/dokumentera beslutet i verksamhetssystemet/);
    expect(r.reminder.link).toBe(`https://treserva.example/arende/${ID}`);
    const after = await snapshot(deps);
    expect(after.version).toBe(before.version + 1);
    expect(after.outbox).toBe(before.outbox + 1);
    expect((await deps.store.auditFor(ID)).at(-1)).toMatchObject({
      type: 'SkyddsbedomningRecorded',
      actor: anna.aadObjectId,
      reason: 'Inga tecken på akut fara.',
    });
  });

  it('someone outside the case group is refused and nothing changes', async () => {
    const deps = await fresh();
    const before = await snapshot(deps);
    const r = await recordSkyddsbedomning(
      deps,
      input(await caseOf(deps), elin, { immediateProtection: 'ja', motivation: 'Akut.' }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('forbidden');
    expect(await snapshot(deps)).toEqual(before);
  });

  it('a stale card is refused with who changed the case, and nothing changes', async () => {
    const deps = await fresh();
    const old = await caseOf(deps);
    ok(await recordContact(deps, input(old, bo, { kind: 'other', date: '2026-11-20', note: 'Samtal med förskolan.' })));
    const before = await snapshot(deps);
    const r = await recordSkyddsbedomning(
      deps,
      input(old, anna, { immediateProtection: 'nej', motivation: 'Ingen fara.' }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.code).toBe('stale');
    expect(r.changedBy?.name).toBe('Bo Lindqvist');
    expect(await snapshot(deps)).toEqual(before);
    expect((await caseOf(deps)).skyddsbedomning).toBeUndefined();
  });

  it('a form without a result or a motivation gets a Swedish message next to each field', async () => {
    const deps = await fresh();
    const before = await snapshot(deps);
    const r = await recordSkyddsbedomning(
      deps,
      input(await caseOf(deps), anna, { immediateProtection: '', motivation: '   ' }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.code).toBe('invalid');
    expect(r.refusal.fields).toEqual({
      immediateProtection: 'Välj om barnet behöver omedelbart skydd.',
      motivation: 'Skriv en kort motivering.',
    });
    expect(await snapshot(deps)).toEqual(before);
  });

  it('a motivation with a personnummer is refused by field and stored nowhere', async () => {
    const deps = await fresh();
    const pnr = syntheticPersonnummer('150912123');
    const before = await snapshot(deps);
    const r = await recordSkyddsbedomning(
      deps,
      input(await caseOf(deps), anna, { immediateProtection: 'nej', motivation: `Barnet ${pnr} verkar tryggt.` }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.fields).toEqual({ motivation: SECRECY_MESSAGE });
    expect(r.refusal.message).not.toContain(pnr);
    expect(await snapshot(deps)).toEqual(before);
    expect(JSON.stringify(await deps.store.auditFor(ID))).not.toContain(pnr.slice(0, 6));
  });
});

describe('förhandsbedömning', () => {
  it('opening starts the 4-month clock from the decision date with two investigators and leaves the återkoppling task', async () => {
    const deps = await fresh();
    await skyddDone(deps);
    at('2026-11-25T10:00:00+01:00');
    const r = ok(
      await decideForhandsbedomning(
        deps,
        input(await caseOf(deps), karin, {
          outcome: 'open',
          motivation: 'Oron kvarstår.',
          investigator: anna.aadObjectId,
          secondInvestigator: bo.aadObjectId,
        }),
      ),
    );
    expect(r.case.phase).toBe('utredning');
    expect(r.case.utredning).toMatchObject({
      openedOn: '2026-11-25',
      deadline: '2027-03-25',
      statutoryDeadline: '2027-03-25',
    });
    expect(r.case.assignees).toEqual([anna.aadObjectId, bo.aadObjectId]);
    expect(r.case.aterkoppling?.due).toBeDefined();
    expect(r.message).toMatch(/ska vara klar senast tors 25 mars 2027.*Anna Berg och Bo Lindqvist/);
  });

  it('not opening closes the case and keeps the återkoppling for the professional reporter', async () => {
    const deps = await fresh();
    await skyddDone(deps);
    const r = ok(
      await decideForhandsbedomning(
        deps,
        input(await caseOf(deps), karin, { outcome: 'not_open', motivation: 'Oron är utredd av skolan.' }),
      ),
    );
    expect(r.case.phase).toBe('closed');
    expect(r.case.closure?.outcome).toBe('not_opened');
    expect(r.message).toMatch(/Återkoppling till anmälaren senast/);
  });

  it('a caseworker may not decide it; nothing changes', async () => {
    const deps = await fresh();
    await skyddDone(deps);
    const before = await snapshot(deps);
    const r = await decideForhandsbedomning(
      deps,
      input(await caseOf(deps), anna, { outcome: 'open', motivation: 'Oro.' }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal.code).toBe('forbidden');
      expect(r.refusal.message).toMatch(/Som handläggare kan du inte/);
    }
    expect(await snapshot(deps)).toEqual(before);
  });

  it('a stale card changes nothing', async () => {
    const deps = await fresh();
    const old = await caseOf(deps);
    await skyddDone(deps);
    const before = await snapshot(deps);
    const r = await decideForhandsbedomning(deps, input(old, karin, { outcome: 'open', motivation: 'Oro.' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('stale');
    expect(await snapshot(deps)).toEqual(before);
  });

  it('missing outcome and motivation are named per field; after 14 days the decision is recorded as late', async () => {
    const deps = await fresh();
    await skyddDone(deps);
    const r = await decideForhandsbedomning(deps, input(await caseOf(deps), karin, {}));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal.fields?.outcome).toMatch(/Välj beslut/);
      expect(r.refusal.fields?.motivation).toBe('Skriv en motivering till beslutet.');
    }
    at('2026-12-10T10:00:00+01:00');
    const late = await decideForhandsbedomning(
      deps,
      input(await caseOf(deps), karin, { outcome: 'open', motivation: 'Oro.' }),
    );
    // 20 kap. 2 §: a reason typed after the fact is no extension: the decision counts as late.
    expect(late.ok && late.case.forhandsbedomning?.late).toBe(true);
    if (late.ok) expect(late.message).toContain('räknas som försenat');
  });

  it('synnerliga skäl with a personnummer are refused and nothing is stored', async () => {
    const deps = await fresh();
    await skyddDone(deps);
    const before = await snapshot(deps);
    const r = await decideForhandsbedomning(
      deps,
      input(await caseOf(deps), karin, {
        outcome: 'open',
        motivation: 'Oro.',
        synnerligaSkal: `Polisförhör med ${syntheticPersonnummer('150912123')}`,
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.fields).toEqual({ synnerligaSkal: SECRECY_MESSAGE });
    expect(await snapshot(deps)).toEqual(before);
  });
});

describe('extension', () => {
  it('a team lead extends with a reason; the old and the statutory deadline are both kept', async () => {
    const deps = await fresh();
    await opened(deps);
    at('2027-03-01T10:00:00+01:00');
    const r = ok(
      await extendInvestigation(
        deps,
        input(await caseOf(deps), karin, { newDeadline: '2027-05-25', reason: 'Väntar på BBIC-utlåtande från BUP.' }),
      ),
    );
    expect(r.case.utredning).toMatchObject({ deadline: '2027-05-25', statutoryDeadline: '2027-03-25' });
    expect(r.case.utredning?.extensions[0]).toMatchObject({
      previousDeadline: '2027-03-25',
      newDeadline: '2027-05-25',
      by: karin.aadObjectId,
    });
    expect(r.message).toMatch(/från tors 25 mars till tis 25 maj/);
  });

  it('a caseworker may not extend (the default setting); nothing changes', async () => {
    const deps = await fresh();
    await opened(deps);
    const before = await snapshot(deps);
    const r = await extendInvestigation(
      deps,
      input(await caseOf(deps), anna, { newDeadline: '2027-05-25', reason: 'Behöver mer tid.' }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('forbidden');
    expect(await snapshot(deps)).toEqual(before);
  });

  it('a stale card changes nothing', async () => {
    const deps = await fresh();
    const c = await opened(deps);
    ok(await recordContact(deps, input(c, anna, { kind: 'hembesok', date: '2026-11-25' })));
    const before = await snapshot(deps);
    const r = await extendInvestigation(deps, input(c, karin, { newDeadline: '2027-05-25', reason: 'Skäl.' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('stale');
    expect(await snapshot(deps)).toEqual(before);
  });

  it('a bad date and a missing reason get their own messages; a date not after the deadline is refused by the domain', async () => {
    const deps = await fresh();
    await opened(deps);
    const r = await extendInvestigation(deps, input(await caseOf(deps), karin, { newDeadline: '25/5', reason: '' }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.refusal.fields).toEqual({
        newDeadline: 'Ange det nya datumet som ÅÅÅÅ-MM-DD.',
        reason: 'Skriv skälet till förlängningen.',
      });
    const early = await extendInvestigation(
      deps,
      input(await caseOf(deps), karin, { newDeadline: '2027-03-01', reason: 'Skäl.' }),
    );
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.refusal.fields?.newDeadline).toMatch(/efter 2027-03-25/);
  });

  it('a reason with a personnummer is refused and nothing is stored', async () => {
    const deps = await fresh();
    await opened(deps);
    const before = await snapshot(deps);
    const r = await extendInvestigation(
      deps,
      input(await caseOf(deps), karin, {
        newDeadline: '2027-05-25',
        reason: `Gäller ${syntheticPersonnummer('150912123').replace('-', '')}`,
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.fields).toEqual({ reason: SECRECY_MESSAGE });
    expect(await snapshot(deps)).toEqual(before);
  });
});

describe('contacts', () => {
  it('a barnsamtal is recorded with the child reference and date', async () => {
    const deps = await fresh();
    await opened(deps);
    at('2026-11-27T14:00:00+01:00');
    const r = ok(
      await recordContact(
        deps,
        input(await caseOf(deps), anna, { kind: 'barnsamtal', date: '2026-11-27', childRef: 'B-2026-0412' }),
      ),
    );
    expect(r.case.contacts.at(-1)).toMatchObject({
      kind: 'barnsamtal',
      date: '2026-11-27',
      childRef: 'B-2026-0412',
      by: anna.aadObjectId,
    });
    expect(r.message).toBe('Kontakten är registrerad (barnsamtal fre 27 nov).');
  });

  it('someone outside the group is refused; nothing changes', async () => {
    const deps = await fresh();
    const before = await snapshot(deps);
    const r = await recordContact(deps, input(await caseOf(deps), elin, { kind: 'hembesok', date: '2026-11-20' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('forbidden');
    expect(await snapshot(deps)).toEqual(before);
  });

  it('a stale card changes nothing', async () => {
    const deps = await fresh();
    const old = await caseOf(deps);
    await skyddDone(deps);
    const before = await snapshot(deps);
    const r = await recordContact(deps, input(old, anna, { kind: 'hembesok', date: '2026-11-20' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('stale');
    expect(await snapshot(deps)).toEqual(before);
  });

  it('kind, date and child reference get their own messages; a future date is refused by the domain', async () => {
    const deps = await fresh();
    const r = await recordContact(
      deps,
      input(await caseOf(deps), anna, { kind: 'telefon', date: 'igår', childRef: 'B 12' }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal.fields).toEqual({
        kind: 'Välj typ av kontakt.',
        date: 'Ange datumet för kontakten som ÅÅÅÅ-MM-DD.',
        childRef: 'Barnets referens: bokstäver, siffror, - _ . /',
      });
    }
    const future = await recordContact(deps, input(await caseOf(deps), anna, { kind: 'hembesok', date: '2026-11-21' }));
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.refusal.fields?.date).toBe('Datumet kan inte vara i framtiden.');
  });

  it('a note or a child reference with a personnummer is refused and nothing is stored', async () => {
    const deps = await fresh();
    const before = await snapshot(deps);
    const pnr = syntheticPersonnummer('150912123');
    const r = await recordContact(
      deps,
      input(await caseOf(deps), anna, {
        kind: 'barnsamtal',
        date: '2026-11-20',
        childRef: pnr.replace('-', ''),
        note: `Pratade med ${pnr}`,
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.refusal.fields ?? {}).sort()).toEqual(['childRef', 'note']);
    expect(await snapshot(deps)).toEqual(before);
  });
});

describe('barnsamtal not held', () => {
  it('the reason is recorded', async () => {
    const deps = await fresh();
    await opened(deps);
    const r = ok(
      await recordBarnsamtalNotHeld(
        deps,
        input(await caseOf(deps), anna, { reason: 'Barnet är ett år och har inget talat språk.' }),
      ),
    );
    expect(r.case.barnsamtalNotHeldReason).toBe('Barnet är ett år och har inget talat språk.');
  });

  it('someone outside the group is refused; a stale card changes nothing', async () => {
    const deps = await fresh();
    const c = await opened(deps);
    const before = await snapshot(deps);
    const r = await recordBarnsamtalNotHeld(deps, input(c, elin, { reason: 'Ålder.' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('forbidden');
    ok(await recordContact(deps, input(c, anna, { kind: 'hembesok', date: '2026-11-25' })));
    const mid = await snapshot(deps);
    const stale = await recordBarnsamtalNotHeld(deps, input(c, anna, { reason: 'Ålder.' }));
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.refusal.code).toBe('stale');
    expect(await snapshot(deps)).toEqual(mid);
    expect(mid.version).toBe(before.version + 1);
  });

  it('an empty reason is named; a personnummer in it is refused', async () => {
    const deps = await fresh();
    await opened(deps);
    const before = await snapshot(deps);
    const r = await recordBarnsamtalNotHeld(deps, input(await caseOf(deps), anna, { reason: '' }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.refusal.fields).toEqual({
        reason: 'Skriv varför barnsamtal inte hålls (t.ex. barnets ålder eller språk).',
      });
    const s = await recordBarnsamtalNotHeld(
      deps,
      input(await caseOf(deps), anna, { reason: `Gäller ${syntheticPersonnummer('150912123')}` }),
    );
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.refusal.fields).toEqual({ reason: SECRECY_MESSAGE });
    expect(await snapshot(deps)).toEqual(before);
  });
});

describe('återkoppling', () => {
  it('is marked done by whom and when', async () => {
    const deps = await fresh();
    await opened(deps);
    at('2026-11-26T10:00:00+01:00');
    const r = ok(await completeAterkoppling(deps, input(await caseOf(deps), anna, {})));
    expect(r.case.aterkoppling).toMatchObject({ doneAt: clock.toISOString(), by: anna.aadObjectId });
  });

  it('someone outside the group is refused; a stale card changes nothing; done twice is refused', async () => {
    const deps = await fresh();
    const c = await opened(deps);
    const before = await snapshot(deps);
    const r = await completeAterkoppling(deps, input(c, elin, {}));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('forbidden');
    expect(await snapshot(deps)).toEqual(before);
    ok(await completeAterkoppling(deps, input(c, anna, {})));
    const again = await completeAterkoppling(deps, input(c, bo, {}));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.refusal.code).toBe('stale');
    const twice = await completeAterkoppling(deps, input(await caseOf(deps), bo, {}));
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.refusal.message).toBe('Återkopplingen är redan gjord.');
  });
});

describe('closing an investigation', () => {
  it('closing without insats with an uppföljning sets its own deadline', async () => {
    const deps = await fresh();
    await opened(deps);
    at('2027-02-01T10:00:00+01:00');
    const r = ok(
      await closeInvestigation(
        deps,
        input(await caseOf(deps), karin, {
          outcome: 'ingen_insats',
          motivation: 'Familjen tar emot stöd via skolan.',
          uppfoljningUntil: '2027-04-01',
        }),
      ),
    );
    expect(r.case.phase).toBe('closed');
    expect(r.case.closure).toMatchObject({ outcome: 'ingen_insats', by: karin.aadObjectId });
    expect(r.case.uppfoljning).toEqual({ due: '2027-04-01', startedOn: '2027-02-01' });
    expect(r.message).toBe(
      'Utredningen är avslutad (ingen insats). Uppföljning till 2027-04-01. Informera vårdnadshavarna, och barnet om det fyllt 15 år.',
    );
  });

  it('a new investigation about the same child ends the uppföljning and redraws that case’s channel card', async () => {
    const deps = await fresh();
    await opened(deps);
    at('2027-02-01T10:00:00+01:00');
    ok(
      await closeInvestigation(
        deps,
        input(await caseOf(deps), karin, {
          outcome: 'ingen_insats',
          motivation: 'Stöd via skolan.',
          uppfoljningUntil: '2027-04-01',
        }),
      ),
    );
    // A new report about the same child, and a förhandsbedömning that opens an investigation.
    at('2027-02-10T09:00:00+01:00');
    const second = await registerCase(deps, { externalId: 'IFO-2027-000031', receivedAt: '2027-02-10T08:30:00+01:00' });
    ok(
      await recordSkyddsbedomning(
        deps,
        input(second, anna, { immediateProtection: 'nej', motivation: 'Ingen akut fara.' }),
      ),
    );
    const cardsOfFirst = async () =>
      (await deps.store.listDocs<OutboxMessage>(OUTBOX)).filter(
        (m) => m.content.kind === 'caseCard' && m.content.caseId === ID,
      );
    for (const m of await cardsOfFirst())
      await deps.store.commit({ docs: [{ collection: OUTBOX, id: m.id, value: null }] });
    at('2027-02-12T10:00:00+01:00');
    ok(
      await decideForhandsbedomning(
        deps,
        input((await deps.store.getCase(second.id))!, karin, {
          outcome: 'open',
          motivation: 'Oron kvarstår.',
          investigator: anna.aadObjectId,
        }),
      ),
    );
    expect((await caseOf(deps)).uppfoljning).toMatchObject({ endedEarly: expect.anything() });
    // The channel card of the first case no longer offers its uppföljning: it is queued for redrawing.
    expect(await cardsOfFirst()).toHaveLength(1);
  });

  it('a caseworker may not close; a stale card changes nothing', async () => {
    const deps = await fresh();
    const c = await opened(deps);
    const before = await snapshot(deps);
    const r = await closeInvestigation(deps, input(c, anna, { outcome: 'insats' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('forbidden');
    expect(await snapshot(deps)).toEqual(before);
    ok(await recordContact(deps, input(c, anna, { kind: 'hembesok', date: '2026-11-25' })));
    const mid = await snapshot(deps);
    const stale = await closeInvestigation(deps, input(c, karin, { outcome: 'insats' }));
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.refusal.code).toBe('stale');
    expect(await snapshot(deps)).toEqual(mid);
  });

  it('outcome and dates are checked per field: uppföljning only after no insats', async () => {
    const deps = await fresh();
    await opened(deps);
    const r = await closeInvestigation(
      deps,
      input(await caseOf(deps), karin, { outcome: 'kanske', uppfoljningUntil: '1 april' }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.refusal.fields).toEqual({
        outcome: 'Välj utfall: insats eller ingen insats.',
        uppfoljningUntil: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
      });
    const wrong = await closeInvestigation(
      deps,
      input(await caseOf(deps), karin, { outcome: 'insats', uppfoljningUntil: '2027-04-01' }),
    );
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.refusal.fields?.uppfoljningUntil).toMatch(/utan insats/);
  });

  it('a motivation with a personnummer is refused and nothing is stored', async () => {
    const deps = await fresh();
    await opened(deps);
    const before = await snapshot(deps);
    const r = await closeInvestigation(
      deps,
      input(await caseOf(deps), karin, { outcome: 'insats', motivation: syntheticPersonnummer('150912123') }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.fields).toEqual({ motivation: SECRECY_MESSAGE });
    expect(await snapshot(deps)).toEqual(before);
  });

  it('without a link template the reminder still asks to document, without a link', async () => {
    const deps = await testDeps();
    await registerCase(deps);
    const r = ok(
      await recordSkyddsbedomning(
        deps,
        input((await deps.store.getCase(ID))!, anna, { immediateProtection: 'ja', motivation: 'Polisen kallad.' }),
      ),
    );
    expect(r.reminder.link).toBeUndefined();
    expect(r.message).toMatch(/behöver omedelbart skydd/);
  });
});
