// The overview feature: what it adds to the whole (see src/features/feature.ts).
import type { TFeature } from "../feature.ts";

export const overviewFeature: TFeature = {
  name: "overview",
};
