// The shape an activity must have before anything of it is used: what Teams always sends (type,
// serviceUrl, channelId, conversation, from, recipient) with the types botbuilder and our handlers
// rely on. A body that fails is answered 400 with a fixed text: never the parser's words, which
// would quote what was sent.
import { z } from 'zod';

const Id = z.string().min(1).max(1024);
const Account = z.looseObject({
  id: Id,
  name: z.string().max(1024).optional(),
  aadObjectId: z.string().max(256).optional(),
});

/** Where replies go: an absolute http(s) URL (Teams' is https://smba.trafficmanager.net/...). */
const ServiceUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname && !u.username && !u.password;
    } catch {
      return false;
    }
  });

export const ActivityShape = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  serviceUrl: ServiceUrl,
  channelId: z.string().min(1).max(64),
  from: Account,
  recipient: Account,
  conversation: z.looseObject({
    id: Id,
    conversationType: z.string().max(64).optional(),
    tenantId: z.string().max(256).optional(),
  }),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: z.string().max(256).optional() }).optional(),
    })
    .optional(),
  text: z.string().max(100_000).optional(),
  name: z.string().max(256).optional(),
  entities: z
    .array(z.looseObject({ type: z.string().optional() }))
    .max(100)
    .optional(),
  membersAdded: z.array(Account).max(1000).optional(),
  membersRemoved: z.array(Account).max(1000).optional(),
  replyToId: z.string().max(1024).optional(),
});

export const MALFORMED_ACTIVITY = {
  error: 'Aktiviteten har fel form och har inte behandlats. (Malformed activity: not processed.)',
};
