// The English statistics card names the contact figure from the figure's own limit in days (the rule
// table's noContactDays, carried as data by src/stats), not by reading a number out of the Swedish
// label: a reworded Swedish label, or one with another number in it, does not change the English.
import { describe, expect, it } from 'vitest';
import { statsCardData } from '../../src/cards/statsCard.js';
import { Calendar } from '../../src/domain/calendar.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { computeMonths } from '../../src/stats/figures.js';
import { cardMonths } from '../../src/stats/query.js';
import { ORG } from '../domain/fixtures.js';
import { NOVEMBER, NOW } from '../stats/monthFixture.js';

const opts = { now: NOW, rules: { ...DEFAULT_RULES, noContactDays: 14 }, calendar: new Calendar(), groups: ORG.groups };

describe('the contact figure on the English statistics card', () => {
  it('reads its days from the figure, whatever the Swedish label says', () => {
    const history = computeMonths(NOVEMBER, cardMonths('2026-11'), opts);
    const kontakt = history.at(-1)!.unit.figures.find((f) => f.id === 'kontakt')!;
    expect(kontakt.limitDays).toBe(14);
    expect(kontakt.label).toBe('Utredning med kontakt med familj eller barn minst var 14:e dag');
    // The Swedish wording changes (a number of its own, then none at all): the English stays right.
    for (const label of ['Utredning (2 §) med kontakt minst var 14:e dag', 'Kontakt med familjen']) {
      for (const m of history)
        for (const f of [...m.unit.figures, ...m.groups.flatMap((g) => g.figures)])
          if (f.id === 'kontakt') f.label = label;
      const en = statsCardData({ history, groupId: null, lang: 'en' });
      const names = en.figures.map((f) => f.label);
      expect(names).toContain('Investigation with contact with the family or child at least every 14 days');
      expect(names.join(' ')).not.toMatch(/every 2 days|Kontakt|kontakt/);
      // The Swedish card shows src/stats's own label, as the export does.
      expect(statsCardData({ history, groupId: null }).figures.map((f) => f.label)).toContain(label);
    }
  });
});
