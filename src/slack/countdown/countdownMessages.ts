// The countdown's messages: reminders and overdue notices (thread, the
// DPO's DM, management), re-pages, short notices in the thread, and the
// buttons that go with them. Channel messages carry no free text from the
// report; management sees only the facts anyone in the DPO channel may see.
import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import type { TCountdownMark } from "../../domain/countdown/countdownPlan.ts";
import { describeTimeLeft } from "../../domain/time/deadlines.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { Incident } from "../../storage/generated/client.ts";
import { SUBJECT_NOTICE_METHOD_LABELS, type TSubjectNoticeMethod } from "../../domain/notifications/notificationRecords.ts";
import { TAKE_ACTION_ID } from "../messages/channelPost.ts";
import { deadlineLine, incidentFactsFields, type TRenderContext } from "../messages/incidentFacts.ts";
import { COUNTDOWN_ACTION_IDS } from "./countdownActionIds.ts";

type TMessage = { text: string; blocks: KnownBlock[] };

const button = (actionId: string, value: string, text: string, style?: "primary" | "danger"): Button => ({
  type: "button",
  action_id: actionId,
  value,
  text: { type: "plain_text", text },
  ...(style ? { style } : {}),
});

/** The buttons to record the decision; their listeners belong to the checklist (issue 3). */
export function decisionButtonsBlock(incident: Pick<Incident, "reference">, nl: boolean): ActionsBlock {
  const ref = incident.reference;
  return {
    type: "actions",
    block_id: "countdown_decision",
    elements: [
      button(COUNTDOWN_ACTION_IDS.decisionApNotified, ref, nl ? "AP gemeld" : "AP notified", "primary"),
      button(COUNTDOWN_ACTION_IDS.decisionNotNotifiable, ref, nl ? "Niet meldplichtig" : "Not notifiable"),
      button(COUNTDOWN_ACTION_IDS.decisionNotABreach, ref, nl ? "Geen datalek" : "Not a breach"),
    ],
  };
}

/** Awareness correction and the drafts; after an AP notification also its follow-up. */
export function notificationButtonsBlock(
  incident: Pick<Incident, "reference" | "apReference" | "decision">,
  nl: boolean,
): ActionsBlock {
  const ref = incident.reference;
  const elements: Button[] = [
    button(COUNTDOWN_ACTION_IDS.awarenessCorrect, ref, nl ? "Bewustwording corrigeren" : "Correct awareness time"),
    button(COUNTDOWN_ACTION_IDS.draftApNotification, ref, nl ? "Concept melding AP" : "Draft AP notification"),
    button(COUNTDOWN_ACTION_IDS.draftSubjectNotice, ref, nl ? "Concept bericht betrokkenen" : "Draft notice to people"),
    button(COUNTDOWN_ACTION_IDS.recordSubjectNotice, ref, nl ? "Betrokkenen geïnformeerd" : "People informed"),
  ];
  if (incident.decision === "ap_notified" || incident.apReference) {
    elements.push(button(COUNTDOWN_ACTION_IDS.apFollowup, ref, nl ? "Vervolgmelding / intrekking" : "Follow-up / withdrawal"));
  }
  return { type: "actions", block_id: "notification_actions", elements };
}

export interface TReminderOptions {
  mark: TCountdownMark;
  audience: "thread" | "dpo" | "management";
  late: boolean;
}

export function renderCountdownReminder(incident: Incident, render: TRenderContext, options: TReminderOptions): TMessage {
  const nl = render.locale === "nl";
  const ref = incident.reference;
  const deadline = formatLocal(incident.deadlineAt, render.zone, render.locale);
  const left = describeTimeLeft(incident.deadlineAt, render.now, render.locale);
  const overdue = options.mark.kind === "overdue";
  const headline = overdue
    ? nl
      ? `:red_circle: *${ref}: de deadline voor de melding aan de AP is verstreken* (${deadline}, ${left}). Er is nog geen besluit vastgelegd.`
      : `:red_circle: *${ref}: the deadline to notify the AP has passed* (${deadline}, ${left}). No decision has been recorded yet.`
    : nl
      ? `:alarm_clock: *${ref}: ${left} tot de deadline voor de melding aan de AP* (${deadline}).`
      : `:alarm_clock: *${ref}: ${left} until the deadline to notify the AP* (${deadline}).`;
  const owner = incident.ownerId
    ? nl
      ? `Eigenaar: <@${incident.ownerId}>`
      : `Owner: <@${incident.ownerId}>`
    : nl
      ? "Nog niet opgepakt door een privacyfunctionaris."
      : "Not yet taken by a privacy officer.";
  const lateNote = options.late
    ? nl
      ? " Deze herinnering komt later dan gepland: de bot was een tijd niet bereikbaar."
      : " This reminder comes later than planned: the bot was unavailable for a while."
    : "";
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: headline } },
    { type: "context", elements: [{ type: "mrkdwn", text: `${owner}${lateNote}` }] },
  ];
  if (options.audience === "management") {
    blocks.splice(1, 0, incidentFactsFields(incident, render));
  } else {
    blocks.push(
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: nl
              ? "Leg het besluit vast zodra het genomen is; dan stopt het aftellen."
              : "Record the decision as soon as it is taken; the countdown then stops.",
          },
        ],
      },
      decisionButtonsBlock(incident, nl),
      notificationButtonsBlock(incident, nl),
    );
  }
  const text = overdue
    ? nl
      ? `${ref}: deadline melding AP verstreken (${deadline})`
      : `${ref}: deadline to notify the AP has passed (${deadline})`
    : nl
      ? `${ref}: ${left} tot de deadline melding AP (${deadline})`
      : `${ref}: ${left} until the deadline to notify the AP (${deadline})`;
  return { text, blocks };
}

