// The evaluation's messages: the request to evaluate a closed incident (in
// a privacy officer's direct messages; once recorded it says so, without
// its button) and the yearly policy evaluation (in the management channel
// and each privacy officer's direct messages, with last year's incidents
// summarised; once completed every copy says by whom).
import { z } from "zod";
import type { TBlock } from "../../core/messages/message.ts";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { formatLocal, formatNumber } from "../../core/time/formatLocal.ts";
import type { TMessageContext } from "../messageContext.ts";
import { EVALUATION_START_ACTION, POLICY_EVALUATION_DONE_ACTION } from "./evaluationActions.ts";
import { summariseIncidentYear } from "./summariseIncidentYear.ts";
import { SUMMARY_LEVELS } from "./yearSummary.ts";

export const EVALUATION_REQUEST_KIND = "evaluation.request";
export const POLICY_EVALUATION_REQUEST_KIND = "policy_evaluation.request";

export const evaluationRequestMessage = defineMessageKind({
  kind: EVALUATION_REQUEST_KIND,
  payload: z.object({ incidentId: z.string() }),
  async build({ incidentId }, context: TMessageContext) {
    const prisma = context.database.prisma;
    const incident = await prisma.incident.findUnique({ where: { id: incidentId } });
    if (!incident) return undefined;
    const followUp = await prisma.incidentFollowUp.findUnique({ where: { incidentId } });
    const t = context.texts.evaluation.request;
    const at = (instant: Date) => formatLocal(instant, context.organisation.zone, context.locale);
    const reference = incident.reference;
    if (followUp?.evaluatedAt && followUp.evaluatedBy)
      return {
        summary: t.summary({ reference }),
        blocks: [{ kind: "text", text: t.recorded({ reference, by: followUp.evaluatedBy, when: at(followUp.evaluatedAt) }) }],
      };
    const closedOn = incident.closedAt ? at(incident.closedAt) : "";
    return {
      summary: t.summary({ reference }),
      blocks: [
        { kind: "text", text: t.text({ reference, closedOn }) },
        {
          kind: "controls",
          id: "evaluation",
          controls: [{ kind: "button", action: EVALUATION_START_ACTION, label: t.start, value: reference, style: "primary" }],
        },
      ],
    };
  },
});

export const policyEvaluationRequestMessage = defineMessageKind({
  kind: POLICY_EVALUATION_REQUEST_KIND,
  payload: z.object({ year: z.number().int(), repeat: z.number().int().min(0) }),
  async build({ year, repeat }, context: TMessageContext) {
    const prisma = context.database.prisma;
    const t = context.texts.evaluation.policy;
    const evaluation = await prisma.policyEvaluation.findUnique({ where: { year } });
    if (evaluation?.completedAt && evaluation.completedBy) {
      const when = formatLocal(evaluation.completedAt, context.organisation.zone, context.locale);
      return {
        summary: t.summary({ year }),
        blocks: [{ kind: "text", text: t.completed({ year, by: evaluation.completedBy, when }) }],
      };
    }
    const summary = await summariseIncidentYear(prisma, year - 1, context.organisation.zone);
    const number = (value: number) => formatNumber(value, context.locale);
    const levels = SUMMARY_LEVELS.filter((level) => (summary.byLevel[level] ?? 0) > 0)
      .map((level) => `${context.texts.evaluation.levels[level]}: ${number(summary.byLevel[level]!)}`)
      .join(", ");
    const blocks: TBlock[] = [
      { kind: "text", text: t.heading({ year, reminder: repeat > 0 }) },
      { kind: "text", text: t.review() },
      { kind: "text", text: t.incidents({ year: summary.year, total: number(summary.total), levels }) },
      {
        kind: "text",
        text: t.figures({
          notified: number(summary.notifiedToAp),
          late: number(summary.notifiedLate),
          informed: number(summary.peopleInformed),
          open: number(summary.measuresOpen),
        }),
      },
      {
        kind: "controls",
        id: "policy_evaluation",
        controls: [
          { kind: "button", action: POLICY_EVALUATION_DONE_ACTION, label: t.done, value: String(year), style: "primary" },
        ],
      },
    ];
    return { summary: t.summary({ year }), blocks };
  },
});
