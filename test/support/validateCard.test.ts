import { describe, expect, it } from 'vitest';
import { validateCard } from './validateCard.js';

const ok = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hej' }],
  actions: [{ type: 'Action.Execute', title: 'Ta', verb: 'case.take' }],
};

describe('the card validator used by every card test', () => {
  it('accepts a valid 1.5 card', () => {
    expect(validateCard(ok)).toEqual([]);
  });

  it('accepts a Teams chart element only with a fallback', () => {
    const chart = { type: 'Chart.Line', data: [{ legend: 'a', values: [{ x: 'jan', y: 1 }] }] };
    const fallback = { type: 'TextBlock', text: 'jan: 1' };
    expect(validateCard({ ...ok, body: [{ ...chart, fallback }] })).toEqual([]);
    expect(validateCard({ ...ok, body: [chart] })).toContain('Chart.Line without a fallback element');
  });

  it('catches an unknown element, a bad enum, a missing verb, a duplicate id, a wrong version and a card too large', () => {
    expect(validateCard({ ...ok, body: [{ type: 'Fancy' }] }).join()).toMatch(/Fancy|unknown/i);
    expect(validateCard({ ...ok, body: [{ type: 'TextBlock', text: 'x', size: 'Gigantic' }] }).join()).toMatch(
      /Gigantic|invalid/i,
    );
    expect(validateCard({ ...ok, actions: [{ type: 'Action.Execute', title: 'Ta' }] })).toContain(
      'Action.Execute without verb',
    );
    expect(
      validateCard({
        ...ok,
        body: [
          { type: 'Input.Text', id: 'a' },
          { type: 'Input.Text', id: 'a' },
        ],
      }).join(),
    ).toMatch(/duplicate|a/i);
    expect(validateCard({ ...ok, version: '1.6' }).join()).toMatch(/version/);
    expect(validateCard({ ...ok, body: [{ type: 'TextBlock', text: 'x'.repeat(50_000) }] }).join()).toMatch(
      /over 40960/,
    );
    expect(validateCard({ ...ok, body: [{ type: 'TextBlock', text: '${oops}' }] }).join()).toMatch(/unbound/);
  });
});
