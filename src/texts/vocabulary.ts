// Labels for every code a person can see: what the report's answers mean,
// an incident's status, the decision, the assessed level. One label per
// value in each language; a value without a label does not compile.
import { defineLabels, defineTexts } from "../core/text/defineTexts.ts";
import type { TDecision, TIncidentStatus } from "../core/incidents/decisions.ts";
import type { TAssessmentLevel } from "../features/checklist/assessmentLevels.ts";

export const STOPPED_VALUES = ["yes", "no", "unknown"] as const;
export type TStopped = (typeof STOPPED_VALUES)[number];
/** Where a breach happened besides the systems of the register. */
export const EXTRA_SYSTEM_KEYS = ["email", "paper", "other"] as const;
export type TExtraSystem = (typeof EXTRA_SYSTEM_KEYS)[number];

export const stoppedLabels = defineLabels<TStopped>({
  nl: { yes: "Ja, het lek is gestopt", no: "Nee, het loopt nog", unknown: "Weet ik niet" },
  en: { yes: "Yes, it has been stopped", no: "No, it is still going on", unknown: "I don't know" },
});

export const extraSystemLabels = defineLabels<TExtraSystem>({
  nl: { email: "E-mail", paper: "Papier (dossier, brief, print)", other: "Anders / weet ik niet" },
  en: { email: "E-mail", paper: "Paper (file, letter, print)", other: "Other / not sure" },
});

export const statusLabels = defineLabels<TIncidentStatus>({
  nl: { reported: "Gemeld, nog niet opgepakt", taken: "In behandeling", decided: "Besluit vastgelegd", closed: "Afgesloten" },
  en: { reported: "Reported, not taken yet", taken: "Being handled", decided: "Decision recorded", closed: "Closed" },
});

/** The decision, as one action is named everywhere (buttons, posts, exports). */
export const decisionLabels = defineLabels<TDecision>({
  nl: { ap_notified: "Gemeld bij de AP", not_notifiable: "Geen melding bij de AP nodig", not_a_breach: "Geen datalek" },
  en: {
    ap_notified: "Notified to the AP",
    not_notifiable: "No notification to the AP required",
    not_a_breach: "Not a data breach",
  },
});

/** The assessed level, as the thread, the forms, the overview and the export name it. */
export const levelLabels = defineLabels<TAssessmentLevel>({
  nl: {
    not_a_breach: "Geen datalek",
    no_risk: "Datalek zonder risico",
    risk: "Datalek met risico",
    high_risk: "Datalek met hoog risico",
  },
  en: {
    not_a_breach: "Not a data breach",
    no_risk: "Data breach without risk",
    risk: "Data breach with risk",
    high_risk: "Data breach with high risk",
  },
});

export const vocabularyTexts = defineTexts({
  nl: {
    stopped: stoppedLabels.nl,
    extraSystems: extraSystemLabels.nl,
    statuses: statusLabels.nl,
    decisions: decisionLabels.nl,
    levels: levelLabels.nl,
  },
  en: {
    stopped: stoppedLabels.en,
    extraSystems: extraSystemLabels.en,
    statuses: statusLabels.en,
    decisions: decisionLabels.en,
    levels: levelLabels.en,
  },
});
