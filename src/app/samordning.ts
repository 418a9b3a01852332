// What a new case in a family sets off beyond its own card (docs/family.md): violence in the family
// reaches VINR for every child case of it, and the first time a family has open cases in two
// sections both team leads get one "samordning" card, with one press to tell the other section's
// team lead. Nothing of either side's content crosses: the section, the owner and since when.
import { familyViolence, hasViolenceConcern, openSections, sectionOf, type Section } from '../domain/family.js';
import { refuse, type Actor, type Case, type Refusal } from '../domain/schemas.js';
import { formatDate, stockholmDate, stockholmYear } from '../domain/time.js';
import { joinAnd, texts, type Lang } from '../cards/text/index.js';
import { langOfStaff, staffLangs } from './recipientLang.js';
import { type DocWrite, collection, docWrite } from '../store/port.js';
import type { AppDeps } from './context.js';
import { vinrNotices } from './vinrNotices.js';
import { enqueue } from '../outbox/messages.js';

/** Once-only claims: `vinr:<caseId>` (the family VINR notice), `samordning:<familyRef>:<a>+<b>`. */
export const FAMILY_NOTICES = collection<Samordning>('familyNotices');
export const SAMORDNING_TEMPLATE = 'samordning';
/** Why VINR hears of a case without a violence concern of its own (VINR's channel reads Swedish). */
export const FAMILY_VIOLENCE_WHY = texts('sv').appNotices.samordning.familyViolenceWhy;

export interface SamordningSide {
  key: string;
  name: string;
  groupIds: string[];
  /** The team leads who get the card (the unit managers when the side has none). */
  leadIds: string[];
  /** The side's own open cases with the family (shown to its own team leads only). */
  caseIds: string[];
  ownerIds: string[];
  since: string;
}

export interface Samordning {
  id: string;
  familyRef: string;
  createdAt: string;
  sides: [SamordningSide, SamordningSide];
  /** Who told the other section, per receiving side key. */
  told: Record<string, { by: string; at: string }>;
  version: number;
}

const claim = (id: string, value: Record<string, unknown>): DocWrite => ({
  collection: FAMILY_NOTICES,
  id,
  value: { id, version: 1, ...value },
  expectedVersion: null,
});

function side(deps: AppDeps, section: Section, open: Case[]): SamordningSide {
  const cases = open.filter((c) => sectionOf(deps.org.group(c.groupId)).key === section.key);
  const groupIds = [...new Set(cases.map((c) => c.groupId))];
  const leads = [...new Set(groupIds.flatMap((g) => deps.org.teamLeadsOf(g).map((s) => s.aadObjectId)))];
  return {
    key: section.key,
    name: section.name,
    groupIds,
    leadIds: leads.length ? leads : deps.org.unitManagers().map((s) => s.aadObjectId),
    caseIds: cases.map((c) => c.id),
    ownerIds: [...new Set(cases.flatMap((c) => c.assignees))],
    since: cases.map((c) => c.receivedAt).sort()[0] ?? '',
  };
}

/**
 * The writes a new case of a family sets off (queued in the same commit as the case). `pending`
 * says whether the batch already holds a claim (an import with several cases of one family).
 */
export async function familyNoticeWrites(
  deps: AppDeps,
  created: Case,
  family: readonly Case[],
  now: Date,
  pending: (collection: string, id: string) => boolean,
): Promise<DocWrite[]> {
  const out: DocWrite[] = [];
  const fresh = async (id: string) => !pending(FAMILY_NOTICES, id) && !(await deps.store.getDoc(FAMILY_NOTICES, id));
  const open = family.filter((c) => c.phase !== 'closed');
  // Violence in any case of the family: every open child case of it is told to VINR once.
  const vinrFor = async (c: Case) => {
    const id = `vinr:${c.id}`;
    if (!(await fresh(id))) return;
    const notices = vinrNotices(deps, c, now, FAMILY_VIOLENCE_WHY);
    if (!notices.length) return;
    out.push(claim(id, { caseId: c.id, because: created.id, at: now.toISOString() }), ...notices);
  };
  if (hasViolenceConcern(created)) {
    for (const c of open) if (c.id !== created.id && !c.sectionKind && !hasViolenceConcern(c)) await vinrFor(c);
  } else if (!created.sectionKind && familyViolence(created, family, now)) await vinrFor(created);

  // Two sections: the first time this pair has open cases about the family.
  const groupOf = (id: string) => deps.org.group(id);
  const mine = sectionOf(groupOf(created.groupId));
  for (const other of openSections(
    open.filter((c) => c.id !== created.id),
    groupOf,
  )) {
    if (other.key === mine.key) continue;
    const id = `samordning:${created.familyRef}:${[mine.key, other.key].sort().join('+')}`;
    if (!(await fresh(id))) continue;
    const sides: [SamordningSide, SamordningSide] = [side(deps, mine, open), side(deps, other, open)];
    const doc: Samordning = {
      id,
      familyRef: created.familyRef!,
      createdAt: now.toISOString(),
      sides,
      told: {},
      version: 1,
    };
    out.push(docWrite(FAMILY_NOTICES, id, doc, null));
    for (const [i, s] of sides.entries())
      for (const lead of s.leadIds)
        out.push(
          enqueue(
            now,
            { kind: 'user', staffId: lead },
            {
              kind: 'card',
              template: SAMORDNING_TEMPLATE,
              // In the team lead's own language (their last 1:1 locale, src/app/recipientLang.ts).
              data: samordningCardData(deps, doc, i as 0 | 1, now, undefined, await langOfStaff(deps, lead)),
            },
          ),
        );
  }
  return out;
}

