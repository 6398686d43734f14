// Where a message goes, in the core's words. A front end resolves each to
// its own addresses: the DPO channel of its settings, a person's direct
// message, the thread of an earlier keyed message, a short answer to one
// person where they acted (Slack: an ephemeral message).
import { z } from "zod";

export const CHANNEL_ROLES = ["dpo", "management"] as const;
export type TChannelRole = (typeof CHANNEL_ROLES)[number];

export const ZTarget = z.discriminatedUnion("to", [
  z.object({ to: z.literal("channel"), channel: z.enum(CHANNEL_ROLES) }),
  z.object({ to: z.literal("person"), person: z.string() }),
  /** A reply in the thread of the message posted under this key. */
  z.object({ to: z.literal("thread"), of: z.string() }),
  /** A short answer to one person; `where` is the front end's own note of where they acted. */
  z.object({ to: z.literal("notice"), person: z.string(), where: z.string().nullish() }),
  /** A row written by the release before the neutral core; converted at start. */
  z.object({ to: z.literal("legacy") }),
]);
export type TTarget = z.infer<typeof ZTarget>;

export const toChannel = (channel: TChannelRole): TTarget => ({ to: "channel", channel });
export const toPerson = (person: string): TTarget => ({ to: "person", person });
export const toThread = (of: string): TTarget => ({ to: "thread", of });
export const toNotice = (person: string, where?: string | null): TTarget => ({ to: "notice", person, where: where ?? null });
