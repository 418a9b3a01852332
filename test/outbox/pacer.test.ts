import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/outbox/pacer.js';

/** Send as fast as the pacer allows, on a fake clock, and return the send times. */
function simulate(pacer: Pacer, conversations: string[], count: number): { conv: string; t: number }[] {
  const sent: { conv: string; t: number }[] = [];
  let t = 0;
  let i = 0;
  while (sent.length < count) {
    const conv = conversations[i % conversations.length];
    const wait = pacer.wait(conv, t);
    if (wait === 0) {
      pacer.record(conv, t);
      sent.push({ conv, t });
      i++;
    } else {
      // try the other conversations before waiting
      const free = conversations.find((c) => pacer.wait(c, t) === 0);
      if (free) {
        pacer.record(free, t);
        sent.push({ conv: free, t });
      } else t += Math.max(1, Math.min(...conversations.map((c) => pacer.wait(c, t))));
    }
  }
  return sent;
}

const maxIn = (times: number[], ms: number) => {
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    let n = 0;
    for (let j = i; j < times.length && times[j] < times[i] + ms; j++) n++;
    best = Math.max(best, n);
  }
  return best;
};

describe('pacing to Teams limits', () => {
  it('never sends more than 7 a second, 8 in 2 s or 60 in 30 s to one conversation', () => {
    const times = simulate(new Pacer(), ['c1'], 200).map((s) => s.t);
    expect(maxIn(times, 1_000)).toBeLessThanOrEqual(7);
    expect(maxIn(times, 2_000)).toBeLessThanOrEqual(8);
    expect(maxIn(times, 30_000)).toBeLessThanOrEqual(60);
  });

  it('keeps the whole app at 50 a second across many conversations', () => {
    const convs = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const sent = simulate(new Pacer(), convs, 2_000);
    const times = sent.map((s) => s.t);
    expect(maxIn(times, 1_000)).toBeLessThanOrEqual(50);
    // ...and still reaches the limit: 2,000 sends take about 40 seconds, not more.
    expect(times[times.length - 1]).toBeLessThan(45_000);
    for (const c of convs)
      expect(
        maxIn(
          sent.filter((s) => s.conv === c).map((s) => s.t),
          1_000,
        ),
      ).toBeLessThanOrEqual(7);
  });

  it("spreads the app's sends evenly instead of bursting 50 at the start of a second", () => {
    const convs = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const times = simulate(new Pacer(), convs, 500).map((s) => s.t);
    expect(maxIn(times, 100)).toBeLessThanOrEqual(5);
  });

  it('allows 1,800 an hour to one conversation and no more', () => {
    const times = simulate(new Pacer(), ['c1'], 1_801).map((s) => s.t);
    expect(times[1_800]).toBeGreaterThanOrEqual(3_600_000);
  });
});
