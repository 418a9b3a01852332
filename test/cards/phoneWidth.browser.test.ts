// Every card the bot sends (`sampleCards()`, the same cards `npm run cards:preview` renders, in Swedish
// and in English), drawn
// by the `adaptivecards` renderer with the Teams-like host config in headless Chromium at phone width
// (340 px) and at Teams' desktop width (540 px). A card fails on anything a person on a phone would
// miss (docs/cards.md "Phone width"):
// - an element whose content is wider than its box (scrollWidth > clientWidth): cut off or scrolled;
// - a button whose title is ellipsised ("Ta är…");
// - a case reference (IFO-2026-004405) split over two lines, or a fact title broken inside a word.
// Every Action.ShowCard is opened too, so the assign list is measured as well. One browser for all.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKDOWN_JS, PAGE_CSS, sampleCards, TEAMS_HOST_CONFIG } from '../../scripts/cards-preview.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WIDTHS = [340, 540] as const;

describe('every card at phone width and desktop width', async () => {
  // In English too: its words are longer ("Record protective measure"), and a button must not be cut.
  const cards = [...(await sampleCards()), ...(await sampleCards('en')).map((c) => ({ ...c, name: `${c.name} (en)` }))];
  let dir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} saknas: apt-get install chromium (CI installs it)`);
    dir = mkdtempSync(join(tmpdir(), 'arendevakt-phone-'));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      viewport: { width: 600, height: 800 },
      deviceScaleFactor: 1,
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(
      `<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body><div id="card"></div></body></html>`,
    );
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js'),
    });
    await page.addScriptTag({ content: MARKDOWN_JS });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has cards to measure', () => expect(cards.length).toBeGreaterThan(30));

  describe.each(WIDTHS)('at %i px', (width) => {
    it.each(cards.map((c) => [c.name, c] as const))('%s fits', async (_name, { card }) => {
      const problems = await page.evaluate(
        ({ card, hostConfig, width }) => {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          const AC = (globalThis as any).AdaptiveCards;
          const ac = new AC.AdaptiveCard();
          ac.hostConfig = new AC.HostConfig(hostConfig);
          ac.parse(card, new AC.SerializationContext());
          const host = document.getElementById('card')!;
          host.style.width = `${width}px`;
          host.innerHTML = '';
          const el = ac.render();
          if (!el) return ['render returned nothing'];
          host.appendChild(el);

          const what = (e: Element) =>
            `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} «${(e.textContent ?? '').trim().slice(0, 60)}»`;
          const REFERENCE = /\b[A-ZÅÄÖ]{2,5}-\d{4}-\d{3,6}\b/g;
          const lines = (node: Text, start: number, end: number) => {
            const r = document.createRange();
            r.setStart(node, start);
            r.setEnd(node, end);
            return new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
          };
          const measure = (phase: string): string[] => {
            const out: string[] = [];
            for (const e of host.querySelectorAll<HTMLElement>('*')) {
              const cs = getComputedStyle(e);
              if (cs.display === 'inline' || cs.display === 'none' || e.clientWidth === 0) continue;
              if (e.scrollWidth <= e.clientWidth) continue;
              // Content that spills out of a box that does not clip it, but stays inside the card,
              // is seen (an opened card bleeding to the card's edges): only cut or outside counts.
              if (cs.overflowX === 'visible' && cs.textOverflow !== 'ellipsis') {
                const card = host.getBoundingClientRect();
                const outside = [...e.querySelectorAll('*')].some((x) => {
                  const r = x.getBoundingClientRect();
                  return r.width > 0 && (r.right > card.right + 0.5 || r.left < card.left - 0.5);
                });
                if (!outside) continue;
              }
              out.push(`${phase}: för brett ${e.scrollWidth} > ${e.clientWidth}: ${what(e)}`);
            }
            // A button's title is cut with an ellipsis when the text is wider than the button.
            for (const b of host.querySelectorAll<HTMLElement>('button, .ac-pushButton')) {
              if (b.offsetParent === null) continue;
              for (const t of [b, ...b.querySelectorAll<HTMLElement>('*')])
                if (t.clientWidth > 0 && t.scrollWidth > t.clientWidth)
                  out.push(`${phase}: knappen avkortad: ${what(b)}`);
            }
            const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
              const p = n.parentElement;
              if (!p || p.offsetParent === null) continue;
              const text = n.data;
              for (const m of text.matchAll(REFERENCE))
                if (lines(n, m.index, m.index + m[0].length) > 1)
                  out.push(`${phase}: referensen ${m[0]} bryts: ${what(p)}`);
              if (p.closest('.ac-fact-title'))
                for (const m of text.matchAll(/\S+/g))
                  if (lines(n, m.index, m.index + m[0].length) > 1)
                    out.push(`${phase}: faktarubriken bryts mitt i ordet ${m[0]}: ${what(p)}`);
            }
            return out;
          };

          const problems = measure('kortet');
          // Open every inline card (Tilldela, Mer...) in turn and measure it as well.
          const toggles = [...host.querySelectorAll<HTMLElement>('button[aria-expanded]')];
          toggles.forEach((b, i) => {
            b.click();
            problems.push(...measure(`${(b.textContent ?? '').trim() || `visa kort ${i + 1}`} öppet`));
            b.click();
          });
          return [...new Set(problems)];
        },
        { card, hostConfig: TEAMS_HOST_CONFIG, width },
      );
      expect(problems).toEqual([]);
    });
  });
});
