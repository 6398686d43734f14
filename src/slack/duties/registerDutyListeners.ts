// The recurring duties' buttons and modals. Thin: read the click, call a
// service, ack. Modals open at once (the trigger_id dies after 3 seconds).
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import { z } from "zod";
import { isDpo, type TBotContext } from "../../app/botContext.ts";
import { completePolicyEvaluation } from "../../services/evaluation/policyEvaluation.ts";
import { MEASURES_WORKED, PROCEDURE_CHANGE, recordIncidentEvaluation } from "../../services/evaluation/incidentEvaluation.ts";
import { addCorrectiveMeasure, refuseFollowUpAction } from "../../services/measures/addCorrectiveMeasure.ts";
import { checkIncidentClosable, closeIncident } from "../../services/measures/closeIncident.ts";
import { completeCorrectiveMeasure } from "../../services/measures/completeCorrectiveMeasure.ts";
import { answerRetentionReview, type TRetentionAnswer } from "../../services/retention/answerRetentionReview.ts";
import { DUTY_ACTIONS, DUTY_INPUTS, DUTY_VIEWS } from "./dutyIds.ts";
import { buildEvaluationModal, buildIncidentCloseModal, buildMeasureAddModal } from "./dutyModals.ts";

type TButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type TViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Where a button was clicked: its channel (a DM's channel for direct messages), message and thread. */
function clickedAt(body: BlockAction) {
  return {
    channelId: body.channel?.id ?? body.user.id,
    messageTs: body.message?.ts as string | undefined,
    threadTs: (body.message?.thread_ts as string | undefined) ?? (body.message?.ts as string | undefined),
  };
}

type TStateValues = Record<string, Record<string, Record<string, unknown>>>;
function stateOf(values: TStateValues | undefined, id: string): Record<string, unknown> {
  return values?.[id]?.[id] ?? {};
}

export function registerDutyListeners(app: App, context: TBotContext): void {
  const retention =
    (answer: TRetentionAnswer) =>
    async ({ ack, body, action }: TButtonArgs) => {
      await ack();
      const where = clickedAt(body);
      await answerRetentionReview(context, {
        reviewId: action.value ?? "",
        answer,
        userId: body.user.id,
        channelId: where.channelId,
        messageTs: where.messageTs,
      });
      context.wakeOutbox();
    };
  app.action(DUTY_ACTIONS.retentionDone, retention("done"));
  app.action(DUTY_ACTIONS.retentionSnoozeDay, retention("snooze_day"));
  app.action(DUTY_ACTIONS.retentionSnoozeWeek, retention("snooze_week"));

  app.action(DUTY_ACTIONS.measureAdd, async ({ ack, body, action, client }: TButtonArgs) => {
    await ack();
    const reference = action.value ?? "";
    if (!isDpo(context, body.user.id)) {
      const where = clickedAt(body);
      await refuseFollowUpAction(context, { reference, userId: body.user.id, ...where, action: "measure_add" });
      context.wakeOutbox();
      return;
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildMeasureAddModal(reference, context.locale, context.clock.now(), context.settings.TIMEZONE),
    });
  });

  app.view(DUTY_VIEWS.measureAdd, async ({ ack, body, view }: TViewArgs) => {
    const values = view.state?.values as unknown as TStateValues | undefined;
    const result = await addCorrectiveMeasure(context, {
      reference: view.private_metadata,
      userId: body.user.id,
      what: String(stateOf(values, DUTY_INPUTS.measureWhat).value ?? ""),
      ownerId: String(stateOf(values, DUTY_INPUTS.measureOwner).selected_user ?? ""),
      dueDate: String(stateOf(values, DUTY_INPUTS.measureDue).selected_date ?? ""),
    });
    if (result.outcome === "invalid") {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([field, text]) => [field, text[context.locale]]));
      await ack({ response_action: "errors", errors });
      return;
    }
    if (result.outcome === "closed") {
      const text = context.locale === "nl" ? "Dit incident is al afgesloten." : "This incident has already been closed.";
      await ack({ response_action: "errors", errors: { [DUTY_INPUTS.measureWhat]: text } });
      return;
    }
    await ack();
    context.wakeOutbox();
  });

  app.action(DUTY_ACTIONS.measureDone, async ({ ack, body, action }: TButtonArgs) => {
    await ack();
    const where = clickedAt(body);
    await completeCorrectiveMeasure(context, {
      measureId: action.value ?? "",
      userId: body.user.id,
      channelId: where.channelId,
      messageTs: where.messageTs,
    });
    context.wakeOutbox();
  });

  app.action(DUTY_ACTIONS.incidentClose, async ({ ack, body, action, client }: TButtonArgs) => {
    await ack();
    const reference = action.value ?? "";
    const where = clickedAt(body);
    const check = await checkIncidentClosable(context, { reference, userId: body.user.id, ...where });
    if (check.outcome !== "ok") {
      context.wakeOutbox();
      return;
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildIncidentCloseModal(reference, check.measureCount, context.locale),
    });
  });

  app.view(DUTY_VIEWS.incidentClose, async ({ ack, body, view }: TViewArgs) => {
    const values = view.state?.values as unknown as TStateValues | undefined;
    const result = await closeIncident(context, {
      reference: view.private_metadata,
      userId: body.user.id,
      noMeasuresReason: String(stateOf(values, DUTY_INPUTS.closeReason).value ?? ""),
    });
    const nl = context.locale === "nl";
    const errorText: Record<string, string> = {
      needs_reason: nl
        ? "Er zijn geen maatregelen: leg uit waarom die niet nodig zijn."
        : "There are no measures: explain why none are needed.",
      needs_decision: nl ? "Leg eerst het besluit vast." : "Record the decision first.",
      refused: nl ? "Alleen een privacyfunctionaris kan afsluiten." : "Only a privacy officer can close.",
      already_closed: nl ? "Dit incident is al afgesloten." : "This incident has already been closed.",
      not_found: nl ? "Incident niet gevonden." : "Incident not found.",
    };
    if (result.outcome !== "closed") {
      await ack({ response_action: "errors", errors: { [DUTY_INPUTS.closeReason]: errorText[result.outcome]! } });
      return;
    }
    await ack();
    context.wakeOutbox();
  });

  app.action(DUTY_ACTIONS.evaluationStart, async ({ ack, body, action, client }: TButtonArgs) => {
    await ack();
    const reference = action.value ?? "";
    if (!isDpo(context, body.user.id)) {
      await refuseFollowUpAction(context, { reference, userId: body.user.id, ...clickedAt(body), action: "evaluation" });
      context.wakeOutbox();
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: buildEvaluationModal(reference, context.locale) });
  });

  app.view(DUTY_VIEWS.evaluationSubmit, async ({ ack, body, view }: TViewArgs) => {
    const values = view.state?.values as unknown as TStateValues | undefined;
    const selected = (id: string) => (stateOf(values, id).selected_option as { value?: string } | null | undefined)?.value;
    const measuresWorked = z.enum(MEASURES_WORKED).safeParse(selected(DUTY_INPUTS.evaluationMeasuresWorked));
    const procedureChange = z.enum(PROCEDURE_CHANGE).safeParse(selected(DUTY_INPUTS.evaluationProcedureChange));
    const nl = context.locale === "nl";
    if (!measuresWorked.success || !procedureChange.success) {
      const required = nl ? "Kies een antwoord." : "Choose an answer.";
      await ack({
        response_action: "errors",
        errors: {
          ...(measuresWorked.success ? {} : { [DUTY_INPUTS.evaluationMeasuresWorked]: required }),
          ...(procedureChange.success ? {} : { [DUTY_INPUTS.evaluationProcedureChange]: required }),
        },
      });
      return;
    }
    const result = await recordIncidentEvaluation(context, {
      reference: view.private_metadata,
      userId: body.user.id,
      measuresWorked: measuresWorked.data,
      procedureChange: procedureChange.data,
      notes: String(stateOf(values, DUTY_INPUTS.evaluationNotes).value ?? ""),
    });
    if (result.outcome !== "recorded") {
      const text = nl
        ? "Vastleggen lukte niet (geen privacyfunctionaris of niet afgesloten)."
        : "Could not record (not a privacy officer, or not closed).";
      await ack({ response_action: "errors", errors: { [DUTY_INPUTS.evaluationNotes]: text } });
      return;
    }
    await ack();
    context.wakeOutbox();
  });

  app.action(DUTY_ACTIONS.policyEvaluationDone, async ({ ack, body, action }: TButtonArgs) => {
    await ack();
    const where = clickedAt(body);
    await completePolicyEvaluation(context, {
      year: Number(action.value),
      userId: body.user.id,
      channelId: where.channelId,
      messageTs: where.messageTs,
    });
    context.wakeOutbox();
  });
}
