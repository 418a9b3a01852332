// The case card's buttons (docs/cards.md "Buttons by role"): which a viewer gets, and how many fit
// side by side at phone width before the rest go under "Mer".
import type { RuleTable } from '../domain/rules.js';
import type { Case, Role } from '../domain/schemas.js';
import { decisionButtons } from './decisionForms.js';
import { texts, type Lang } from './text/index.js';

/** One button of the case card: Action.Execute with the case's reference and version. */
interface CaseButton {
  title: string;
  verb: string;
  style: 'positive' | 'default';
}

/**
 * At most three primary buttons, and only as many as fit side by side at phone width (340 px, the
 * test/cards/phoneWidth.browser.test.ts check), with "Mer" after them: an Action.ShowCard that lists
 * the rest one per row. The width is estimated from the title: 8 px a character and 34 px padding
 * and spacing; "Mer" takes 70 px.
 */
export const PHONE_BUTTON_ROW_PX = 308;
const buttonPx = (title: string) => title.length * 8 + 34;
const MORE_PX = 70;

function primaryCount(titles: string[]): number {
  const fits = (n: number, more: boolean) =>
    titles.slice(0, n).reduce((w, t) => w + buttonPx(t), more ? MORE_PX : 0) <= PHONE_BUTTON_ROW_PX;
  if (titles.length <= 3 && fits(titles.length, false)) return titles.length;
  let n = Math.min(3, titles.length);
  while (n > 1 && !fits(n, true)) n -= 1;
  return n;
}

/** Decision buttons every role may press: what a channel card shows (the server checks anyway). */
function everyoneButtons(c: Case, rules: RuleTable, today: string, lang: Lang) {
  const per = (['caseworker', 'team_lead', 'unit_manager'] as const).map((r) =>
    decisionButtons(c, r, rules, today, lang),
  );
  const all = (k: 'main' | 'more' | 'lvu') =>
    per[0]![k].filter((b) => per.every((p) => [...p.main, ...p.more, ...p.lvu].some((x) => x.verb === b.verb)));
  return { main: [...all('main'), ...all('more')], lvu: all('lvu') };
}

export interface CaseButtons {
  canTake: boolean;
  canAssign: boolean;
  assignTitle: string;
  leadActions: CaseButton[];
  primaryActions: CaseButton[];
  moreActions: CaseButton[];
  hasMore: boolean;
  linkPrimary: boolean;
  hasHistory: boolean;
}

export function caseButtons(input: {
  case: Case;
  viewer: Role | 'all' | 'none';
  rules: RuleTable;
  today: string;
  lang: Lang;
  /** Someone to assign to (the assign list is not empty). */
  hasChoices: boolean;
  link: string;
}): CaseButtons {
  const { case: c, viewer, today, lang } = input;
  const tc = texts(lang).caseCard;
  const channel = viewer === 'all';
  const unassigned = c.assignees.length === 0;
  const open = c.phase !== 'closed';
  // Which buttons (docs/cards.md "Buttons by role"). A channel card is the same for every member
  // (Teams refreshes no card per user there): only what every role may do, and "Åtgärder", which
  // answers the presser alone with their own role's card. A role's own view has that role's buttons.
  // Every press is checked on the server whatever the card showed.
  const decisions = c.sectionKind
    ? { main: [], lvu: [] }
    : channel
      ? everyoneButtons(c, input.rules, today, lang)
      : (() => {
          const b = decisionButtons(c, viewer, input.rules, today, lang);
          return { main: [...b.main, ...b.more], lvu: b.lvu };
        })();
  const canTake = open && unassigned && (channel || viewer === 'caseworker');
  const canAssign = open && !channel && (viewer === 'team_lead' || viewer === 'unit_manager') && input.hasChoices;
  const hasHistory = viewer !== 'none';
  const assignTitle = unassigned ? tc.assign : tc.reassign;
  const btn = (title: string, verb: string, style: CaseButton['style'] = 'default'): CaseButton => ({
    title,
    verb,
    style,
  });
  const lead = canTake ? [btn(tc.take, 'case.take', 'positive')] : [];
  const rest = [
    ...(channel ? [btn(tc.actions, 'case.actions')] : []),
    ...(channel && hasHistory ? [btn(tc.history, 'decision.timeline.show')] : []),
    ...[...decisions.main, ...decisions.lvu].map((d) => btn(d.title, d.verb)),
    ...(!channel && hasHistory ? [btn(tc.history, 'decision.timeline.show')] : []),
  ];
  const link = input.link;
  // Take or assign first (never both: take is the caseworker's, assign the lead's), then the rest.
  const firstTitles = [...lead.map((b) => b.title), ...(canAssign ? [assignTitle] : [])];
  const titles = [...firstTitles, ...rest.map((b) => b.title), ...(link ? [tc.openInSystem] : [])];
  const primary = Math.max(primaryCount(titles), firstTitles.length);
  const restPrimary = Math.max(0, primary - firstTitles.length);
  const primaryActions = rest.slice(0, restPrimary);
  const moreActions = rest.slice(restPrimary);
  const linkPrimary = !!link && moreActions.length === 0 && primary === titles.length;
  return {
    canTake,
    canAssign,
    assignTitle,
    leadActions: lead,
    primaryActions,
    moreActions,
    hasMore: moreActions.length > 0 || (!!link && !linkPrimary),
    linkPrimary,
    hasHistory,
  };
}
