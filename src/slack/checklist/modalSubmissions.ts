// The submissions of the override and decision modals: validated on the
// server, answered with `response_action: "errors"` keyed by block_id.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { TBotContext } from "../../app/botContext.ts";
import type { TText } from "../../assessment/questions.ts";
import { overrideAssessment } from "../../services/checklist/overrideAssessment.ts";
import { recordDecision } from "../../services/decisions/recordDecision.ts";
import { decisionFromCallbackId } from "./decisionModals.ts";

const ZStateValues = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({ value: z.string().nullish(), selected_option: z.object({ value: z.string() }).nullish() }).loose(),
  ),
);

function read(values: unknown) {
  const state = ZStateValues.safeParse(values ?? {});
  const entry = (id: string) => (state.success ? state.data[id]?.[id] : undefined);
  return {
    text: (id: string) => entry(id)?.value ?? null,
    option: (id: string) => entry(id)?.selected_option?.value ?? null,
  };
}

const NOT_ALLOWED: Record<string, TText> = {
  refused: { nl: "Alleen een privacyfunctionaris kan dit vastleggen.", en: "Only a privacy officer can record this." },
  not_found: { nl: "Dit incident bestaat niet (meer).", en: "This incident does not exist." },
  already_decided: { nl: "Het besluit is al vastgelegd.", en: "The decision has already been recorded." },
  locked: {
    nl: "Het besluit is al vastgelegd; het niveau ligt vast.",
    en: "The decision has been recorded; the level is locked.",
  },
  no_assessment: {
    nl: "Er is (nog) geen volledige beoordeling om aan te passen.",
    en: "There is no complete assessment to change (yet).",
  },
};

function localise(errors: Record<string, TText>, locale: "nl" | "en"): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([block, text]) => [block, text[locale]]));
}

export function decisionSubmission(context: TBotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const decision = decisionFromCallbackId(view.callback_id);
    const state = read(view.state?.values);
    if (!decision) return void (await ack());
    const result = await recordDecision(context, {
      reference: view.private_metadata,
      decision,
      userId: body.user.id,
      reason: state.text("reason"),
      apReference: state.text("ap_reference"),
    });
    context.logger.info({ reference: view.private_metadata, decision, outcome: result.outcome }, "record decision");
    if (result.outcome === "invalid") {
      await ack({ response_action: "errors", errors: localise(result.errors, context.locale) });
      return;
    }
    if (result.outcome !== "recorded") {
      await ack({ response_action: "errors", errors: { reason: NOT_ALLOWED[result.outcome]![context.locale] } });
      context.wakeOutbox();
      return;
    }
    await ack();
    context.wakeOutbox();
  };
}

export function overrideSubmission(context: TBotContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const state = read(view.state?.values);
    const result = await overrideAssessment(context, {
      reference: view.private_metadata,
      userId: body.user.id,
      level: state.option("override_level"),
      reason: state.text("reason"),
    });
    context.logger.info({ reference: view.private_metadata, outcome: result.outcome }, "override assessment");
    if (result.outcome === "invalid") {
      await ack({ response_action: "errors", errors: localise(result.errors, context.locale) });
      return;
    }
    if (result.outcome !== "overridden") {
      await ack({ response_action: "errors", errors: { reason: NOT_ALLOWED[result.outcome]![context.locale] } });
      context.wakeOutbox();
      return;
    }
    await ack();
    context.wakeOutbox();
  };
}
