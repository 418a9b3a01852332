// The statistics card (`statistik`, and the unit manager's monthly card): the month's shares against the
// twelve before as a Teams chart (Chart.Line), with a plain table as the fallback for clients that do not
// draw charts, each figure in words, and the cases behind each late figure one press away (pseudonymous
// references only). Built from src/stats; the template is cards/stats.json.
import { formatDate } from '../domain/time.js';
import { formatPercent, monthName } from '../stats/format.js';
import type { Figure, FigureId, MonthStats, ScopeStats } from '../stats/figures.js';
import { cardSize, MAX_CARD_BYTES, renderCard, type Card } from './render.js';

/** The figures drawn in the chart, with their short column names for the fallback table. */
export const CHART_FIGURES: { id: FigureId; short: string }[] = [
  { id: 'skyddsbedomning', short: 'Skyddsbedömning' },
  { id: 'forhandsbedomning_14', short: 'Förhandsbedömning 14 d' },
  { id: 'utredning_4_manader', short: 'Utredning 4 mån' },
];

/** How many references a figure lists on the card; the rest are in the export. */
export const LATE_LIST_MAX = 40;

const scopeIn = (m: MonthStats, groupId: string | null): ScopeStats =>
  groupId === null ? m.unit : (m.groups.find((g) => g.groupId === groupId) ?? m.unit);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function figureValue(f: Figure): { value: string; color: string } {
  if (f.total === 0) return { value: 'Inget att bedöma i månaden', color: 'Default' };
  const share = formatPercent(f.share!);
  const color = f.late === 0 ? 'Good' : f.share! >= 0.9 ? 'Warning' : 'Attention';
  // The colour's reason in words too (docs/cards.md: never colour alone).
  const late = f.late === 0 ? '' : ` · ${f.late} ${f.late === 1 ? 'försenad' : 'försenade'}`;
  return { value: `${f.met} av ${f.total} i tid (${share})${late}`, color };
}

export interface StatsCardInput {
  /** The month and the twelve before it, oldest first (src/stats/query.ts cardMonths). */
  history: MonthStats[];
  /** null: the whole unit (with a line per group). */
  groupId: string | null;
  /** Shown at the bottom (e.g. how to get the export). */
  footer?: string;
}

export function statsCardData(input: StatsCardInput, lateMax = LATE_LIST_MAX) {
  const month = input.history[input.history.length - 1];
  const scope = scopeIn(month, input.groupId);
  const series = CHART_FIGURES.map(({ id, short }) => ({
    legend: scope.figures.find((f) => f.id === id)!.label,
    short,
    values: input.history.flatMap((m) => {
      const f = scopeIn(m, input.groupId).figures.find((x) => x.id === id)!;
      return f.share === null ? [] : [{ x: monthName(m.month, true), y: Math.round(1000 * f.share) / 10 }];
    }),
  }));
  const table = input.history.map((m) => ({
    month: monthName(m.month, true),
    cells: CHART_FIGURES.map(({ id }) => {
      const f = scopeIn(m, input.groupId).figures.find((x) => x.id === id)!;
      return { text: f.share === null ? '–' : `${formatPercent(f.share)} (${f.met}/${f.total})` };
    }),
  }));
  const figures = scope.figures.map((f) => {
    const shown = f.lateCases.slice(0, lateMax);
    const notes = [
      f.pending ? `${plural(f.pending, 'frist löper', 'frister löper')} fortfarande` : '',
      f.id === 'utredning_4_manader' || f.id === 'utredning_i_kraft'
        ? 'En ny utredning om samma barn strax efter ett avslut räknas som samma klocka.'
        : '',
    ].filter(Boolean);
    return {
      label: f.label,
      ...figureValue(f),
      note: notes.join(' · '),
      lateCount: f.lateCases.length,
      lateButton: `Visa försenade (${f.lateCases.length})`,
      lateHeading: `${f.label}: försenade ärenden`,
      lateList: shown.join(', '),
      lateMore:
        f.lateCases.length > shown.length
          ? `… och ${f.lateCases.length - shown.length} till. Hela listan finns i exporten (GET /api/stats).`
          : '',
    };
  });
  const u = scope.unassigned;
  const days = (d: typeof u.workingDays) =>
    d.median === null ? '–' : `median ${formatDays(d.median)}, 90:e percentilen ${d.p90}, max ${d.max}`;
  const unassigned = [
    { title: 'Anmälningar', value: String(u.received) },
    { title: 'Arbetsdagar', value: days(u.workingDays) },
    { title: 'Kalenderdagar', value: days(u.calendarDays) },
    ...(u.stillUnassigned ? [{ title: 'Fortfarande ofördelade', value: String(u.stillUnassigned) }] : []),
    ...(u.longest.length
      ? [
          {
            title: 'Längst väntan',
            value: u.longest
              .slice(0, 5)
              .map((l) => `${l.caseId} (${l.workingDays})`)
              .join(', '),
          },
        ]
      : []),
  ];
  const groups =
    input.groupId === null
      ? month.groups.map((g) => ({
          name: g.name,
          value: CHART_FIGURES.map(({ id, short }) => {
            const f = g.figures.find((x) => x.id === id)!;
            return `${short} ${f.share === null ? '–' : formatPercent(f.share)}`;
          }).join(' · '),
        }))
      : [];
  return {
    title: `Statistik ${monthName(month.month)} · ${scope.name}`,
    subtitle: month.complete
      ? `Frister som löpte ut i månaden, läget ${formatDate(month.asOf, Number(month.asOf.slice(0, 4)))}.`
      : `Månaden pågår: frister som löpt ut till och med ${formatDate(month.asOf, Number(month.asOf.slice(0, 4)))}.`,
    chartTitle: 'Andel i tid, de senaste 13 månaderna',
    series,
    table,
    figures,
    unassigned,
    groups,
    footer:
      input.footer ??
      'Definitionerna och lagrummen: docs/stats.md. Export för nämnden och IVO: GET /api/stats eller npm run stats.',
  };
}

/** The card's data, listing fewer references per figure until the card fits the budget (for the outbox). */
export function fittedStatsCardData(input: StatsCardInput): ReturnType<typeof statsCardData> {
  for (let max = LATE_LIST_MAX; ; max = Math.floor(max / 2)) {
    const data = statsCardData(input, max);
    if (max <= 1 || cardSize(renderCard('stats', data)) <= MAX_CARD_BYTES) return data;
  }
}

export function statsCard(input: StatsCardInput): Card {
  return renderCard('stats', fittedStatsCardData(input));
}

const formatDays = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ','));
