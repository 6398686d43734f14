// What other features add to an incident's post in the DPO channel, in
// order: the follow-up (measures and closing), the countdown's and the
// notifications' buttons, the details button. Each returns blocks for the
// incident as it stands.
import type { TPostContribution } from "./postContribution.ts";
import { auditPostBlocks } from "./audit/auditPostBlocks.ts";
import { measuresPostBlocks } from "./measures/measuresPostBlocks.ts";
import { notificationsPostBlocks } from "./notifications/notificationsPostBlocks.ts";

export const POST_CONTRIBUTIONS: readonly TPostContribution[] = [measuresPostBlocks, notificationsPostBlocks, auditPostBlocks];
