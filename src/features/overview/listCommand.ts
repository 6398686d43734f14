// `/datalek lijst` (or `list`): the open incidents for privacy officers and
// administrators, overdue first, in an answer only they see. References,
// systems, states and deadlines only: no free text.
import type { TBlock, TMessage } from "../../core/messages/message.ts";
import { code, strong, type TSpan } from "../../core/text/richText.ts";
import { timeLeft } from "../../core/time/deadlines.ts";
import { maySeeRegister } from "../audit/accessPolicy.ts";
import type { TCommand } from "../commands/command.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { systemLabel } from "../register/systemLabels.ts";
import { listOpenIncidents } from "./listIncidents.ts";
import { statusLabel } from "./overviewBlocks.ts";

export type TListCommandDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "register">;

const LINES_PER_BLOCK = 15;

const reply = (summary: string, blocks: TBlock[]): { kind: "reply"; message: TMessage } => ({
  kind: "reply",
  message: { summary, blocks },
});

export const listCommand: TCommand<TListCommandDeps> = {
  words: ["lijst", "list"],
  usage: (texts) => texts.overview.list.usage,
  async run(deps, input) {
    const { texts } = input;
    const t = texts.overview.list;
    if (!maySeeRegister(deps.roles, input.actor))
      return reply(`${t.refused}/datalek status`, [{ kind: "text", text: [t.refused, code("/datalek status"), "."] }]);
    const now = deps.clock.now();
    const { incidents, total } = await listOpenIncidents(deps);
    if (total === 0) return reply(t.none, [{ kind: "text", text: t.none }]);
    const lines = incidents.map((incident): TSpan[] => {
      const spans: TSpan[] = ["• "];
      if (incident.overdue) spans.push("🔴 ", strong(t.overdue), " ");
      spans.push(
        strong(incident.reference),
        ` · ${systemLabel(deps.register, incident.system, texts)} · ${statusLabel(incident, texts)}`,
      );
      if (incident.countdownRunning) spans.push(` · ${texts.common.timeLeft(timeLeft(incident.deadlineAt, now))}`);
      if (incident.nextStep) spans.push(` → ${texts.overview.nextSteps[incident.nextStep]}`);
      return spans;
    });
    // Several lines per block: an answer holds at most 50 blocks (Slack), and a block about 3000 characters.
    const blocks: TBlock[] = [];
    for (let start = 0; start < lines.length; start += LINES_PER_BLOCK)
      blocks.push({
        kind: "text",
        text: lines.slice(start, start + LINES_PER_BLOCK).flatMap((line, index) => (index === 0 ? line : ["\n", ...line])),
      });
    const title = t.title({ count: total });
    return reply(title, [
      { kind: "text", text: [strong(title)] },
      ...blocks,
      ...(total > incidents.length ? [{ kind: "note" as const, text: t.more({ count: total - incidents.length }) }] : []),
    ]);
  },
};
