// The statistics card (`statistik`, and the unit manager's monthly card): the month's shares against the
// twelve before as a Teams chart (Chart.Line), with a plain table as the fallback for clients that do not
// draw charts, each figure in words, and the cases behind each late figure one press away (pseudonymous
// references only). Built from src/stats; the template is cards/stats.json.
import { formatDate } from '../domain/time.js';
import { formatPercent, monthName } from '../stats/format.js';
import type { Figure, FigureId, MonthStats, ScopeStats } from '../stats/figures.js';
import { cardSize, MAX_CARD_BYTES, renderCard, type Card } from './render.js';
import { noun, periodWords, texts, type Lang } from './text/index.js';
import { sv } from './text/sv.js';

/**
 * A case reference that a narrow card cannot wrap at its hyphens ("IFO-2026-/004405" at 340 px): each
 * hyphen becomes U+2011, the non-breaking hyphen, which looks the same. A reference copied from the
 * card back into chat is still found (src/app/caseQueries.ts caseByRef reads any hyphen as '-').
 */
export function unbrokenRef(ref: string): string {
  return ref.replace(/-/g, '\u2011');
}

/** The figures drawn in the chart, with their short column names for the fallback table. */
export const CHART_FIGURES: { id: FigureId; short: string }[] = (
  ['skyddsbedomning', 'forhandsbedomning_14', 'utredning_4_manader'] as const
).map((id) => ({ id, short: sv.stats.short[id] }));

/** How many references a figure lists on the card; the rest are in the export. */
export const LATE_LIST_MAX = 40;

const scopeIn = (m: MonthStats, groupId: string | null): ScopeStats =>
  groupId === null ? m.unit : (m.groups.find((g) => g.groupId === groupId) ?? m.unit);

/** "66,7 %" in Swedish, "66.7 %" in English. */
const percent = (share: number, lang: Lang) =>
  lang === 'sv' ? formatPercent(share) : formatPercent(share).replace(',', '.');

/** "november 2026", "nov 26"; in English "November 2026", "Nov '26" ("Nov 26" would read as a day). */
function monthIn(m: string, lang: Lang, short = false): string {
  if (lang === 'sv') return monthName(m, short);
  const name = texts(lang).stats.months[Number(m.slice(5, 7)) - 1];
  return short ? `${name.slice(0, 3)} '${m.slice(2, 4)}` : `${name} ${m.slice(0, 4)}`;
}

/** A figure's name: src/stats's own in Swedish, the catalogue's in another language. */
function labelIn(f: Figure, lang: Lang): string {
  if (lang === 'sv') return f.label;
  const t = texts(lang).stats;
  if (f.id === 'kontakt' && f.limitDays !== undefined) return t.contactFigure(f.limitDays);
  if (f.period && (f.id === 'forhandsbedomning_14' || f.id === 'utredning_4_manader'))
    return t.periodFigure[f.id](periodWords(f.period, lang));
  return t.figure[f.id] ?? f.label;
}

function figureValue(f: Figure, lang: Lang): { value: string; color: string } {
  const t = texts(lang);
  if (f.total === 0) return { value: t.stats.nothing, color: 'Default' };
  const share = percent(f.share!, lang);
  const color = f.late === 0 ? 'Good' : f.share! >= 0.9 ? 'Warning' : 'Attention';
  // The colour's reason in words too (docs/cards.md: never colour alone).
  const late = f.late === 0 ? '' : ` · ${f.late} ${noun(f.late, 'försenad', lang)}`;
  return { value: `${t.stats.inTime(f.met, f.total, share)}${late}`, color };
}

export interface StatsCardInput {
  /** The month and the twelve before it, oldest first (src/stats/query.ts cardMonths). */
  history: MonthStats[];
  /** null: the whole unit (with a line per group). */
  groupId: string | null;
  /** Shown at the bottom (e.g. how to get the export). */
  footer?: string;
  /** The reader's language (src/cards/text/); Swedish when absent. */
  lang?: Lang;
}

