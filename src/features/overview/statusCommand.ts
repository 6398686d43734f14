// `/datalek status [DL-…]`: without a reference the person's own reports;
// with one, that incident's state, for its reporter, the privacy officers,
// management and administrators. Anyone else gets exactly the answer a
// reference that does not exist gets: references are sequential, and the
// state of someone else's report is not theirs to know. The report's free
// text is shown only to the reporter, privacy officers and administrators,
// in an answer nobody else sees.
import type { TBlock, TMessage } from "../../core/messages/message.ts";
import { isCountdownRunning } from "../../core/incidents/decisions.ts";
import { rolesOf } from "../../core/people/roles.ts";
import { code, person, strong } from "../../core/text/richText.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { TTexts } from "../../texts/index.ts";
import { maySeeStatus } from "../audit/accessPolicy.ts";
import { commandContext } from "../audit/commandContext.ts";
import type { TCommand } from "../commands/command.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { deadlineText } from "../paging/incidentFacts.ts";
import { systemLabel } from "../register/systemLabels.ts";
import { findIncidentByReference, listOwnReports } from "./listIncidents.ts";
import { nextStepFor, toOverviewIncident } from "./loadOverview.ts";
import { statusLabel } from "./overviewBlocks.ts";

export type TStatusCommandDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "register" | "organisation">;

const reply = (summary: string, blocks: TBlock[]): { kind: "reply"; message: TMessage } => ({
  kind: "reply",
  message: { summary, blocks },
});

/** The one answer for a reference that does not exist and for one that is not the asker's to see. */
function notFound(texts: TTexts, typed: string) {
  const text = texts.notices.not_found({ reference: typed.trim().toUpperCase().slice(0, 40) });
  return reply(text, [{ kind: "text", text }]);
}

export const statusCommand: TCommand<TStatusCommandDeps> = {
  words: ["status"],
  usage: (texts) => texts.overview.status.usage,
  async run(deps, input) {
    const { texts } = input;
    const t = texts.overview.status;
    const typed = input.args.split(/\s+/)[0] ?? "";
    if (typed === "") {
      const own = await listOwnReports(deps, input.actor);
      if (own.length === 0) return reply(`${t.noOwn}/datalek`, [{ kind: "text", text: [t.noOwn, code("/datalek"), "."] }]);
      return reply(t.ownTitle, [
        { kind: "text", text: [strong(t.ownTitle)] },
        ...own.map((incident): TBlock => ({
          kind: "text",
          text: [
            "• ",
            strong(incident.reference),
            ` · ${systemLabel(deps.register, incident.system, texts)} · ${statusLabel(incident, texts)}`,
          ],
        })),
        { kind: "note", text: [t.hint, code(t.hintExample)] },
      ]);
    }
    const incident = await findIncidentByReference(deps, typed);
    if (!incident || !maySeeStatus(deps.roles, input.actor, incident)) return notFound(texts, typed);

    const context = commandContext(deps, input);
    const roles = rolesOf(input.actor, deps.roles);
    const overseer = roles.includes("dpo") || roles.includes("admin");
    const mayReadFreeText = overseer || incident.reporterId === input.actor;
    const overview = toOverviewIncident(incident, context.now);
    const blocks: TBlock[] = [
      { kind: "text", text: [strong(incident.reference), ` · ${systemLabel(deps.register, incident.system, texts)}`] },
      { kind: "text", text: statusLabel(overview, texts) },
      {
        kind: "text",
        text: isCountdownRunning(incident)
          ? deadlineText(incident, context)
          : [t.deadline, formatLocal(incident.deadlineAt, deps.organisation.zone, input.locale)],
      },
      { kind: "text", text: [t.owner, incident.ownerId ? person(incident.ownerId) : t.notTaken] },
    ];
    const next = nextStepFor(incident);
    if (next && overseer) blocks.push({ kind: "text", text: [t.nextStep, texts.overview.nextSteps[next]] });
    if (mayReadFreeText)
      blocks.push({ kind: "text", text: [strong(t.whatHappened)] }, { kind: "quote", text: incident.whatHappened });
    return reply(`${incident.reference} · ${statusLabel(overview, texts)}`, blocks);
  },
};