/** The samordning card for the team leads of one side (index into `sides`). */
export function samordningCardData(
  deps: AppDeps,
  s: Samordning,
  mine: 0 | 1,
  now: Date,
  notice?: { text: string; tone: 'good' | 'attention' },
  lang: Lang = 'sv',
) {
  const t = texts(lang).appNotices.samordning;
  const year = stockholmYear(now);
  const own = s.sides[mine];
  const other = s.sides[mine === 0 ? 1 : 0];
  const owners =
    joinAnd(
      other.ownerIds.map((id) => deps.org.name(id, lang)),
      lang,
    ) || t.unassigned;
  const told = s.told[other.key];
  return {
    ...(lang === 'sv' ? {} : { lang }),
    samordningId: s.id,
    toSection: other.key,
    title: t.title(s.familyRef),
    summary: t.summary(own.name, other.name),
    facts: [
      // One reference a line: in a narrow fact column a second one would break inside.
      { title: t.yourCases, value: own.caseIds.join('\n') || '–' },
      { title: t.otherSection, value: other.name },
      { title: t.ownersThere, value: owners },
      { title: t.since, value: other.since ? formatDate(stockholmDate(other.since), year, lang) : '–' },
    ],
    toldLine: told
      ? t.told(other.name, deps.org.name(told.by, lang), formatDate(stockholmDate(told.at), year, lang))
      : '',
    canTell: !told,
    tellTitle: t.tell(other.name),
    hasNotice: !!notice,
    notice: notice
      ? { text: notice.text, color: notice.tone === 'good' ? 'Good' : 'Attention' }
      : { text: '', color: 'Default' },
  };
}

export type TellResult =
  | { ok: true; samordning: Samordning; mine: 0 | 1 }
  | { ok: false; refusal: Refusal; samordning?: Samordning; mine?: 0 | 1 };

/**
 * "Meddela gruppledaren i …": a 1:1 message to the other section's team leads saying who wants to
 * coordinate about which family (the reference only). One press wins; a second sees who did it.
 */
export async function tellOtherSection(
  deps: AppDeps,
  actor: Actor,
  /** lang: the language of the answer (the activity's locale); each team lead told reads their own. */
  input: { samordningId: string; toSection: string; lang?: Lang },
): Promise<TellResult> {
  const t = texts(input.lang).appNotices.samordning;
  for (let attempt = 0; attempt < 3; attempt++) {
    const s = await deps.store.getDoc(FAMILY_NOTICES, input.samordningId);
    if (!s || !Array.isArray(s.sides)) return { ok: false, refusal: refuse('not_found', t.notFound) };
    const to = s.sides.findIndex((x) => x.key === input.toSection);
    if (to < 0) return { ok: false, refusal: refuse('invalid', t.noSection) };
    const mine = (to === 0 ? 1 : 0) as 0 | 1;
    const own = s.sides[mine];
    const mayAct =
      actor.role === 'unit_manager' ||
      (actor.role === 'team_lead' &&
        (own.leadIds.includes(actor.id) || own.groupIds.some((g) => actor.groups.includes(g))));
    if (!mayAct)
      return {
        ok: false,
        refusal: refuse('forbidden', t.forbidden(own.name)),
        samordning: s,
        mine,
      };
    const told = s.told[input.toSection];
    if (told)
      return {
        ok: false,
        refusal: refuse('conflict', t.alreadyTold(deps.org.name(told.by, input.lang), s.sides[to].name)),
        samordning: s,
        mine,
      };
    const now = deps.now();
    const langOf = await staffLangs(deps, s.sides[to].leadIds);
    const next: Samordning = {
      ...s,
      told: { ...s.told, [input.toSection]: { by: actor.id, at: now.toISOString() } },
      version: s.version + 1,
    };
    const r = await deps.store.commit({
      docs: [
        docWrite(FAMILY_NOTICES, s.id, next, s.version),
        ...s.sides[to].leadIds.map((id) =>
          enqueue(
            now,
            { kind: 'user', staffId: id },
            {
              kind: 'text',
              text: texts(langOf(id)).appNotices.samordning.message(
                actor.name,
                own.name,
                s.familyRef,
                s.sides[to].name,
              ),
            },
          ),
        ),
      ],
      audit: [
        {
          at: now.toISOString(),
          actor: actor.id,
          type: 'SamordningRequested',
          data: { familyRef: s.familyRef, from: own.key, to: input.toSection },
        },
      ],
    });
    if (r.ok) {
      deps.onOutbox?.();
      return { ok: true, samordning: next, mine };
    }
  }
  return { ok: false, refusal: refuse('conflict', t.conflict) };
}
