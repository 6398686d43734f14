// A feature's part of an incident's post in the DPO channel: blocks for the
// incident as it stands (see src/features/postContributions.ts).
import type { TBlock } from "../core/messages/message.ts";
import type { Incident } from "../core/storage/generated/client.ts";
import type { TMessageContext } from "./messageContext.ts";

export type TPostContribution = (incident: Incident, context: TMessageContext) => TBlock[];
