// `/datalek details DL-…` (or `inzien`): the details window at the caller's
// access level. A refusal is answered in the command's own answer (a
// message posted in the channel where it was typed fails where the bot is
// not a member) and recorded in the audit trail.
import { code } from "../../core/text/richText.ts";
import type { TCommand } from "../commands/command.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { commandContext } from "./commandContext.ts";
import { incidentDetailsView } from "./incidentDetailsView.ts";
import { openIncidentDetails } from "./openIncidentDetails.ts";
import { readReference } from "./readReference.ts";

export type TDetailsCommandDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging" | "register" | "organisation">;

export const detailsCommand: TCommand<TDetailsCommandDeps> = {
  words: ["details", "inzien"],
  usage: (texts) => texts.audit.details.usage,
  async run(deps, input) {
    const { texts } = input;
    const reference = readReference(input.args.split(/\s+/)[0]);
    if (!reference) {
      const usage = texts.audit.details.usage.call;
      return {
        kind: "reply",
        message: {
          summary: `${texts.audit.details.usageHint}${usage}`,
          blocks: [{ kind: "text", text: [texts.audit.details.usageHint, code(usage)] }],
        },
      };
    }
    const result = await openIncidentDetails(deps, { reference, actor: input.actor, via: "command" });
    if (result.outcome === "shown") return { kind: "view", view: incidentDetailsView(result, commandContext(deps, input)) };
    const text =
      result.outcome === "refused" ? texts.notices.details_refused({ reference }) : texts.notices.not_found({ reference });
    return { kind: "reply", message: { summary: text, blocks: [{ kind: "text", text }] } };
  },
};
