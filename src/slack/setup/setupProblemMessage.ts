// The direct message to each privacy officer when the bot cannot post in a
// configured channel: what is wrong and what to type.
import { z } from "zod";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import type { TTexts } from "../../texts/index.ts";

export const SETUP_PROBLEM_KIND = "slack.setup_problem";

export const setupProblemMessage = defineMessageKind({
  kind: SETUP_PROBLEM_KIND,
  payload: z.object({
    setting: z.string(),
    channelId: z.string(),
    state: z.enum(["not_member", "not_found", "archived"]),
    name: z.string().nullish(),
  }),
  async build(problem, context: { texts: TTexts }) {
    const t = context.texts.setup;
    const purpose = problem.setting === "DPO_CHANNEL_ID" ? t.dpoChannel : t.managementChannel;
    const text = problem.state === "archived" ? t.archived({ purpose, setting: problem.setting }) : t.notMember({ purpose });
    return {
      summary: text,
      blocks: [
        { kind: "text", text },
        // Slack shows the channel by name to whoever may see it.
        {
          kind: "note",
          text: [t.channel, { place: problem.channelId, label: problem.name ? `#${problem.name}` : problem.channelId }],
        },
      ],
    };
  },
});
