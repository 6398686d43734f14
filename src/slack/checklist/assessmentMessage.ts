// The assessment in the incident's thread: the level in plain words, what the
// law therefore requires, Art. 34(3) exemptions, the deciding reasons, the
// ENISA score as a supporting figure; then the DPO's confirmation or override
// and the decision buttons. Reasons written by the DPO stay out of it (they
// are in the timeline): no free text in channel messages.
import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import { ZAssessment, type TAssessment, type TAssessmentLevel } from "../../assessment/assessBreach.ts";
import { severityBandName } from "../../assessment/enisaSeverity.ts";
import { QUESTION_IDS, type TQuestionId } from "../../assessment/questions.ts";
import { answersFromRows, isQuestionId } from "../../domain/checklist/checklistAnswers.ts";
import { effectiveLevel } from "../../domain/checklist/decisionRules.ts";
import type { TDecision } from "../../domain/incidents/decisions.ts";
import { describeTimeLeft } from "../../domain/time/deadlines.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { ChecklistAnswer, Incident, IncidentAssessment } from "../../storage/generated/client.ts";
import type { TRenderContext } from "../messages/incidentFacts.ts";
import { DECISION_TEXT, EXEMPTION_TEXT, LEVEL_TEXT, levelTitle, QUESTION_SHORT_NAMES } from "./checklistLabels.ts";

export const ASSESSMENT_CONFIRM_ACTION_ID = "assessment_confirm";
export const ASSESSMENT_OVERRIDE_ACTION_ID = "assessment_override";
export const DECISION_ACTION_IDS: Record<TDecision, string> = {
  ap_notified: "decision_ap_notified",
  not_notifiable: "decision_not_notifiable",
  not_a_breach: "decision_not_a_breach",
};

/** The decision the level points to, shown as the primary button. */
const SUGGESTED_DECISION: Record<TAssessmentLevel, TDecision> = {
  not_a_breach: "not_a_breach",
  no_risk: "not_notifiable",
  risk: "ap_notified",
  high_risk: "ap_notified",
};

function requirementLines(
  incident: Incident,
  assessment: TAssessment,
  level: TAssessmentLevel,
  render: TRenderContext,
): string[] {
  const nl = render.locale === "nl";
  const lines: string[] = [];
  if (level === "not_a_breach") {
    lines.push(
      nl
        ? ":file_folder: Niet melden bij de AP. Vastleggen als beveiligingsincident."
        : ":file_folder: Do not notify the AP. Record it as a security incident.",
    );
    return lines;
  }
  if (level === "no_risk") {
    lines.push(
      nl
        ? ":file_folder: Alleen vastleggen in het register van datalekken (art. 33 lid 5 AVG); niet melden bij de AP."
        : ":file_folder: Document it in the breach register only (Art. 33(5) GDPR); do not notify the AP.",
    );
    return lines;
  }
  const deadline = formatLocal(incident.deadlineAt, render.zone, render.locale);
  const left = describeTimeLeft(incident.deadlineAt, render.now, render.locale);
  lines.push(
    nl
      ? `:rotating_light: Melden bij de Autoriteit Persoonsgegevens vóór *${deadline}* (${left}) (art. 33 AVG).`
      : `:rotating_light: Notify the Dutch DPA (Autoriteit Persoonsgegevens) before *${deadline}* (${left}) (Art. 33 GDPR).`,
  );
  if (level === "high_risk") {
    // The engine's exemptions only speak to its own high-risk finding; an
    // override to high risk has none.
    const exempt = assessment.level === "high_risk" && !assessment.notify_subjects;
    lines.push(
      exempt
        ? nl
          ? ":speech_balloon: De betrokkenen hoeven niet persoonlijk te worden geïnformeerd: een uitzondering van art. 34 lid 3 geldt (zie hieronder)."
          : ":speech_balloon: The people concerned need not be informed individually: an Art. 34(3) exemption applies (see below)."
        : nl
          ? ":speech_balloon: De betrokkenen zonder onnodige vertraging informeren (art. 34 AVG)."
          : ":speech_balloon: Inform the people concerned without undue delay (Art. 34 GDPR).",
    );
  }
  return lines;
}

function formatScore(score: number, render: TRenderContext): string {
  const rounded = String(Math.round(score * 100) / 100);
  return render.locale === "nl" ? rounded.replace(".", ",") : rounded;
}

