// Text contrast (docs/cards.md): every text colour the cards can use, in every container style the
// templates use, reaches WCAG's 4.5:1 against that container's background, in Teams' light and dark
// themes, read back through the Adaptive Cards renderer's own HostConfig (so a colour the config
// forgets, which the renderer would fill with its default, is caught too). And every colour and
// style a rendered card actually uses is one of those checked.
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { sampleCards } from '../../scripts/cards-preview.js';
import {
  CONTAINER_STYLES,
  contrast,
  TEAMS_HOST_CONFIG,
  TEAMS_HOST_CONFIG_DARK,
  TEXT_COLORS,
} from '../../src/cards/hostConfig.js';

const THEMES = { light: TEAMS_HOST_CONFIG, dark: TEAMS_HOST_CONFIG_DARK };
/** The colours a card may name; "Dark" and "Light" are unused by the templates but checked all the same. */
const CHECKED = TEXT_COLORS.filter((c) => c !== 'light' && c !== 'dark');

describe('the host config', () => {
  it('computes WCAG contrast the way the standard does', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('#FFFFFF', '#FFFFFF')).toBeCloseTo(1, 5);
    expect(contrast('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    // The renderer's own warning colour, what a container style without its own colours falls back to.
    expect(contrast('#E69500', '#FFFFFF')).toBeLessThan(4.5);
  });

  for (const [theme, config] of Object.entries(THEMES)) {
    it(`gives every text colour at least 4.5:1 on every container style, ${theme} theme`, () => {
      const host = new AC.HostConfig(config);
      const low: string[] = [];
      for (const style of CONTAINER_STYLES) {
        const s = host.containerStyles.getStyleByName(style);
        const bg = s.backgroundColor ?? '';
        expect(bg, `${theme} ${style} background`).toMatch(/^#[0-9A-F]{6}$/i);
        for (const color of CHECKED)
          for (const subtle of [false, true]) {
            const fg = subtle ? s.foregroundColors[color].subtle : s.foregroundColors[color].default;
            // Eight hex digits are the renderer's defaults with alpha: the config forgot this colour.
            expect(fg, `${theme} ${style} ${color}${subtle ? ' subtle' : ''}`).toMatch(/^#[0-9A-F]{6}$/i);
            const ratio = contrast(fg!, bg);
            if (ratio < 4.5) low.push(`${style}/${color}${subtle ? '/subtle' : ''}: ${ratio.toFixed(2)}:1`);
          }
      }
      expect(low).toEqual([]);
    });
  }
});

describe('the rendered cards', async () => {
  const cards = await sampleCards();

  it('use only the colours and container styles the contrast test checks', () => {
    const colors = new Set<string>();
    const styles = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.color === 'string')
        colors.add(o.color.toLowerCase());
      if ((o.type === 'Container' || o.type === 'Column' || o.type === 'ColumnSet') && typeof o.style === 'string')
        styles.add(o.style.toLowerCase());
      Object.values(o).forEach(walk);
    };
    for (const c of cards) walk(c.card);
    expect(colors.size).toBeGreaterThan(2);
    expect([...colors].filter((c) => !(CHECKED as readonly string[]).includes(c))).toEqual([]);
    expect([...styles].filter((s) => !(CONTAINER_STYLES as readonly string[]).includes(s))).toEqual([]);
  });
});
