// What the audit feature adds to an incident's post in the DPO channel.
import type { TPostContribution } from "../postContribution.ts";

export const auditPostBlocks: TPostContribution = () => [];
