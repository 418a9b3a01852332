// What the morning's schedule does (src/jobs/scheduler.ts says when): the lists, reminders, LVU
// warnings and escalations of a working day, and the distribution-meeting card, each built and queued
// under its own claim so that it goes out once across restarts, crashes and instances.
import { filterAsync } from '../app/asyncFilter.js';
import { absences, officeHoursOf, type AppDeps } from '../app/context.js';
import { GROUP_CHANNELS } from '../app/conversations.js';
import { buildDistributionView, distributionKey } from '../app/distribution.js';
import { openHandovers, runHandoverMorning } from '../app/handover.js';
import { langOfStaff, staffLangs } from '../app/recipientLang.js';
import { morningListData } from '../cards/morningList.js';
import type { Lang } from '../cards/text/index.js';
import type { Group } from '../domain/schemas.js';
import { errorFields, log } from '../log.js';
import { enqueue } from '../outbox/messages.js';
import type { DocWrite } from '../store/port.js';
import { distributionClaimId, escalationClaimId, hasClaim, lvuClaimId, morningClaimId } from './claims.js';
import { buildEscalation } from '../views/escalation.js';
import { escalationCardData } from '../cards/escalationCard.js';
import { lvuWarnings, teamLeadLvuCards } from '../views/lvuWarnings.js';
import {
  buildMorningList,
  deadlineMemo,
  DEFAULT_LIST_SETTINGS,
  type MorningListView,
} from '../views/morningListBuilder.js';
import { runReminders } from './reminderRun.js';
import { casesForLists } from '../app/lists.js';

/** Claims `id` and queues `messages` in one commit, unless it is claimed already. */
export type Claim = (id: string, messages: DocWrite[]) => Promise<void>;

/** The groups whose channel the bot knows: the ones that get a morning list and a distribution card. */
export async function linkedGroups(deps: AppDeps): Promise<Group[]> {
  const linked = new Set((await deps.store.listDocs(GROUP_CHANNELS)).map((g) => g.groupId));
  return deps.org.org.groups.filter((g) => linked.has(g.id));
}

/**
 * The morning's work, once a working day after MORNING_LIST_TIME: the handover checklists, each
 * linked group's list, the personal reminders, the LVU warnings to the team leads and the
 * escalation to each unit manager. Each is claimed with its own key (src/jobs/claims.ts), so what
 * was claimed already (another instance, a tick before a crash) is not built again.
 */
export async function runMorning(deps: AppDeps, now: Date, today: string, claim: Claim): Promise<void> {
  const { store, org, calendar, rules } = deps;
  const cases = await casesForLists(deps);
  const abs = await absences(deps);
  // The absence feature's morning part first (start due checklists, escalate late handovers; it
  // keeps its own once-a-day claims), so the lists show today's handovers. Its failure must not
  // stop the lists.
  try {
    await runHandoverMorning(deps, now);
  } catch (err) {
    log.error(errorFields(err), 'handover morning failed');
  }
  const handovers = await openHandovers(deps, now);
  const settings = { ...DEFAULT_LIST_SETTINGS, noContactDays: rules.noContactDays };
  const deadlines = deadlineMemo(rules);
  const views = new Map<string, MorningListView>();
  const viewOf = (group: Group) => {
    let v = views.get(group.id);
    if (!v)
      views.set(
        group.id,
        (v = buildMorningList({
          group,
          cases,
          staff: org.org.staff,
          absences: abs,
          handovers,
          now,
          calendar,
          rules,
          settings,
          deadlines,
          officeHours: officeHoursOf(deps),
        })),
      );
    return v;
  };
  // Group lists first: the drain sends in queue order, the channels before the 1:1 chats.
  for (const group of await linkedGroups(deps)) {
    const id = morningClaimId(group.id, today);
    if (await hasClaim(store, id)) continue;
    const view = viewOf(group);
    await claim(id, [
      enqueue(
        now,
        { kind: 'group', groupId: group.id },
        { kind: 'card', template: 'morning-list', data: morningListData(view) },
      ),
    ]);
  }
  await runReminders(deps, now, today, claim, { cases, absences: abs, deadlines });
  // LVU 7 § and 8 §: the team leads of the case's group are told two working days before.
  const warnings = lvuWarnings(cases, now, calendar, rules, deadlines).filter((w) => w.deadline.due >= today);
  const leadIds = org.org.staff.filter((s) => s.role === 'team_lead').map((s) => s.aadObjectId);
  for (const card of teamLeadLvuCards(warnings, org.org.staff, now, await staffLangs(deps, leadIds))) {
    const id = lvuClaimId(card.staffId, today);
    if (await hasClaim(store, id)) continue;
    await claim(id, [
      enqueue(now, { kind: 'user', staffId: card.staffId }, { kind: 'card', template: 'reminder', data: card.data }),
    ]);
  }
  const managers = await filterAsync(
    org.unitManagers(),
    async (m) => !(await hasClaim(store, escalationClaimId(m.aadObjectId, today))),
  );
  if (managers.length) {
    for (const g of org.org.groups) viewOf(g);
    // One card per language the unit managers read (src/app/recipientLang.ts).
    const built = new Map<Lang, object | undefined>();
    const dataIn = (lang: Lang) => {
      if (!built.has(lang)) {
        const view = buildEscalation({
          groups: org.org.groups,
          cases,
          staff: org.org.staff,
          now,
          calendar,
          rules,
          views,
          lang,
        });
        built.set(lang, view && escalationCardData(view));
      }
      return built.get(lang);
    };
    for (const m of managers) {
      const data = dataIn(await langOfStaff(deps, m.aadObjectId));
      if (!data) continue;
      await claim(escalationClaimId(m.aadObjectId, today), [
        enqueue(now, { kind: 'user', staffId: m.aadObjectId }, { kind: 'card', template: 'escalation', data }),
      ]);
    }
  }
}

/** The distribution-meeting card in each linked group's channel, once a working day after DISTRIBUTION_TIME. */
export async function runDistribution(deps: AppDeps, now: Date, today: string, claim: Claim): Promise<void> {
  for (const group of await linkedGroups(deps)) {
    const id = distributionClaimId(group.id, today);
    if (await hasClaim(deps.store, id)) continue;
    const view = await buildDistributionView(deps, group.id);
    await claim(id, [
      enqueue(
        now,
        { kind: 'group', groupId: group.id },
        { kind: 'card', template: 'distribution', data: view, fit: true },
        distributionKey(group.id, today),
      ),
    ]);
  }
}
