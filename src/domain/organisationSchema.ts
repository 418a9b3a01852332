// The organisation file's shapes (docs/contract.md): groups, their channels, staff, the tenant.
import { z } from 'zod';
import { GroupKind, LocalDate, Role, StaffId } from './schemaBasics.js';

/** A Teams thread id as the bot sees it, e.g. 19:abc123@thread.tacv2 (a team's id is its General channel's). */
const THREAD_ID = /^19:[A-Za-z0-9_.\-]{1,200}@thread\.(tacv2|skype|v2)$/;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const encodedHint = (s: string) =>
  /%3a|%40/i.test(s) ? ' (den är URL-kodad: skriv : i stället för %3a och @ i stället för %40)' : '';

/**
 * Where a group's cards go, named in the organisation file (docs/contract.md): the bot binds the
 * channel as soon as it is installed in that team, without anyone typing `koppla`.
 */
export const GroupChannelConfig = z
  .object({
    /** The team: its thread id (19:…@thread.tacv2) or its Microsoft 365 group id (the GUID in the channel link's groupId). */
    teamId: z
      .string()
      .trim()
      .superRefine((s, ctx) => {
        if (!THREAD_ID.test(s) && !GUID_RE.test(s))
          ctx.addIssue({
            code: 'custom',
            message: `ska vara teamets id, 19:…@thread.tacv2, eller gruppens GUID (groupId i kanalens länk)${encodedHint(s)}`,
          });
      }),
    /** The channel's thread id, 19:…@thread.tacv2 (from the channel's link, decoded). */
    channelId: z
      .string()
      .trim()
      .superRefine((s, ctx) => {
        if (!THREAD_ID.test(s))
          ctx.addIssue({
            code: 'custom',
            message: `ska vara kanalens id, 19:…@thread.tacv2 (ur kanalens länk i Teams)${encodedHint(s)}`,
          });
      }),
  })
  .strict();
export type GroupChannelConfig = z.infer<typeof GroupChannelConfig>;

export const Group = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Grupp-id: små bokstäver, siffror och bindestreck'),
  name: z.string().min(1).max(100),
  kind: GroupKind,
  /** Optional: the group's channel, bound without `koppla` once the bot is in that team. */
  channel: GroupChannelConfig.optional(),
});
export type Group = z.infer<typeof Group>;

export const Staff = z.object({
  aadObjectId: StaffId,
  name: z.string().min(1).max(100),
  role: Role,
  groups: z.array(z.string()),
  /** How many open cases this caseworker is expected to carry. */
  capacity: z.number().int().positive().max(200).optional(),
});
export type Staff = z.infer<typeof Staff>;

/** The organisation file (docs/contract.md): who is who, in which groups. */
export const Organisation = z
  .object({
    /** The Entra tenant (directory) id: activities from any other tenant are ignored. */
    tenantId: z
      .string()
      .regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        'ska vara organisationens katalog-id i Entra (ett GUID, xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)',
      ),
    /** Municipal practice: midsommarafton, julafton and nyårsafton are not working days. */
    eveHolidaysAreNonWorking: z.boolean().default(true),
    /** The nämnd's meeting dates (LVU 6 §: a chair's decision is reported at the next one). */
    namndMeetings: z.array(LocalDate).optional(),
    /** The family history on the case card (docs/family.md); every key has a default. */
    family: z
      .object({
        /** A report is "repeated" when it is at least the n:th about the child within the months below. */
        repeatedReports: z.number().int().min(2).max(50).optional(),
        repeatedWithinMonths: z.number().int().min(1).max(36).optional(),
      })
      .strict()
      .optional(),
    /** Office hours on Swedish working days (default 08:00–16:00); outside them the socialjour answers. */
    officeHours: z
      .object({
        start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid som HH:MM, t.ex. 08:00'),
        end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid som HH:MM, t.ex. 16:00'),
      })
      .refine((h) => h.start < h.end, { message: 'Kontorstiden ska sluta efter att den börjar', path: ['end'] })
      .optional(),
    groups: z.array(Group).min(1),
    staff: z.array(Staff),
  })
  .superRefine((org, ctx) => {
    const groupIds = new Set(org.groups.map((g) => g.id));
    const seenGroups = new Set<string>();
    org.groups.forEach((g, i) => {
      if (seenGroups.has(g.id))
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `Grupp-id ${g.id} finns två gånger` });
      seenGroups.add(g.id);
    });
    const seenStaff = new Set<string>();
    org.staff.forEach((s, i) => {
      if (seenStaff.has(s.aadObjectId))
        ctx.addIssue({
          code: 'custom',
          path: ['staff', i, 'aadObjectId'],
          message: 'Samma aadObjectId finns två gånger',
        });
      seenStaff.add(s.aadObjectId);
      s.groups.forEach((g, j) => {
        if (!groupIds.has(g))
          ctx.addIssue({ code: 'custom', path: ['staff', i, 'groups', j], message: `Okänd grupp: ${g}` });
      });
    });
  });
export type Organisation = z.infer<typeof Organisation>;
