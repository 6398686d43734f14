// The buttons that open a modal (override the level, record a decision).
// The modal must open within Slack's three seconds for the trigger, so it is
// opened here directly after ack(), not through the outbox. A click by
// someone who may not do this, or after the decision, is refused and
// recorded instead.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { View } from "@slack/types";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import type { TDecision } from "../../domain/incidents/decisions.ts";
import { recordRefusal } from "../../services/checklist/recordRefusal.ts";
import { loadDecisionStanding, type TDecisionStanding } from "../../services/decisions/loadDecisionStanding.ts";
import { buildDecisionModal, buildOverrideModal } from "./decisionModals.ts";

type TModalTarget = { kind: "override" } | { kind: "decision"; decision: TDecision };

export function openModalAction(context: TBotContext, target: TModalTarget) {
  const refusedKind = target.kind === "override" ? "assessment_override_refused" : "decision_refused";
  return async ({
    ack,
    body,
    action,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const standing = await loadDecisionStanding(context, action.value ?? "");
    if (!standing) {
      context.logger.warn({ reference: action.value }, "modal button for an unknown incident");
      return;
    }
    const refuse = async (notice: string, reason: string) => {
      await recordRefusal(context, {
        incidentId: standing.incident.id,
        userId: body.user.id,
        kind: refusedKind,
        notice,
        details: { reason, ...(target.kind === "decision" ? { decision: target.decision } : {}) },
        channelId: body.channel?.id,
      });
      context.wakeOutbox();
    };
    if (!isDpo(context, body.user.id)) return refuse("dpo_only", "not_a_dpo");
    if (standing.incident.decision !== null)
      return refuse(target.kind === "override" ? "checklist_locked" : "already_decided", "decided");
    const view: View = buildView(target, standing, context);
    await client.views.open({ trigger_id: body.trigger_id, view });
  };
}

function buildView(target: TModalTarget, standing: TDecisionStanding, context: TBotContext): View {
  return target.kind === "override"
    ? buildOverrideModal(standing, context.locale)
    : buildDecisionModal(target.decision, standing, context.locale);
}
