// What the Teams listeners read from an activity, with zod: who (their Entra
// object id, Teams user id and name), where (the conversation, the message
// an action came from), their language, and the invoke's value. An activity
// that does not parse reads as absent and is answered without doing anything.
import { z } from "zod";
import { toBotLocale, type TLocale } from "../../core/text/locale.ts";
import { teamsPerson, teamsWhere } from "../identity.ts";

const ZActivity = z
  .object({
    type: z.string(),
    name: z.string().optional().catch(undefined),
    text: z.string().max(4000).optional().catch(undefined),
    locale: z.string().max(20).optional().catch(undefined),
    serviceUrl: z.string().url(),
    replyToId: z.string().max(200).optional().catch(undefined),
    from: z.object({
      id: z.string().min(1).max(300),
      name: z.string().max(200).optional().catch(undefined),
      aadObjectId: z
        .string()
        .regex(/^[0-9a-f-]{36}$/i)
        .optional()
        .catch(undefined),
    }),
    conversation: z.object({
      id: z.string().min(1).max(500),
      conversationType: z.string().optional().catch(undefined),
      tenantId: z.string().max(100).optional().catch(undefined),
    }),
    channelData: z
      .object({ tenant: z.object({ id: z.string() }).optional().catch(undefined) })
      .loose()
      .optional()
      .catch(undefined),
    value: z.unknown().optional(),
  })
  .loose();

export interface TIncoming {
  type: string;
  name: string | undefined;
  text: string;
  /** The person, as the core knows them; undefined when Teams did not say who (a guest without an Entra id). */
  actor: string | undefined;
  objectId: string | undefined;
  userId: string;
  userName: string | undefined;
  conversationId: string;
  personal: boolean;
  replyToId: string | undefined;
  serviceUrl: string;
  tenantId: string;
  teamsLocale: string | undefined;
  /** Where the person acted, for answers that go back there. */
  where: string | null;
  value: unknown;
}

export function readIncoming(activity: unknown): TIncoming | undefined {
  const parsed = ZActivity.safeParse(activity);
  if (!parsed.success) return undefined;
  const a = parsed.data;
  const objectId = a.from.aadObjectId?.toLowerCase();
  const personal = a.conversation.conversationType === "personal";
  return {
    type: a.type,
    name: a.name,
    text: a.text ?? "",
    actor: objectId ? teamsPerson(objectId) : undefined,
    objectId,
    userId: a.from.id,
    userName: a.from.name,
    conversationId: a.conversation.id,
    personal,
    replyToId: a.replyToId,
    serviceUrl: a.serviceUrl,
    tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? "",
    teamsLocale: a.locale,
    where: teamsWhere(a.conversation.id, personal ? undefined : a.replyToId),
    value: a.value,
  };
}

export function localeOf(incoming: TIncoming, fallback: TLocale): TLocale {
  return toBotLocale(incoming.teamsLocale, fallback);
}
