// The register of systems: the warning when its file is broken, and the
// `/datalek register` command.
import type { TFeature } from "../feature.ts";
import { registerCommand } from "./registerCommand.ts";
import { registerBrokenMessage } from "./registerMessages.ts";

export const registerFeature: TFeature = {
  name: "register",
  messageKinds: [registerBrokenMessage],
  commands: [registerCommand],
};
