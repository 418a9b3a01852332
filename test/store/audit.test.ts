// The audit chain with content removed (gallring, erasure): a redacted entry verifies by its links
// and by the act that names it; a redaction without its act, or an edited kept entry, breaks it.
import { describe, expect, it } from 'vitest';
import { ChainVerifier, chainEntry, ERASED_MARKER, findBrokenLink, redactEntry } from '../../src/store/audit.js';
import type { AuditEntry, AuditInput } from '../../src/store/port.js';

const AT = '2026-11-20T10:00:00.000Z';
const LATER = '2029-01-10T02:00:00.000Z';
const MARK = 'SYNTETISK-MARKOR-7731';

function chain(inputs: AuditInput[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = '';
  inputs.forEach((input, i) => {
    const e = chainEntry(input, i + 1, prev);
    prev = e.hash;
    out.push(e);
  });
  return out;
}

const verify = (entries: AuditEntry[]) => {
  const v = new ChainVerifier();
  for (const e of entries) v.push(e);
  return v.result(entries.at(-1)?.hash ?? '');
};

/** Three entries of case A (one with free text), one of case B, then the gallring act of A at seq 5. */
function gallrad(): AuditEntry[] {
  const base = chain([
    { at: AT, actor: 'k1', type: 'ReportRegistered', caseId: 'A', after: { summary: MARK } },
    { at: AT, actor: 'k1', type: 'DecisionRecorded', caseId: 'A', after: { motivation: MARK } },
    { at: AT, actor: 'k2', type: 'ReportRegistered', caseId: 'B' },
    { at: AT, actor: 'k1', type: 'CaseClosed', caseId: 'A', reason: MARK },
    { at: LATER, actor: 'system', type: 'gallring', data: { redacts: { rule: 'gallring', cases: ['A'] } } },
  ]);
  const marker = { rule: 'gallring', at: LATER, bySeq: 5 };
  return base.map((e) => (e.caseId === 'A' ? redactEntry(e, marker, 'all') : e));
}

describe('the audit chain with removed content', () => {
  it('verifies a chain whose entries were emptied by gallring and counts them by rule', () => {
    const entries = gallrad();
    expect(JSON.stringify(entries)).not.toContain(MARK);
    expect(entries[0]).toEqual({
      seq: 1,
      prevHash: '',
      hash: expect.any(String),
      at: AT,
      actor: 'k1',
      type: 'ReportRegistered',
      caseId: 'A',
      redacted: { rule: 'gallring', at: LATER, bySeq: 5 },
    });
    const r = verify(entries);
    expect(r).toMatchObject({ ok: true, entries: 5, redacted: { gallring: 3 } });
    expect(r.message).toContain('Innehållet i 3 poster är borttaget enligt regel (gallring: 3)');
    expect(findBrokenLink(entries)).toBeUndefined();
  });

  it('refuses a redaction that no act records (content removed behind the log’s back)', () => {
    const entries = chain([
      { at: AT, actor: 'k1', type: 'DecisionRecorded', caseId: 'A', after: { motivation: MARK } },
      { at: AT, actor: 'k1', type: 'Tick' },
    ]);
    entries[0] = redactEntry(entries[0], { rule: 'gallring', at: LATER, bySeq: 2 }, 'all');
    expect(verify(entries)).toMatchObject({ ok: false, firstBadSeq: 1 });
    // Pointing at an act that is not there at all.
    const alone = chain([{ at: AT, actor: 'k1', type: 'X', caseId: 'A', reason: MARK }]);
    alone[0] = redactEntry(alone[0], { rule: 'gallring', at: LATER, bySeq: 9 }, 'all');
    expect(verify(alone)).toMatchObject({ ok: false, firstBadSeq: 1 });
  });

  it('refuses an act of another rule, and an act that does not name the entry', () => {
    const entries = gallrad();
    const wrongRule = entries.map((e) =>
      e.caseId === 'A' ? { ...e, redacted: { ...e.redacted!, rule: 'radering' } } : e,
    );
    expect(verify(wrongRule).ok).toBe(false);
    // B emptied too, but the act names only A.
    const b = entries.map((e) =>
      e.caseId === 'B' ? redactEntry(e, { rule: 'gallring', at: LATER, bySeq: 5 }, 'all') : e,
    );
    expect(verify(b)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('still finds an edited entry that was kept, and an edited act', () => {
    const entries = gallrad();
    const editedKept = entries.map((e) => (e.seq === 3 ? { ...e, actor: 'k9' } : e));
    expect(verify(editedKept)).toMatchObject({ ok: false, firstBadSeq: 3 });
    // The act's list changed to cover B as well: its hash no longer matches.
    const editedAct = entries.map((e) =>
      e.seq === 5 ? { ...e, data: { redacts: { rule: 'gallring', cases: ['A', 'B'] } } } : e,
    );
    expect(verify(editedAct)).toMatchObject({ ok: false, firstBadSeq: 5 });
    // A redacted entry's link is still checked: its prevHash changed.
    const relinked = entries.map((e) => (e.seq === 2 ? { ...e, prevHash: 'x' } : e));
    expect(verify(relinked)).toMatchObject({ ok: false, firstBadSeq: 2 });
    // Its hash replaced: the next entry's prevHash no longer matches.
    const rehashed = entries.map((e) => (e.seq === 2 ? { ...e, hash: 'y' } : e));
    expect(verify(rehashed)).toMatchObject({ ok: false, firstBadSeq: 3 });
    // An entry removed whole.
    expect(verify(entries.filter((e) => e.seq !== 2)).ok).toBe(false);
  });

  it('erases one free-text field with a marker and keeps the rest of the entry', () => {
    const entries = chain([
      {
        at: AT,
        actor: 'k1',
        type: 'DecisionRecorded',
        caseId: 'A',
        before: { phase: 'utredning' },
        after: { phase: 'closed', motivation: MARK },
      },
      {
        at: LATER,
        actor: 'chef',
        type: 'fritext.raderad',
        caseId: 'A',
        data: { redacts: { rule: 'radering', seqs: [1] } },
      },
    ]);
    entries[0] = redactEntry(entries[0], { rule: 'radering', at: LATER, bySeq: 2 }, ['after.motivation']);
    expect(entries[0]).toMatchObject({
      before: { phase: 'utredning' },
      after: { phase: 'closed', motivation: ERASED_MARKER },
      redacted: { rule: 'radering', bySeq: 2, fields: ['after.motivation'] },
    });
    expect(verify(entries)).toMatchObject({ ok: true, redacted: { radering: 1 } });
    // The erased entry's content edited afterwards: nothing catches a change of a redacted entry's
    // own content but its act; its kept fields are what the act and links pin. A different seq fails.
    const other = [...entries];
    other[1] = chainEntry(
      {
        at: LATER,
        actor: 'chef',
        type: 'fritext.raderad',
        caseId: 'A',
        data: { redacts: { rule: 'radering', seqs: [7] } },
      },
      2,
      entries[0].hash,
    );
    expect(verify(other)).toMatchObject({ ok: false, firstBadSeq: 1 });
  });

  it('resumes from a copy with the redactions still waiting for their act', () => {
    const entries = gallrad();
    const v = new ChainVerifier();
    for (const e of entries.slice(0, 3)) v.push(e);
    const copy = v.clone();
    for (const e of entries.slice(3)) copy.push(e);
    expect(copy.result(entries[4].hash).ok).toBe(true);
    expect(v.result(entries[2].hash).ok).toBe(false); // the act never came
  });
});
