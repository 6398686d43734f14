// The message to the people concerned (Art. 34(2) AVG) in plain Dutch:
// what happened, whom to contact, the likely consequences, the measures
// taken, and what they can do themselves. A draft: the DPO adapts it.
import { DateTime } from "luxon";
import { formatLocal, formatLocalDay } from "../../core/time/formatLocal.ts";
import { subjectNoticeDocument as doc } from "../../texts/notifications.ts";
import type { TStopped } from "../../texts/vocabulary.ts";
import { renderDraftText, type TDraft, type TDraftSection, type TNotificationDraftInput } from "./draftInput.ts";

export const SUBJECT_NOTICE_SECTION_IDS = ["what_happened", "consequences", "measures", "self_help", "contact"] as const;
type TSubjectNoticeSectionId = (typeof SUBJECT_NOTICE_SECTION_IDS)[number];

export function buildSubjectNoticeDraft(input: TNotificationDraftInput): TDraft {
  const { incident, answers } = input;
  // A letter names the day, not the minute.
  const day = (date: Date) => formatLocalDay(DateTime.fromJSDate(date, { zone: input.zone }).toISODate()!, "nl");
  const categories = answers.data_categories ?? incident.dataKinds;

  const whatHappened = [
    doc.whatHappened.discovered(day(incident.discoveredAt), input.organisationName),
    doc.whatHappened.explainToFill,
    doc.whatHappened.forTheDrafter(incident.whatHappened),
  ];

  const consequenceLines = categories
    .map((category) => doc.consequences[category])
    .filter((line): line is string => Boolean(line));
  const consequences = consequenceLines.length > 0 ? consequenceLines : [doc.consequencesToFill];

  const measures = [
    doc.stopped[incident.stopped as TStopped] ?? doc.stopped.unknown,
    ...(answers.recipient === "trusted" ? [doc.trustedRecipient] : []),
    ...(input.measures.length > 0 ? input.measures.map((measure) => doc.measure(measure.what)) : [doc.measuresToFill]),
  ];

  const selfHelp = [
    ...new Set(categories.map((category) => doc.selfHelp[category]).filter((line): line is string => Boolean(line))),
  ];
  if (selfHelp.length === 0) selfHelp.push(doc.nothingToDo);

  const contact = [
    input.privacyContact ? doc.contact(input.privacyContact) : doc.contact(doc.contactToFill),
    doc.mentionReference(input.reference),
    doc.complaint,
  ];

  const lines: Record<TSubjectNoticeSectionId, string[]> = {
    what_happened: whatHappened,
    consequences,
    measures,
    self_help: selfHelp,
    contact,
  };
  const sections: TDraftSection[] = SUBJECT_NOTICE_SECTION_IDS.map((id) => ({
    id,
    title: doc.sections[id],
    lines: lines[id],
  }));
  const title = doc.title(input.reference);
  return {
    title,
    sections,
    text: renderDraftText(title, doc.intro(formatLocal(input.now, input.zone, "nl")), sections),
    filename: doc.filename(input.reference),
  };
}
