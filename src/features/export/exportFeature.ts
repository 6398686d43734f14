// The register as files: `/datalek export` sends it to a privacy officer or
// administrator; `datalek export` (src/cli/exportCommand.ts) writes it.
import type { TFeature } from "../feature.ts";
import { exportCommand } from "./exportCommand.ts";
import { registerExportMessage } from "./exportMessages.ts";

export const exportFeature: TFeature = {
  name: "export",
  messageKinds: [registerExportMessage],
  commands: [exportCommand],
};
