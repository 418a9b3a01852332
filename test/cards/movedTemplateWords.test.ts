// The fixed words of the case-list, genast-nudge, out-of-hours and vinr-notice templates come from the
// catalogue (`$root.L`) in the data's language, and stay Swedish for data without one (a message
// queued before it had a language).
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/cards/render.js';
import { caseListCard } from '../../src/cards/simpleCards.js';

const item = { caseId: 'IFO-2026-004405', phase: 'Ny', detail: '', deadline: '', color: 'Default' };
const list = { title: 'T', summary: 'S', items: [item], more: 2, empty: '' };
const SWEDISH = /Visa ärendet|Skyddsbedömning|… och|till\. De mest|Kortet visar|För kännedom|Mottagen|\bOro\b/;

describe('the moved templates in the data’s language', () => {
  it('renders each in English for lang en, with no Swedish word of the template left', () => {
    for (const name of ['case-list', 'genast-nudge', 'out-of-hours', 'vinr-notice']) {
      const card = JSON.stringify(renderCard(name, { ...list, caseId: item.caseId, facts: [], lang: 'en' }));
      expect(card, name).not.toMatch(SWEDISH);
    }
    const escalation = JSON.stringify(renderCard('case-list', { ...list, lang: 'en' }));
    expect(escalation).toContain('"tooltip":"Show the case"');
    expect(escalation).toContain('… and 2 more. The most urgent are shown first.');
  });

  it('keeps the Swedish words for data with no language, as queued before', () => {
    const queued = JSON.stringify(renderCard('case-list', list));
    expect(queued).toContain('"tooltip":"Visa ärendet"');
    expect(queued).toContain('… och 2 till. De mest brådskande visas först.');
    expect(JSON.stringify(renderCard('genast-nudge', { caseId: item.caseId, facts: [] }))).toContain(
      '"title":"Skyddsbedömning"',
    );
    expect(JSON.stringify(renderCard('vinr-notice', { groupName: 'Mottagningen', why: 'Våld' }))).toContain(
      'För kännedom: ny anmälan i Mottagningen',
    );
  });

  it('lists cases in English through caseListCard, the count of the rest included', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ ...item, caseId: `IFO-2026-${String(i).padStart(6, '0')}` }));
    const card = JSON.stringify(caseListCard({ title: 'T', summary: 'S', items, empty: '', lang: 'en' }));
    expect(card).toContain('… and 10 more.');
    expect(card).not.toMatch(SWEDISH);
  });
});
