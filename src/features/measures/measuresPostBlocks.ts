// What the measures feature adds to an incident's post in the DPO channel.
import type { TPostContribution } from "../postContribution.ts";

export const measuresPostBlocks: TPostContribution = () => [];
