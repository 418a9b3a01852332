// A synthetic unit's year of cases for the statistics card preview, the exported chart in docs/ and the
// bench (50,000 stored cases): deterministic (a seeded generator), pseudonymous references, no free text
// beyond a fixed word. Not used by the bot itself.
import type { Case, Contact, Extension } from '../src/domain/schemas.js';
import { addDays, addMonths } from '../src/domain/time.js';

/** A small deterministic generator (mulberry32), so every run makes the same cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const STAFF = '00000000-0000-4000-8000-000000000001';
const at = (d: string, hhmm = '10:00') => `${d}T${hhmm}:00+01:00`;

export interface SampleOptions {
  /** How many cases (reports). */
  count: number;
  /** The first and the last day a report can arrive. */
  from: string;
  to: string;
  /** The day the data is "as of": nothing is recorded after it. */
  asOf: string;
  seed?: number;
  groups?: { intake: string; investigation: string[] };
}

/** `count` reports spread over [from, to], each taken as far as it had come by `asOf`. */
export function sampleCases(o: SampleOptions): Case[] {
  const rnd = random(o.seed ?? 18);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const groups = o.groups ?? { intake: 'barn-mottagning', investigation: ['barn-utredning-1', 'barn-utredning-2'] };
  const span = Math.max(1, Math.round((Date.parse(o.to) - Date.parse(o.from)) / 86_400_000));
  const out: Case[] = [];
  const ok = (d: string) => d <= o.asOf;
  const step = (k: 'understalld' | 'ansokan', on: string) => (ok(on) ? { [k]: { on, at: at(on), by: STAFF } } : {});
  for (let i = 0; i < o.count; i++) {
    const received = addDays(o.from, Math.floor((i / o.count) * span));
    const hour = int(7, 19);
    const receivedAt = at(received, `${String(hour).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}`);
    // Later years do a little better: the share on time drifts upward over the span.
    const drift = i / o.count;
    const id = `S-${received.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`;
    const childRef = `SB-${String(Math.floor(i * 0.93)).padStart(6, '0')}`; // a few children reported twice
    const c: Case = {
      id,
      version: 1,
      groupId: groups.intake,
      childRef,
      receivedAt,
      reporter: { type: 'school', professional: true, ...(rnd() < 0.2 ? { requestsFeedback: true } : {}) },
      concerns: ['neglect'],
      phase: 'skyddsbedomning',
      assignees: [],
      contacts: [],
      linkedCaseIds: [],
      createdAt: receivedAt,
      updatedAt: receivedAt,
      updatedBy: 'system:intake',
    };
    const skyddOn = addDays(received, hour >= 16 ? 1 : rnd() < 0.93 + 0.05 * drift ? 0 : int(1, 3));
    if (ok(skyddOn))
      c.skyddsbedomning = {
        at: at(skyddOn),
        by: STAFF,
        immediateProtection: false,
        motivation: 'x',
        decidedOn: skyddOn,
      };
    const assignedOn = addDays(received, rnd() < 0.6 ? int(0, 2) : int(3, 25 - Math.round(10 * drift)));
    if (ok(assignedOn)) {
      c.assignees = [STAFF];
      c.firstAssignedAt = at(assignedOn, '11:00');
    }
    const forhandOn = addDays(received, rnd() < 0.72 + 0.2 * drift ? int(3, 14) : int(15, 30));
    if (!ok(forhandOn)) {
      out.push(c);
      continue;
    }
    const open = rnd() < 0.4;
    c.forhandsbedomning = {
      decidedAt: at(forhandOn),
      by: STAFF,
      outcome: open ? 'open' : 'not_open',
      motivation: 'x',
      decidedOn: forhandOn,
      ...(forhandOn > addDays(received, 14) ? { late: true } : {}),
    };
    if (c.reporter.requestsFeedback) {
      const due = addDays(forhandOn, 7);
      const done = addDays(forhandOn, rnd() < 0.8 ? int(0, 7) : int(8, 20));
      c.aterkoppling = { requestedOn: received, due, ...(ok(done) ? { doneAt: at(done) } : {}) };
    }
    if (!open) {
      c.phase = 'closed';
      c.closure = { at: at(forhandOn), by: STAFF, outcome: 'not_opened' };
      out.push(c);
      continue;
    }
    const statutory = addMonths(forhandOn, 4);
    const extensions: Extension[] = [];
    const r = rnd();
    let closeOn = addDays(forhandOn, int(40, 115));
    if (r > 0.62 + 0.2 * drift) {
      // Extended: before the deadline mostly, sometimes after it (an overrun).
      const overrun = rnd() < 0.3;
      const on = addDays(statutory, overrun ? int(1, 10) : -int(1, 20));
      const newDeadline = addMonths(statutory, int(1, 2));
      if (ok(on))
        extensions.push({
          at: at(on),
          by: STAFF,
          previousDeadline: statutory,
          newDeadline,
          reason: 'x',
          decidedOn: on,
          ...(overrun ? { overrun } : {}),
        });
      closeOn = addDays(statutory, int(5, 55));
    }
    c.groupId = groups.investigation[i % groups.investigation.length];
    c.phase = 'utredning';
    c.utredning = {
      openedOn: forhandOn,
      statutoryDeadline: statutory,
      deadline: extensions.at(-1)?.newDeadline ?? statutory,
      extensions,
    };
    const contacts: Contact[] = [];
    for (
      let d = addDays(forhandOn, int(3, 10));
      d < closeOn && ok(d);
      d = addDays(d, int(6, 30 - Math.round(8 * drift)))
    )
      contacts.push({ kind: rnd() < 0.5 ? 'hembesok' : 'barnsamtal', date: d, by: STAFF, at: at(d) });
    c.contacts = contacts;
    if (rnd() < 0.02) {
      const decidedOn = addDays(forhandOn, int(1, 10));
      if (ok(decidedOn))
        c.lvu = {
          decidedOn,
          decidedBy: 'ordforande',
          ground: '2',
          verkstalldOn: decidedOn,
          recordedAt: at(decidedOn),
          recordedBy: STAFF,
          ...step('understalld', addDays(decidedOn, rnd() < 0.95 ? int(1, 7) : 8)),
          ...step('ansokan', addDays(decidedOn, int(14, 28))),
          reviews: [],
          restrictions: [],
        };
    }
    if (ok(closeOn)) {
      c.phase = 'closed';
      c.closure = { at: at(closeOn), by: STAFF, outcome: 'ingen_insats', closedOn: closeOn };
    }
    out.push(c);
  }
  return out;
}
