// The forms that record a decision and change the assessed level, and the
// words for what is wrong in them. The decision is named as everywhere else
// (texts.vocabulary.decisions); the reason is required where the decision
// needs one, and otherwise an optional note (the front end marks it
// optional itself). The form carries only the reference.
import type { TDecision } from "../../core/incidents/decisions.ts";
import type { TBlock } from "../../core/messages/message.ts";
import type { TForm } from "../../core/messages/form.ts";
import type { TRichText } from "../../core/text/richText.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TTexts } from "../../texts/index.ts";
import { ASSESSMENT_LEVELS } from "./assessmentLevels.ts";
import { DECISION_ACTIONS, DECISION_FIELDS, OVERRIDE_FORM_ID } from "./checklistActions.ts";
import { contradictsAssessment, decisionNeedsReason, MAX_AP_REFERENCE_LENGTH, MAX_REASON_LENGTH } from "./decisionRules.ts";
import type { TDecisionStanding } from "./loadDecisionStanding.ts";
import type { TDecisionProblems } from "./recordDecision.ts";
import type { TOverrideProblems } from "./overrideAssessment.ts";
import { reasonProblemText } from "./reasonProblemText.ts";

function reasonField(texts: TTexts, required: boolean) {
  const t = texts.checklist.forms;
  return {
    kind: "text" as const,
    id: DECISION_FIELDS.reason,
    label: required ? t.reason : t.note,
    hint: t.reasonHint,
    multiline: true,
    maxLength: MAX_REASON_LENGTH,
    ...(required ? {} : { optional: true }),
  };
}

export function decisionForm(
  decision: TDecision,
  incident: Pick<Incident, "reference">,
  standing: TDecisionStanding,
  texts: TTexts,
): TForm {
  const t = texts.checklist.forms;
  const level: TRichText = standing.effectiveLevel
    ? [t.assessedAs, { strong: texts.checklist.levels[standing.effectiveLevel] }, "."]
    : t.noAssessment;
  const intro: TBlock[] = [
    { kind: "text", text: [{ strong: `${incident.reference}: ${texts.vocabulary.decisions[decision]}` }] },
    { kind: "text", text: level },
  ];
  if (contradictsAssessment(decision, standing)) intro.push({ kind: "text", text: t.contradicts });
  return {
    id: DECISION_ACTIONS[decision],
    title: t.decisionTitle,
    submit: t.submit,
    close: t.close,
    context: incident.reference,
    intro,
    fields: [
      ...(decision === "ap_notified"
        ? [
            {
              kind: "text" as const,
              id: DECISION_FIELDS.apReference,
              label: t.apReference,
              hint: t.apReferenceHint,
              maxLength: MAX_AP_REFERENCE_LENGTH,
            },
          ]
        : []),
      reasonField(texts, decisionNeedsReason(decision, standing)),
    ],
  };
}

export function overrideForm(incident: Pick<Incident, "reference">, standing: TDecisionStanding, texts: TTexts): TForm {
  const t = texts.checklist.forms;
  const assessed = standing.assessedLevel;
  return {
    id: OVERRIDE_FORM_ID,
    title: t.overrideTitle,
    submit: t.submit,
    close: t.close,
    context: incident.reference,
    intro: [
      {
        kind: "text",
        text: t.overrideIntro({
          reference: incident.reference,
          assessed: assessed ? texts.checklist.levels[assessed] : texts.checklist.forms.noAssessment,
        }),
      },
    ],
    fields: [
      {
        kind: "choice",
        style: "select",
        id: DECISION_FIELDS.level,
        label: t.level,
        placeholder: t.levelPlaceholder,
        options: ASSESSMENT_LEVELS.filter((level) => level !== assessed).map((level) => ({
          value: level,
          label: texts.checklist.levels[level],
        })),
      },
      reasonField(texts, true),
    ],
  };
}

export function decisionProblemTexts(problems: TDecisionProblems, texts: TTexts): Record<string, string> {
  const t = texts.checklist.errors;
  const errors: Record<string, string> = {};
  if (problems.ap_reference)
    errors.ap_reference = problems.ap_reference === "missing" ? t.apReferenceMissing : t.apReferenceTooLong;
  if (problems.reason) errors.reason = reasonProblemText(problems.reason, texts);
  return errors;
}

export function overrideProblemTexts(problems: TOverrideProblems, texts: TTexts): Record<string, string> {
  const t = texts.checklist.errors;
  const errors: Record<string, string> = {};
  if (problems.override_level) errors.override_level = problems.override_level === "missing" ? t.chooseLevel : t.sameLevel;
  if (problems.reason) errors.reason = reasonProblemText(problems.reason, texts);
  return errors;
}
