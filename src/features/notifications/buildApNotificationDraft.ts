// "Concept melding AP": the notification to the Autoriteit Persoonsgegevens
// drafted from the record, section by section in the order of the AP's
// online form, in Dutch, ready to paste. What the record does not hold is
// named as still to fill, so nothing is silently left out.
import type { TAssessmentLevel } from "../checklist/assessmentLevels.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import { apDraftDocument as doc } from "../../texts/notifications.ts";
import { textsFor } from "../../texts/index.ts";
import type { TStopped } from "../../texts/vocabulary.ts";
import { renderDraftText, type TDraft, type TDraftSection, type TNotificationDraftInput } from "./draftInput.ts";

export const AP_DRAFT_SECTION_IDS = [
  "about",
  "contact",
  "timeline",
  "nature",
  "personal_data",
  "people",
  "measures_before",
  "consequences",
  "followup_subjects",
  "followup_measures",
  "international",
] as const;
type TApDraftSectionId = (typeof AP_DRAFT_SECTION_IDS)[number];

const SPECIAL_CATEGORIES = new Set(["health", "special_other", "criminal"]);

/** The answers' labels as the Dutch checklist shows them. */
const DUTCH = textsFor("nl");
type TLabelledQuestion = "breach_types" | "data_categories" | "recipient" | "identifiability";
function label(question: TLabelledQuestion, value: string): string {
  return (DUTCH.questions.values[question] as Record<string, string>)[value] ?? value;
}

export function buildApNotificationDraft(input: TNotificationDraftInput): TDraft {
  const { incident, answers } = input;
  const at = (date: Date) => formatLocal(date, input.zone, "nl");
  const initial = input.apNotifications.find((notification) => notification.kind === "initial");
  const apReference = initial?.apReference ?? incident.apReference;
  const stopped = doc.nature.stopped[incident.stopped as TStopped];

  const about: string[] = apReference
    ? [
        doc.about.followup,
        doc.about.firstReference(apReference),
        ...(initial ? [doc.about.firstNotifiedAt(at(initial.notifiedAt))] : []),
        doc.about.whatFollowupAdds,
      ]
    : [doc.about.new, doc.about.internalReference(input.reference)];

  const contact = [
    input.organisationName ? doc.contact.organisation(input.organisationName) : doc.contact.organisationToFill,
    input.privacyContact ? doc.contact.contactPerson(input.privacyContact) : doc.contact.contactPersonToFill,
  ];

  // Late: past the deadline and not yet notified (a follow-up is not late).
  const late = input.now.getTime() > incident.deadlineAt.getTime() && !apReference;
  const timeline = [
    incident.occurredAt ? doc.timeline.occurred(at(incident.occurredAt)) : doc.timeline.occurredToFill,
    doc.timeline.discovered(at(incident.discoveredAt)),
    doc.timeline.aware(at(incident.awarenessAt)),
    ...(input.awarenessCorrectionReason ? [doc.timeline.awarenessReason(input.awarenessCorrectionReason)] : []),
    doc.timeline.deadline(at(incident.deadlineAt)),
    ...(late ? [doc.timeline.late, doc.timeline.lateReason] : []),
  ];

  const breachTypes = answers.breach_types ?? [];
  const nature = [
    doc.nature.whatHappened(incident.whatHappened),
    breachTypes.length > 0
      ? doc.nature.breachTypes(breachTypes.map((type) => label("breach_types", type)).join("; "))
      : doc.nature.breachTypesToFill,
    doc.nature.system(input.systemName),
    doc.nature.recipient(label("recipient", answers.recipient ?? incident.recipient)),
    ...(answers.recipients_count !== undefined ? [doc.nature.recipientsCount(answers.recipients_count)] : []),
    ...(answers.malicious ? [doc.nature.malicious(answers.malicious === "yes")] : []),
    stopped ?? doc.nature.stoppedToFill,
  ];

  const categories = answers.data_categories ?? incident.dataKinds;
  const special = categories.filter((category) => SPECIAL_CATEGORIES.has(category));
  const personalData = [
    categories.length > 0
      ? doc.personalData.categories(categories.map((category) => label("data_categories", category)).join("; "))
      : doc.personalData.categoriesToFill,
    special.length > 0
      ? doc.personalData.special(special.map((category) => label("data_categories", category)).join("; "))
      : doc.personalData.noSpecial,
    ...(answers.identifiability ? [doc.personalData.identifiability(label("identifiability", answers.identifiability))] : []),
  ];

  const people = [
    doc.people.count(answers.people_affected ?? incident.peopleAffected, answers.people_affected === undefined),
    input.registerSystem ? doc.people.categories(input.registerSystem.peopleConcerned) : doc.people.categoriesToFill,
    answers.vulnerable_people === "yes"
      ? doc.people.vulnerable
      : answers.vulnerable_people === "no"
        ? doc.people.notVulnerable
        : doc.people.vulnerableToFill,
  ];

  const measuresBefore = [
    input.registerSystem
      ? doc.measuresBefore.measures(input.systemName, input.registerSystem.securityMeasures.join("; "))
      : doc.measuresBefore.measuresToFill,
    answers.unintelligible === "yes"
      ? doc.measuresBefore.unintelligible
      : answers.unintelligible === "no"
        ? doc.measuresBefore.intelligible
        : doc.measuresBefore.unintelligibleToFill,
  ];

  const consequences = input.assessment
    ? [
        doc.consequences.level(doc.consequences.levels[input.assessment.level as TAssessmentLevel] ?? input.assessment.level),
        ...input.assessment.reasons.map((reason) => `- ${reason}`),
        doc.consequences.ownWordsToFill,
      ]
    : [doc.consequences.notAssessedToFill];

  const followupSubjects =
    input.subjectNotices.length > 0
      ? input.subjectNotices.map((notice) =>
          doc.followupSubjects.informed(at(notice.sentAt), notice.method, notice.recipientsCount),
        )
      : input.assessment?.notifySubjects
        ? [doc.followupSubjects.willInform, doc.followupSubjects.howToFill]
        : [doc.followupSubjects.whetherToFill];

  const followupMeasures = [
    ...(stopped ? [stopped] : []),
    ...(input.measures.length > 0
      ? input.measures.map((measure) => doc.followupMeasures.measure(measure.what, measure.done, measure.dueDate))
      : [doc.followupMeasures.measuresToFill]),
  ];

  const lines: Record<TApDraftSectionId, string[]> = {
    about,
    contact,
    timeline,
    nature,
    personal_data: personalData,
    people,
    measures_before: measuresBefore,
    consequences,
    followup_subjects: followupSubjects,
    followup_measures: followupMeasures,
    international: [doc.international.toFill],
  };
  const sections: TDraftSection[] = AP_DRAFT_SECTION_IDS.map((id) => ({ id, title: doc.sections[id], lines: lines[id] }));
  const title = doc.title(input.reference);
  return {
    title,
    sections,
    text: renderDraftText(title, [doc.intro(at(input.now))], sections),
    filename: doc.filename(input.reference),
  };
}
