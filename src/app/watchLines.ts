// What the watches have said about a case, as lines for its card (src/cards/caseCard.ts
// `watchLines`): the "genast" nudge while the skyddsbedömning is still missing, and a report that
// came in out of hours. Read from the watches' own claims, so the card says what was sent.
import type { Case } from '../domain/schemas.js';
import { formatDate, formatTime, stockholmDate } from '../domain/time.js';
import { texts, type Lang } from '../cards/text/index.js';
import { genastNudgedAt, genastOfficeHours } from '../jobs/watches.js';
import { isOfficeTime } from '../domain/officeHours.js';
import { officeHoursOf, type AppDeps } from './context.js';
import { groupsToNotify } from '../domain/routing.js';
import { cardActivityOf } from '../outbox/cardActivities.js';
import { OUTBOX } from '../outbox/messages.js';
import { deadReason } from '../outbox/deliveryFailure.js';
import { vinrKey } from './vinrNotices.js';

export async function watchLinesFor(
  deps: AppDeps,
  c: Case,
  lang: Lang = 'sv',
): Promise<{ text: string; color: string }[]> {
  const t = texts(lang).watch;
  const out: { text: string; color: string }[] = [];
  const year = Number(stockholmDate(deps.now()).slice(0, 4));
  const when = (iso: string) => `${formatDate(stockholmDate(iso), year, lang)} ${formatTime(iso, lang)}`;
  if (!isOfficeTime(c.receivedAt, deps.calendar, officeHoursOf(deps)))
    out.push({
      text: t.outOfHours(when(c.receivedAt), !c.skyddsbedomning),
      color: c.skyddsbedomning ? 'Default' : 'Warning',
    });
  out.push(...(await vinrLines(deps, c, when, lang)));
  const nudged = !c.skyddsbedomning && c.phase !== 'closed' ? await genastNudgedAt(deps, c.id) : undefined;
  if (nudged) {
    const h = genastOfficeHours(deps);
    out.push({
      text: t.nudged(h, when(nudged)),
      color: 'Attention',
    });
  }
  return out;
}

/** Whether the violence group was told: delivered, still being sent, or undeliverable (and why). */
async function vinrLines(
  deps: AppDeps,
  c: Case,
  when: (iso: string) => string,
  lang: Lang,
): Promise<{ text: string; color: string }[]> {
  const t = texts(lang).watch;
  const groups = groupsToNotify(c.concerns, c.groupId, deps.org.org.groups).map((x) => x.group);
  if (!groups.length) return [];
  const queued = (await deps.store.listDocs(OUTBOX)).filter(
    (m) =>
      m.content.kind === 'card' &&
      m.content.template === 'vinr-notice' &&
      (m.content.data as { caseId?: string }).caseId === c.id,
  );
  const lines: { text: string; color: string }[] = [];
  for (const g of groups) {
    const m = queued.find((x) => x.target.kind === 'group' && x.target.groupId === g.id);
    if (m?.status === 'dead')
      lines.push({ text: t.vinrDead(g.name, t.reason[deadReason(m)] ?? t.reason.other!), color: 'Attention' });
    else if (m) lines.push({ text: t.vinrSending(g.name), color: 'Warning' });
    else {
      const posted = await cardActivityOf(deps.store, vinrKey(c.id, g.id));
      if (posted)
        lines.push({ text: t.vinrPosted(g.name, posted.postedAt ? when(posted.postedAt) : ''), color: 'Good' });
    }
  }
  return lines;
}
