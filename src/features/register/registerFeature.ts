// The register feature: what it adds to the whole (see src/features/feature.ts).
import type { TFeature } from "../feature.ts";
import { registerBrokenMessage } from "./registerMessages.ts";

export const registerFeature: TFeature = {
  name: "register",
  messageKinds: [registerBrokenMessage],
};
