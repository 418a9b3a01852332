// The help card, the case lists behind `mina`/`ofördelade`/`försenade` and the notice card: every one
// rendered from realistic synthetic data is a valid Adaptive Card 1.5 and stays under 40 KB, even
// when a list is given 5,000 cases.
import { describe, expect, it } from 'vitest';
import { cardSize, MAX_CARD_BYTES } from '../../src/cards/render.js';
import { caseListCard, helpCard, noticeCard } from '../../src/cards/simpleCards.js';
import type { CaseListItem } from '../../src/views/caseList.js';
import { cardText, cardVerbs } from '../support/bot.js';
import { validateCard } from '../support/validateCard.js';

const CONCERNS = ['Våld', 'Brister i omsorgen', 'Förälders missbruk', 'Psykisk ohälsa', 'Eget beteende'];
const OWNERS = ['Anna Berg', 'Bo Lindqvist', 'Cecilia Holm', 'Ej fördelad'];

function listItems(n: number): CaseListItem[] {
  return Array.from({ length: n }, (_, i) => ({
    caseId: `IFO-2026-${String(1000 + i).padStart(5, '0')}`,
    phase: i % 3 === 0 ? 'Skyddsbedömning' : i % 3 === 1 ? 'Förhandsbedömning' : 'Utredning',
    detail: `${CONCERNS[i % CONCERNS.length]}, ${CONCERNS[(i + 2) % CONCERNS.length]} · ${OWNERS[i % OWNERS.length]} · ${i % 9} arbetsdagar ofördelad`,
    deadline:
      i % 4 === 0
        ? `Förhandsbedömning: försenad, ${10 + (i % 18)} nov`
        : `Utredningen ska vara klar: tis ${1 + (i % 28)} dec`,
    color: i % 4 === 0 ? 'Attention' : i % 4 === 1 ? 'Warning' : 'Default',
  }));
}

describe('the help card', () => {
  it('shows a caseworker their commands and the button for their own cases', () => {
    const card = helpCard({ name: 'Anna Berg', role: 'caseworker' }, true);
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/Du är Anna Berg, handläggare/);
    for (const cmd of ['hjälp', 'mina', 'ofördelade', 'försenade']) expect(text).toContain(cmd);
    expect(text).not.toContain('koppla');
    expect(text).toMatch(/Nämn @Ärendevakt/);
    expect(cardVerbs(card)).toEqual(['list.mine']);
  });

  it('shows a team lead koppla and fördelning but not mina', () => {
    const card = helpCard({ name: 'Bo Lindqvist', role: 'team_lead' }, false);
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('koppla «grupp-id»');
    // Teams' markdown takes <grupp-id> for an HTML tag and shows nothing of it.
    expect(text).not.toMatch(/<[^>]*>/);
    expect(text).toContain('fördelning');
    expect(text).not.toMatch(/^mina$/m);
    expect(text).toMatch(/Skriv kommandot här i chatten/);
  });

  it('tells someone outside the organisation file that they are not registered', () => {
    const card = helpCard(undefined, false);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toMatch(/Du finns inte i organisationsfilen/);
    expect(cardVerbs(card)).toEqual([]);
  });
});

describe('the case list card', () => {
  it('shows every case of a short list with its deadline colour and a button per row', () => {
    const items = listItems(6);
    const card = caseListCard({
      title: 'Ofördelade ärenden',
      summary: '6 ofördelade i Barn och unga Nord.',
      items,
      empty: 'Inga.',
    });
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    for (const it of items) expect(text).toContain(`**${it.caseId}**`);
    expect(JSON.stringify(card)).toContain('"color":"Attention"');
    expect(JSON.stringify(card)).toContain('"color":"Warning"');
    expect(cardVerbs(card).filter((v) => v === 'case.show')).toHaveLength(6);
    expect(text).not.toMatch(/och \d+ till/);
  });

  it('says so when the list is empty', () => {
    const card = caseListCard({
      title: 'Försenade ärenden',
      summary: '0 passerade tidsfrister.',
      items: [],
      empty: 'Inga försenade tidsfrister.',
    });
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain('Inga försenade tidsfrister.');
  });

  it('caps 5,000 cases under 40 KB, keeps the most urgent first and counts the rest', () => {
    const items = listItems(5_000);
    const card = caseListCard({ title: 'Mina ärenden', summary: '5000 öppna ärenden.', items, empty: '' });
    expect(validateCard(card)).toEqual([]);
    expect(cardSize(card)).toBeLessThan(MAX_CARD_BYTES);
    const shown = [...cardText(card).matchAll(/\*\*(IFO-[\d-]+)\*\*/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(items.slice(0, shown.length).map((i) => i.caseId));
    expect(cardText(card)).toContain(`… och ${5_000 - shown.length} till. De mest brådskande visas först.`);
  });

  it('stays under 40 KB even with long rows', () => {
    const items = listItems(300).map((i) => ({ ...i, detail: `${i.detail} · ${'Å'.repeat(400)}` }));
    const card = caseListCard({ title: 'Försenade ärenden', summary: 'Många.', items, empty: '' });
    expect(validateCard(card)).toEqual([]);
    expect(cardSize(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('the case list card in English', () => {
  it('has its fixed words in English too, while the template stays Swedish for queued messages', () => {
    const items = listItems(80);
    const en = caseListCard({ title: 'My cases', summary: '80 open cases.', items, empty: '', lang: 'en' });
    expect(validateCard(en)).toEqual([]);
    const json = JSON.stringify(en);
    expect(json).toContain('"tooltip":"Show the case"');
    expect(cardText(en)).toMatch(/… and 30 more\. The most urgent are shown first\./);
    expect(json).not.toMatch(/Visa ärendet|och 30 till/);
    const sv = JSON.stringify(caseListCard({ title: 'Mina ärenden', summary: '', items, empty: '' }));
    expect(sv).toContain('"tooltip":"Visa ärendet"');
    expect(sv).toContain('… och 30 till.');
  });
});

describe('the notice card', () => {
  it('renders a refusal with facts, and a bare title', () => {
    const card = noticeCard('Det gick inte', 'Bara gruppledare kan fördela ärenden. Inget har ändrats.', 'Attention', [
      { title: 'Ärende', value: 'IFO-2026-00412' },
      { title: 'Ändrat av', value: 'Bo Lindqvist' },
    ]);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain('Bara gruppledare kan fördela ärenden.');
    expect(cardText(card)).toContain('IFO-2026-00412');
    const bare = noticeCard('Ärendet finns inte');
    expect(validateCard(bare)).toEqual([]);
    expect((bare.body as unknown[]).length).toBe(1);
  });
});