export function statsCardData(input: StatsCardInput, lateMax = LATE_LIST_MAX) {
  const month = input.history[input.history.length - 1];
  const scope = scopeIn(month, input.groupId);
  const lang = input.lang ?? 'sv';
  const t = texts(lang).stats;
  const label = (f: Figure) => labelIn(f, lang);
  const shortOf = (id: FigureId) => (lang === 'sv' ? sv.stats.short[id] : (t.short[id] ?? sv.stats.short[id]));
  const series = CHART_FIGURES.map(({ id }) => ({
    legend: label(scope.figures.find((f) => f.id === id)!),
    short: shortOf(id),
    values: input.history.flatMap((m) => {
      const f = scopeIn(m, input.groupId).figures.find((x) => x.id === id)!;
      return f.share === null ? [] : [{ x: monthIn(m.month, lang, true), y: Math.round(1000 * f.share) / 10 }];
    }),
  }));
  const table = input.history.map((m) => ({
    month: monthIn(m.month, lang, true),
    cells: CHART_FIGURES.map(({ id }) => {
      const f = scopeIn(m, input.groupId).figures.find((x) => x.id === id)!;
      return { text: f.share === null ? '–' : `${percent(f.share, lang)} (${f.met}/${f.total})` };
    }),
  }));
  const figures = scope.figures.map((f) => {
    const shown = f.lateCases.slice(0, lateMax);
    const notes = [
      f.pending ? t.pending(f.pending) : '',
      f.id === 'utredning_4_manader' || f.id === 'utredning_i_kraft' ? t.sameClock : '',
    ].filter(Boolean);
    return {
      label: label(f),
      ...figureValue(f, lang),
      note: notes.join(' · '),
      lateCount: f.lateCases.length,
      lateButton: t.lateButton(f.lateCases.length),
      lateHeading: t.lateHeading(label(f)),
      lateList: shown.join(', '),
      lateMore: f.lateCases.length > shown.length ? t.lateMore(f.lateCases.length - shown.length) : '',
    };
  });
  const u = scope.unassigned;
  const days = (d: typeof u.workingDays) =>
    d.median === null ? '–' : t.days(formatDays(d.median, lang), d.p90!, d.max!);
  const unassigned = [
    { title: t.received, value: String(u.received) },
    { title: t.workingDays, value: days(u.workingDays) },
    { title: t.calendarDays, value: days(u.calendarDays) },
    ...(u.stillUnassigned ? [{ title: t.stillUnassigned, value: String(u.stillUnassigned) }] : []),
    ...(u.longest.length
      ? [
          {
            title: t.longest,
            value: u.longest
              .slice(0, 5)
              .map((l) => `${unbrokenRef(l.caseId)} (${l.workingDays})`)
              .join(', '),
          },
        ]
      : []),
  ];
  const groups =
    input.groupId === null
      ? month.groups.map((g) => ({
          name: g.name,
          value: CHART_FIGURES.map(({ id }) => {
            const f = g.figures.find((x) => x.id === id)!;
            return `${shortOf(id)} ${f.share === null ? '–' : percent(f.share, lang)}`;
          }).join(' · '),
        }))
      : [];
  return {
    ...(lang === 'sv' ? {} : { lang }),
    title: t.title(monthIn(month.month, lang), lang !== 'sv' && input.groupId === null ? t.unit : scope.name),
    subtitle: month.complete
      ? t.complete(formatDate(month.asOf, Number(month.asOf.slice(0, 4)), lang))
      : t.running(formatDate(month.asOf, Number(month.asOf.slice(0, 4)), lang)),
    chartTitle: t.chartTitle,
    series,
    table,
    figures,
    unassigned,
    groups,
    footer: input.footer ?? t.footer,
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

const formatDays = (n: number, lang: Lang) =>
  Number.isInteger(n) ? String(n) : lang === 'sv' ? n.toFixed(1).replace('.', ',') : n.toFixed(1);
