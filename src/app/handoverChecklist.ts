// A handover's checklist (docs/domain.md, absence and handover): where checklists are stored, what
// its card is drawn from, the copies queued for the group channels, the line to whoever answers for
// it, and the writes that post a checklist when its day comes. The card itself is drawn by
// src/outbox/handoverCards.ts, at send time for the channels. The presses on the card are in
// handoverPresses.ts, the morning's work in handoverMorning.ts.
import { caseLookup } from './caseLookup.js';
import { activate, isActive, type Handover } from '../domain/handover.js';
import { entryStates, responsibleFor } from '../domain/handoverProgress.js';
import { isAbsent, openCasesOf } from '../domain/queries.js';
import { stockholmDate } from '../domain/time.js';
import { count, texts, type Lang } from '../cards/text/index.js';
import { staffLangs } from './recipientLang.js';
import type { HandoverCardInput, HandoverCardOptions } from '../views/handoverChecklist.js';
import { type DocWrite, collection, docWrite } from '../store/port.js';
import { absences, type AppDeps } from './context.js';
import { enqueue } from '../outbox/messages.js';

export const HANDOVERS = collection<Handover>('handovers');
export const HANDOVER_ESCALATIONS = collection<HandoverEscalation>('handoverEscalations');

/** That one escalation of a handover went out (the id is its claim: handover, case, day). */
export interface HandoverEscalation {
  id: string;
  version: number;
}

export const handoverCardKey = (handoverId: string, groupId: string) => `handover:${handoverId}:group:${groupId}`;

export async function getHandover(deps: AppDeps, id: string): Promise<Handover | undefined> {
  return await deps.store.getDoc(HANDOVERS, id);
}

export async function allHandovers(deps: AppDeps): Promise<Handover[]> {
  return await deps.store.listDocs(HANDOVERS);
}

/** What the checklist card shows as the store stands now (drawn by src/cards/handoverCard.ts). */
export async function handoverCardInput(
  deps: AppDeps,
  h: Handover,
  opts: HandoverCardOptions = {},
): Promise<HandoverCardInput> {
  const now = deps.now();
  const states = entryStates(
    h,
    await caseLookup(
      deps.store,
      h.entries.map((e) => e.caseId),
    ),
    deps.rules,
  );
  const today = stockholmDate(now);
  const abs = await absences(deps);
  // Each caseworker's open cases, counted once per card (not once per case on the list).
  const load = new Map<string, number>();
  for (const c of await deps.store.openCases()) for (const id of c.assignees) load.set(id, (load.get(id) ?? 0) + 1);
  const choices = new Map<string, { title: string; value: string }[]>();
  const choicesFor = (groupId: string) => {
    let list = choices.get(groupId);
    if (!list) {
      list = deps.org
        .caseworkersOf(groupId)
        .filter((s) => s.aadObjectId !== h.staffId && !isAbsent(abs, s.aadObjectId, today))
        .map((s) => ({
          title: `${s.name} (${load.get(s.aadObjectId) ?? 0}${s.capacity ? `/${s.capacity}` : ''})`,
          value: s.aadObjectId,
        }));
      choices.set(groupId, list);
    }
    return list;
  };
  return {
    handover: h,
    states,
    now,
    calendar: deps.calendar,
    nameOf: (id) => deps.org.name(id),
    choicesFor,
    ...opts,
  };
}

/**
 * Outbox messages that post (or update in place) the checklist card in every group channel of the
 * handover. They carry only the handover's id: the card is drawn when it is sent, from the store as
 * it is then (src/outbox/render.ts), so a copy delivered late is never an old list.
 */
export function handoverCardUpdates(h: Handover, now: Date): DocWrite[] {
  // A list of nothing ("0 av 0 ärenden") is never posted: the morning redraw, a return, a tick.
  if (h.entries.length === 0) return [];
  return h.groupIds.map((g) =>
    enqueue(now, { kind: 'group', groupId: g }, { kind: 'handoverCard', handoverId: h.id }, handoverCardKey(h.id, g)),
  );
}

/** The 1:1 line to whoever answers for the checklist (the other team leads when one is away too). */
export async function responsibleNotices(deps: AppDeps, h: Handover, now: Date): Promise<DocWrite[]> {
  const who = responsibleFor(deps.org.org, await absences(deps), h, stockholmDate(now));
  const langOf = await staffLangs(deps, who);
  return who.map((id) => {
    // Each in their own language (their last 1:1 locale, src/app/recipientLang.ts).
    const lang = langOf(id);
    return enqueue(
      now,
      { kind: 'user', staffId: id },
      {
        kind: 'text',
        text: texts(lang).appNotices.handover.responsible(
          deps.org.name(h.staffId, lang),
          count(h.entries.length, 'öppet ärende', lang),
        ),
      },
    );
  });
}

/** The line the group channels get instead of an empty checklist (Swedish there; `överlämning` answers in the reader's). */
export function noOpenCasesText(deps: AppDeps, h: Handover, lang: Lang = 'sv'): { title: string; text: string } {
  const t = texts(lang).appNotices.handover;
  const name = deps.org.name(h.staffId, lang);
  return { title: t.noOpenCasesTitle(name), text: t.noOpenCases(name) };
}

function noOpenCasesNotices(deps: AppDeps, h: Handover, now: Date): DocWrite[] {
  const { title, text } = noOpenCasesText(deps, h);
  return h.groupIds.map((g) =>
    enqueue(
      now,
      { kind: 'group', groupId: g },
      { kind: 'card', template: 'notice', data: { title, text, color: 'Good', facts: [] } },
    ),
  );
}

/**
 * The checklist `överlämning @person` shows again: the person's running one (posted, not yet
 * returned), else the latest one still to be posted or handed back; undefined when there is none.
 */
export async function handoverOf(deps: AppDeps, staffId: string): Promise<Handover | undefined> {
  const mine = (await allHandovers(deps))
    .filter((h) => h.staffId === staffId)
    .sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  return mine.find((h) => isActive(h)) ?? mine.find((h) => !h.activatedAt && !h.returnedAt);
}

/** The writes that post a handover's checklist now (its entries are the person's open cases at this moment). */
export async function activationWrites(
  deps: AppDeps,
  h: Handover,
  now: Date,
): Promise<{ handover: Handover; docs: DocWrite[] }> {
  const active = activate(h, openCasesOf(await deps.store.openCases(), h.staffId), now);
  // Nobody needs a list of nothing in the channel: a short notice says there is nothing to hand over.
  if (active.entries.length === 0) return { handover: active, docs: noOpenCasesNotices(deps, active, now) };
  return {
    handover: active,
    docs: [...handoverCardUpdates(active, now), ...(await responsibleNotices(deps, active, now))],
  };
}

export const handoverDocWrite = (h: Handover, expected: number): DocWrite =>
  docWrite(HANDOVERS, h.id, { ...h, version: expected + 1 }, expected);