export function renderRepage(
  incident: Incident,
  render: TRenderContext,
  options: { audience: "dpo" | "management"; late: boolean; reportedAt: Date },
): TMessage {
  const nl = render.locale === "nl";
  const ref = incident.reference;
  const since = formatLocal(options.reportedAt, render.zone, render.locale);
  const headline =
    options.audience === "dpo"
      ? nl
        ? `:rotating_light: *${ref} is nog door niemand opgepakt* (gemeld ${since}). Wil jij het oppakken?`
        : `:rotating_light: *${ref} has not been taken by anyone yet* (reported ${since}). Will you take it?`
      : nl
        ? `:warning: *${ref} is nog niet opgepakt door een privacyfunctionaris* (gemeld ${since}). De privacyfunctionarissen zijn opnieuw gewaarschuwd.`
        : `:warning: *${ref} has not been taken by a privacy officer yet* (reported ${since}). The privacy officers have been paged again.`;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: headline } },
    incidentFactsFields(incident, render),
    { type: "section", text: { type: "mrkdwn", text: deadlineLine(incident, render) } },
  ];
  if (options.audience === "dpo") {
    blocks.push({
      type: "actions",
      block_id: "repage_actions",
      elements: [button(TAKE_ACTION_ID, ref, nl ? "Oppakken" : "Take", "primary")],
    });
  }
  return { text: headline.replace(/:[a-z_]+: /, "").replace(/\*/g, ""), blocks };
}

/** Short notices in the thread; params never hold free text. */
export function renderThreadNotice(
  incident: Incident,
  render: TRenderContext,
  notice: string,
  params: Record<string, string>,
): TMessage {
  const nl = render.locale === "nl";
  const ref = incident.reference;
  let text: string;
  switch (notice) {
    case "awareness_corrected":
      text = nl
        ? `:pencil2: <@${params.userId}> heeft het moment van bewustwording van ${ref} gecorrigeerd naar ${formatLocal(incident.awarenessAt, render.zone, "nl")}. Nieuwe deadline: *${formatLocal(incident.deadlineAt, render.zone, "nl")}* (${describeTimeLeft(incident.deadlineAt, render.now, "nl")}); de herinneringen zijn opnieuw gepland.`
        : `:pencil2: <@${params.userId}> corrected the awareness time of ${ref} to ${formatLocal(incident.awarenessAt, render.zone, "en")}. New deadline: *${formatLocal(incident.deadlineAt, render.zone, "en")}* (${describeTimeLeft(incident.deadlineAt, render.now, "en")}); the reminders have been rescheduled.`;
      break;
    case "ap_followup":
      text = nl
        ? `:page_facing_up: <@${params.userId}> heeft een vervolgmelding aan de AP vastgelegd (meldnummer ${params.apReference}).`
        : `:page_facing_up: <@${params.userId}> recorded a follow-up notification to the AP (reference ${params.apReference}).`;
      break;
    case "ap_withdrawal":
      text = nl
        ? `:leftwards_arrow_with_hook: <@${params.userId}> heeft de melding aan de AP ingetrokken (meldnummer ${params.apReference}).`
        : `:leftwards_arrow_with_hook: <@${params.userId}> recorded the withdrawal of the AP notification (reference ${params.apReference}).`;
      break;
    case "subject_notice_recorded": {
      const method = SUBJECT_NOTICE_METHOD_LABELS[params.method as TSubjectNoticeMethod]?.[render.locale] ?? params.method;
      const sentAt = params.sentAt ? formatLocal(new Date(params.sentAt), render.zone, render.locale) : "";
      text = nl
        ? `:envelope: <@${params.userId}> heeft vastgelegd dat de betrokkenen zijn geïnformeerd: ${sentAt}, ${method}, ${params.recipientsCount} personen.`
        : `:envelope: <@${params.userId}> recorded that the people concerned were informed: ${sentAt}, ${method}, ${params.recipientsCount} people.`;
      break;
    }
    default:
      text = `${ref}: ${notice}`;
  }
  return { text: text.replace(/\*/g, ""), blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
