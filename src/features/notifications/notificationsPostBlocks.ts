// What the notifications feature adds to an incident's post in the DPO channel.
import type { TPostContribution } from "../postContribution.ts";

export const notificationsPostBlocks: TPostContribution = () => [];
