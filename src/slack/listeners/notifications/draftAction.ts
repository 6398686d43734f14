// The draft buttons on the incident's post, `draft_ap_notification` and
// `draft_subject_notice`: the draft comes to the privacy officer's direct
// messages (and they are told so where they clicked); anyone else is refused
// where they clicked.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "pino";
import type { TDraftKind } from "../../../features/notifications/notificationCodes.ts";
import { requestNotificationDraft, type TRequestDraftDeps } from "../../../features/notifications/requestNotificationDraft.ts";
import { readIncidentClick } from "../countdown/incidentButton.ts";

export interface TDraftActionDeps extends TRequestDraftDeps {
  logger: Logger;
  wakeOutbox: () => void;
}

export function draftAction(deps: TDraftActionDeps, draft: TDraftKind) {
  return async ({ ack, body }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readIncidentClick(body);
    if (!click) return;
    const result = await requestNotificationDraft(deps, { ...click.input, draft });
    deps.logger.info({ reference: click.reference, draft, outcome: result.outcome }, "notification draft");
    deps.wakeOutbox();
  };
}
