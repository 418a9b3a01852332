// The Teams-like Adaptive Card host config, light and dark, in one place: scripts/cards-preview.ts
// and scripts/handover-card-png.ts render with it, and test/cards/contrast.test.ts checks that every
// text colour reaches WCAG's 4.5:1 against its container's background in both themes (docs/cards.md).
// Teams itself draws the cards with its own host config; these colours follow Teams' palette, darkened
// or lightened where Teams' own falls short (its warning yellow was 1.47:1 on white).

export type Theme = 'light' | 'dark';

/** The colour names a TextBlock's `color` can take, in the host config's lower case. */
export const TEXT_COLORS = ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'] as const;
export type TextColor = (typeof TEXT_COLORS)[number];
/** The same names as a card writes them (`"color": "Warning"`). */
export type CardColor = Capitalize<TextColor>;

/** Container styles the templates use (cards/*.json `style`). */
export const CONTAINER_STYLES = ['default', 'emphasis', 'good', 'attention', 'warning', 'accent'] as const;
export type ContainerStyle = (typeof CONTAINER_STYLES)[number];

interface Pair {
  default: string;
  subtle: string;
}

/** Per theme: each container's background and the text colours on it. */
export interface Palette {
  backgrounds: Record<ContainerStyle, string>;
  text: Record<TextColor, Pair>;
  /** A container with a coloured background may need its own, darker (or lighter) text colours. */
  onTinted?: Partial<Record<ContainerStyle, Partial<Record<TextColor, Pair>>>>;
  separator: string;
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    backgrounds: {
      default: '#FFFFFF',
      emphasis: '#F5F5F5',
      good: '#E7F2DA',
      attention: '#FCF4F6',
      warning: '#FBF6D9',
      accent: '#E8EBFA',
    },
    text: {
      default: { default: '#242424', subtle: '#5C5C5C' },
      dark: { default: '#242424', subtle: '#484644' },
      // "Light" is white text for dark backgrounds; on a light card it reads as default.
      light: { default: '#242424', subtle: '#5C5C5C' },
      accent: { default: '#4F52B2', subtle: '#4F52B2' },
      good: { default: '#0E700E', subtle: '#0E700E' },
      warning: { default: '#7A5300', subtle: '#7A5300' },
      attention: { default: '#B10E1C', subtle: '#B10E1C' },
    },
    separator: '#E1DFDD',
  },
  dark: {
    backgrounds: {
      default: '#292929',
      emphasis: '#1F1F1F',
      good: '#0F2A0F',
      attention: '#3A1C20',
      warning: '#3A2E0B',
      accent: '#2B2C4A',
    },
    text: {
      default: { default: '#FFFFFF', subtle: '#C7C7C7' },
      dark: { default: '#FFFFFF', subtle: '#C7C7C7' },
      light: { default: '#FFFFFF', subtle: '#C7C7C7' },
      accent: { default: '#B4B6F0', subtle: '#B4B6F0' },
      good: { default: '#8FD18F', subtle: '#8FD18F' },
      warning: { default: '#F5C451', subtle: '#F5C451' },
      attention: { default: '#FF99A4', subtle: '#FF99A4' },
    },
    separator: '#3D3D3D',
  },
};

/** The colour a TextBlock with this colour (and isSubtle) has inside a container of this style. */
export function textColor(theme: Theme, style: ContainerStyle, color: TextColor, subtle: boolean): string {
  const p = PALETTES[theme];
  const pair = p.onTinted?.[style]?.[color] ?? p.text[color];
  return subtle ? pair.subtle : pair.default;
}

function foregroundColors(theme: Theme, style: ContainerStyle) {
  return Object.fromEntries(
    TEXT_COLORS.map((c) => [
      c,
      { default: textColor(theme, style, c, false), subtle: textColor(theme, style, c, true) },
    ]),
  );
}

/** The host config for a theme: Teams' sizes, spacing and fonts, and every colour of every container. */
export function teamsHostConfig(theme: Theme = 'light') {
  const p = PALETTES[theme];
  return {
    fontFamily: "'Segoe UI', 'Liberation Sans', 'DejaVu Sans', system-ui, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: p.separator },
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: Object.fromEntries(
      CONTAINER_STYLES.map((s) => [
        s,
        { backgroundColor: p.backgrounds[s], foregroundColors: foregroundColors(theme, s) },
      ]),
    ),
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
      iconPlacement: 'leftOfTitle',
      iconSize: 16,
    },
    inputs: { label: { inputSpacing: 'small', requiredInputs: { suffix: ' *', suffixColor: 'attention' } } },
    factSet: {
      title: { size: 'default', color: 'default', weight: 'bolder', wrap: true, maxWidth: 160 },
      value: { size: 'default', color: 'default', weight: 'default', wrap: true },
      spacing: 12,
    },
  };
}

export const TEAMS_HOST_CONFIG = teamsHostConfig('light');
export const TEAMS_HOST_CONFIG_DARK = teamsHostConfig('dark');

/** WCAG 2 relative luminance of "#RRGGBB". */
export function luminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}
