// The preview script (`npm run cards:preview`) draws the cards with the link template as the bot
// reads it (CASE_LINK_TEMPLATE with {externalId}, checked by loadConfig): every "Öppna i
// verksamhetssystemet" link is a real address with the case's reference, no placeholder left.
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_CASE_LINK_TEMPLATE,
  PREVIEW_WIDTHS,
  previewLinkTemplate,
  sampleCards,
} from '../../scripts/cards-preview.js';

function openUrls(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.OpenUrl' && typeof o.url === 'string') out.push(o.url);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('the preview cards', () => {
  it('link to the case-management system through the real link template', async () => {
    expect(previewLinkTemplate({})).toBe(EXAMPLE_CASE_LINK_TEMPLATE);
    expect(() => previewLinkTemplate({ CASE_LINK_TEMPLATE: 'https://x.example/{caseId}' })).toThrow(/\{externalId\}/);
    const links = (await sampleCards())
      .filter((c) => c.template === 'case')
      .flatMap((c) => openUrls(c.card).map((url) => ({ name: c.name, url })));
    expect(links.length).toBeGreaterThan(0);
    for (const { name, url } of links) {
      expect(url, name).toMatch(/^https:\/\/verksamhetssystem\.example\.se\/arende\/IFO-2026-\d{6}$/);
    }
    expect(PREVIEW_WIDTHS).toEqual([540, 340]);
  });
});
