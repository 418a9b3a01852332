// The exported chart (npm run stats -- --format png): the shares on time over thirteen months, drawn on
// the server without a browser. ECharts renders it to SVG (its server-side mode) and resvg turns the SVG
// into a PNG with DejaVu Sans, a bundled font that has å, ä and ö (Bitstream Vera licence, free to
// redistribute), so the result is the same on every machine whatever fonts it has.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { monthName } from './format.js';
import type { FigureId, MonthStats, ScopeStats } from './figures.js';

const require = createRequire(import.meta.url);
/** The bundled font's file (the dejavu-fonts-ttf package). */
export const CHART_FONT_FILE = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT = 'DejaVu Sans';

/** The lines drawn, in the order of the legend. */
export const PNG_FIGURES: FigureId[] = ['skyddsbedomning', 'forhandsbedomning_14', 'utredning_4_manader', 'kontakt'];
const COLORS = ['#5B5FC7', '#C4314B', '#0E700E', '#835C00'];

const scopeIn = (m: MonthStats, groupId: string | null): ScopeStats =>
  groupId === null ? m.unit : (m.groups.find((g) => g.groupId === groupId) ?? m.unit);

/** The chart as an SVG document. */
export function statsChartSvg(
  history: MonthStats[],
  groupId: string | null,
  size = { width: 1000, height: 640 },
): string {
  const last = history[history.length - 1];
  const scope = scopeIn(last, groupId);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#FFFFFF',
      textStyle: { fontFamily: FONT },
      color: COLORS,
      title: {
        text: `Andel i tid · ${scope.name}`,
        subtext: `${monthName(history[0].month)} – ${monthName(last.month)} · läget ${last.asOf} · Ärendevakt`,
        left: 24,
        top: 16,
        textStyle: { fontFamily: FONT, fontSize: 22, fontWeight: 'bold', color: '#242424' },
        subtextStyle: { fontFamily: FONT, fontSize: 14, color: '#616161' },
      },
      // One legend entry a line: the server measures text without the font, so entries side by side overlap.
      legend: {
        orient: 'vertical',
        bottom: 12,
        left: 64,
        itemGap: 8,
        textStyle: { fontFamily: FONT, fontSize: 14, color: '#242424' },
        data: PNG_FIGURES.map((id) => scope.figures.find((f) => f.id === id)!.label),
      },
      grid: { left: 72, right: 72, top: 124, bottom: 168 },
      xAxis: {
        type: 'category',
        data: history.map((m) => monthName(m.month, true)),
        axisLabel: { fontFamily: FONT, fontSize: 13, color: '#424242' },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 20,
        name: 'procent i tid',
        nameTextStyle: { fontFamily: FONT, fontSize: 13, color: '#616161' },
        axisLabel: { fontFamily: FONT, fontSize: 13, color: '#424242', formatter: '{value} %' },
      },
      series: PNG_FIGURES.map((id) => ({
        type: 'line',
        name: scope.figures.find((f) => f.id === id)!.label,
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { width: 3 },
        data: history.map((m) => {
          const f = scopeIn(m, groupId).figures.find((x) => x.id === id)!;
          return f.share === null ? null : Math.round(1000 * f.share) / 10;
        }),
        endLabel: {
          show: true,
          fontFamily: FONT,
          fontSize: 12,
          formatter: (p: { value: unknown }) =>
            typeof p.value === 'number' ? `${String(p.value).replace('.', ',')} %` : '',
        },
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as PNG bytes (rendered at twice the size for sharp text). */
export function statsChartPng(history: MonthStats[], groupId: string | null): Buffer {
  const svg = statsChartSvg(history, groupId);
  const png = new Resvg(svg, {
    background: '#FFFFFF',
    fitTo: { mode: 'zoom', value: 2 },
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT },
  })
    .render()
    .asPng();
  return Buffer.from(png);
}
