// The retention feature: what it adds to the whole (see src/features/feature.ts).
import type { TFeature } from "../feature.ts";

export const retentionFeature: TFeature = {
  name: "retention",
};
