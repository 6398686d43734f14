// The modals that record a decision and override the assessed level. Each
// input block's block_id equals its element's action_id. private_metadata
// is the incident reference.
import type { KnownBlock, View } from "@slack/types";
import { ASSESSMENT_LEVELS } from "../../assessment/assessBreach.ts";
import type { TLocale } from "../../assessment/questions.ts";
import type { TDecisionStanding } from "../../services/decisions/loadDecisionStanding.ts";
import {
  contradictsAssessment,
  decisionNeedsReason,
  MAX_AP_REFERENCE_LENGTH,
  MAX_REASON_LENGTH,
} from "../../domain/checklist/decisionRules.ts";
import type { TDecision } from "../../domain/incidents/decisions.ts";
import { DECISION_TEXT, levelTitle } from "./checklistLabels.ts";

/** Callback ids equal the buttons' action ids, so each decision is easy to find. */
export const DECISION_CALLBACK_IDS: Record<TDecision, string> = {
  ap_notified: "decision_ap_notified",
  not_notifiable: "decision_not_notifiable",
  not_a_breach: "decision_not_a_breach",
};
export const OVERRIDE_CALLBACK_ID = "assessment_override";

export function decisionFromCallbackId(callbackId: string): TDecision | undefined {
  return (Object.keys(DECISION_CALLBACK_IDS) as TDecision[]).find((decision) => DECISION_CALLBACK_IDS[decision] === callbackId);
}

const plain = (text: string) => ({ type: "plain_text" as const, text });

export function buildDecisionModal(decision: TDecision, standing: TDecisionStanding, locale: TLocale): View {
  const nl = locale === "nl";
  const contradicts = contradictsAssessment(decision, standing);
  const needsReason = decisionNeedsReason(decision, standing);
  const level = standing.effectiveLevel
    ? nl
      ? `Beoordeling: *${levelTitle(standing.effectiveLevel, locale)}*.`
      : `Assessment: *${levelTitle(standing.effectiveLevel, locale)}*.`
    : nl
      ? "Er is nog geen volledige beoordeling."
      : "There is no complete assessment yet.";
  const warning = contradicts
    ? nl
      ? "\n:warning: Dit besluit wijkt af van de beoordeling: schrijf op waarom. De reden komt in het register."
      : "\n:warning: This decision goes against the assessment: write down why. The reason goes into the register."
    : "";
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${standing.incident.reference}: ${DECISION_TEXT[decision][locale]}*\n${level}${warning}`,
      },
    },
  ];
  if (decision === "ap_notified") {
    blocks.push({
      type: "input",
      block_id: "ap_reference",
      label: plain(nl ? "Meldnummer van de AP" : "The AP's reference number"),
      hint: plain(nl ? "Het nummer uit de ontvangstbevestiging van het meldloket." : "The number in the AP's acknowledgement."),
      element: { type: "plain_text_input", action_id: "ap_reference", max_length: MAX_AP_REFERENCE_LENGTH },
    });
  }
  blocks.push({
    type: "input",
    block_id: "reason",
    optional: !needsReason,
    label: plain(
      decision === "ap_notified" && !needsReason ? (nl ? "Toelichting (optioneel)" : "Note (optional)") : nl ? "Reden" : "Reason",
    ),
    hint: plain(nl ? "Geen namen of BSN's: beschrijf de afweging." : "No names or ID numbers: describe the reasoning."),
    element: { type: "plain_text_input", action_id: "reason", multiline: true, max_length: MAX_REASON_LENGTH },
  });
  return {
    type: "modal",
    callback_id: DECISION_CALLBACK_IDS[decision],
    private_metadata: standing.incident.reference,
    title: plain(nl ? "Besluit vastleggen" : "Record the decision"),
    submit: plain(nl ? "Vastleggen" : "Record"),
    close: plain(nl ? "Annuleren" : "Cancel"),
    blocks,
  };
}

export function buildOverrideModal(standing: TDecisionStanding, locale: TLocale): View {
  const nl = locale === "nl";
  const assessed = standing.assessedLevel;
  return {
    type: "modal",
    callback_id: OVERRIDE_CALLBACK_ID,
    private_metadata: standing.incident.reference,
    title: plain(nl ? "Niveau aanpassen" : "Change the level"),
    submit: plain(nl ? "Vastleggen" : "Record"),
    close: plain(nl ? "Annuleren" : "Cancel"),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: nl
            ? `*${standing.incident.reference}*: de beoordeling gaf *${levelTitle(assessed ?? "", locale)}*. Kies het niveau dat volgens jou geldt en schrijf op waarom.`
            : `*${standing.incident.reference}*: the assessment gave *${levelTitle(assessed ?? "", locale)}*. Choose the level you find right and write down why.`,
        },
      },
      {
        type: "input",
        block_id: "override_level",
        label: plain(nl ? "Niveau" : "Level"),
        element: {
          type: "static_select",
          action_id: "override_level",
          options: ASSESSMENT_LEVELS.filter((level) => level !== assessed).map((level) => ({
            text: plain(levelTitle(level, locale)),
            value: level,
          })),
        },
      },
      {
        type: "input",
        block_id: "reason",
        label: plain(nl ? "Reden" : "Reason"),
        hint: plain(nl ? "Geen namen of BSN's: beschrijf de afweging." : "No names or ID numbers: describe the reasoning."),
        element: { type: "plain_text_input", action_id: "reason", multiline: true, max_length: MAX_REASON_LENGTH },
      },
    ],
  };
}
