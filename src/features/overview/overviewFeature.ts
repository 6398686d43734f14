// The overview: the Home tab (src/features/overview/loadOverview.ts and
// overviewBlocks.ts, published by each front end), and the commands that
// answer from the same data: `/datalek status` and `/datalek lijst`.
import type { TFeature } from "../feature.ts";
import { listCommand } from "./listCommand.ts";
import { statusCommand } from "./statusCommand.ts";

export const overviewFeature: TFeature = {
  name: "overview",
  commands: [statusCommand, listCommand],
};