export function renderAssessmentMessage(
  incident: Incident,
  row: IncidentAssessment | null,
  answers: readonly ChecklistAnswer[],
  render: TRenderContext,
): { text: string; blocks: KnownBlock[] } {
  const nl = render.locale === "nl";
  const locale = render.locale;
  const at = (date: Date) => formatLocal(date, render.zone, locale);
  const title = nl ? `Beoordeling ${incident.reference}` : `Assessment ${incident.reference}`;
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: title } }];
  const parsed = row ? ZAssessment.safeParse(row.result) : null;
  const assessment = parsed?.success ? parsed.data : null;
  let level: TAssessmentLevel | null = null;

  if (!row || !assessment) {
    const given = answersFromRows(answers);
    const open = QUESTION_IDS.filter((id) => given[id] === undefined).map((id) => QUESTION_SHORT_NAMES[id][locale]);
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: nl
          ? `:hourglass_flowing_sand: De beoordeling wacht op antwoorden: ${open.join(", ") || "—"}.`
          : `:hourglass_flowing_sand: The assessment waits for answers: ${open.join(", ") || "—"}.`,
      },
    });
  } else {
    level = effectiveLevel(row)!;
    const overridden = row.overrideLevel !== null;
    const levelLine = overridden
      ? nl
        ? `*Niveau: ${levelTitle(level, locale)}* (vastgesteld door de privacyfunctionaris; de beoordeling gaf: ${levelTitle(row.level, locale)})`
        : `*Level: ${levelTitle(level, locale)}* (set by the privacy officer; the assessment gave: ${levelTitle(row.level, locale)})`
      : `*${nl ? "Niveau" : "Level"}: ${levelTitle(level, locale)}*`;
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `${levelLine}\n${LEVEL_TEXT[level].meaning[locale]}` },
    });
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${nl ? "Wat de wet vraagt" : "What the law requires"}*\n${requirementLines(incident, assessment, level, render).join("\n")}`,
      },
    });
    if (assessment.exemptions.length > 0) {
      blocks.push({
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*${nl ? "Uitzondering (art. 34 lid 3 AVG)" : "Exemption (Art. 34(3) GDPR)"}*\n${assessment.exemptions
            .map((exemption) => `• ${EXEMPTION_TEXT[exemption][locale]}`)
            .join("\n")}`,
        },
      });
    }
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${nl ? "Waarom" : "Why"}*\n${assessment.reasons.map((reason) => `• ${reason}`).join("\n")}`.slice(0, 3000),
      },
    });
    const severity = assessment.severity;
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: (nl
            ? `ENISA-ernstscore (ondersteunend cijfer, beslist niet alleen): *${formatScore(severity.score, render)}* (${severityBandName(severity.band).nl}) — ${severity.explanation.join("; ")}`
            : `ENISA severity score (supporting figure, never decides alone): *${formatScore(severity.score, render)}* (${severityBandName(severity.band).en}) — ${severity.explanation.join("; ")}`
          ).slice(0, 3000),
        },
      ],
    });
    const prefilled = answers
      .filter((answer) => answer.prefilled && isQuestionId(answer.questionId))
      .map((answer) => QUESTION_SHORT_NAMES[answer.questionId as TQuestionId][locale]);
    if (prefilled.length > 0) {
      blocks.push({
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: nl
              ? `:large_yellow_circle: Overgenomen uit de melding, nog niet bevestigd: ${prefilled.join(", ")}.`
              : `:large_yellow_circle: Taken from the report, not yet confirmed: ${prefilled.join(", ")}.`,
          },
        ],
      });
    }
    const settled = row.confirmedBy
      ? overridden
        ? nl
          ? `:pencil2: Niveau aangepast door <@${row.confirmedBy}>, ${at(row.confirmedAt!)}. De reden staat in de tijdlijn.`
          : `:pencil2: Level changed by <@${row.confirmedBy}>, ${at(row.confirmedAt!)}. The reason is in the timeline.`
        : nl
          ? `:white_check_mark: Bevestigd door <@${row.confirmedBy}>, ${at(row.confirmedAt!)}.`
          : `:white_check_mark: Confirmed by <@${row.confirmedBy}>, ${at(row.confirmedAt!)}.`
      : nl
        ? ":grey_question: Nog niet bevestigd: bevestig de beoordeling of pas het niveau aan (met reden)."
        : ":grey_question: Not confirmed yet: confirm the assessment or change the level (with a reason).";
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: settled }] });
  }

  if (incident.decision) {
    const decision = incident.decision as TDecision;
    const what = DECISION_TEXT[decision]?.[locale] ?? decision;
    const reference =
      decision === "ap_notified" && incident.apReference ? ` (${nl ? "meldnummer" : "reference"} *${incident.apReference}*)` : "";
    const reasonNote = incident.decisionReason
      ? nl
        ? " De reden staat in de tijdlijn."
        : " The reason is in the timeline."
      : "";
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `:lock: *${nl ? "Besluit" : "Decision"}: ${what}*${reference} — <@${incident.decidedBy}>, ${at(incident.decidedAt!)}.${reasonNote}`,
      },
    });
    return { text: `${title}: ${what}`, blocks };
  }

  if (row && assessment) {
    const settleButtons: Button[] = [];
    if (!row.confirmedBy || row.overrideLevel) {
      settleButtons.push({
        type: "button",
        action_id: ASSESSMENT_CONFIRM_ACTION_ID,
        value: incident.reference,
        style: "primary",
        text: {
          type: "plain_text",
          text: row.overrideLevel
            ? nl
              ? "Toch de beoordeling volgen"
              : "Follow the assessment after all"
            : nl
              ? "Beoordeling bevestigen"
              : "Confirm assessment",
        },
      });
    }
    settleButtons.push({
      type: "button",
      action_id: ASSESSMENT_OVERRIDE_ACTION_ID,
      value: incident.reference,
      text: { type: "plain_text", text: nl ? "Niveau aanpassen…" : "Change level…" },
    });
    blocks.push({ type: "actions", block_id: "assessment_actions", elements: settleButtons } satisfies ActionsBlock);
    if (row.confirmedBy && level) {
      const suggested = SUGGESTED_DECISION[level];
      const labels: Record<TDecision, { nl: string; en: string }> = {
        ap_notified: { nl: "AP is gemeld…", en: "AP notified…" },
        not_notifiable: { nl: "Geen melding nodig…", en: "No notification required…" },
        not_a_breach: { nl: "Geen datalek…", en: "Not a data breach…" },
      };
      blocks.push({
        type: "actions",
        block_id: "decision_actions",
        elements: (Object.keys(DECISION_ACTION_IDS) as TDecision[]).map((decision) => ({
          type: "button",
          action_id: DECISION_ACTION_IDS[decision],
          value: incident.reference,
          text: { type: "plain_text", text: labels[decision][locale] },
          ...(decision === suggested ? { style: "primary" as const } : {}),
        })),
      });
    }
  }
  const summary = level ? `${title}: ${levelTitle(level, locale)}` : title;
  return { text: summary, blocks };
}
