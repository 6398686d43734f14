// One timeline entry as a sentence a person reads: "Opgepakt door Anneke.",
// "Oppakken geweigerd voor Jan (geen privacyfunctionaris).", "Vraag uit de
// checklist beantwoord door Anneke: Gaat het om persoonsgegevens? Ja." The
// kind's label comes from the one vocabulary (src/texts/audit.ts); details
// are added only where the reader needs them, and never as the stored data.
import { isTimelineKind, REFUSAL_REASONS, type TRefusalReason } from "../../core/incidents/timelineKinds.ts";
import { BOT_ACTOR, CLI_ACTOR, type TPersonId } from "../../core/people/person.ts";
import type { TLocale } from "../../core/text/locale.ts";
import { person, type TSpan } from "../../core/text/richText.ts";
import type { TTexts } from "../../texts/index.ts";
import type { TNoticeName } from "../../texts/notices.ts";
import { answerLabel, questionLabel } from "./answerLabels.ts";
import { decisionLabel, levelLabel } from "./codeLabels.ts";

export interface TTimelineEntryLike {
  at: Date;
  actorId: string;
  kind: string;
  details: unknown;
}

/** The retention sweep writes this instead of the reporter once their name is erased. */
const ERASED_ACTOR = "erased";
/** Changes made by the bot's own start-up checks. */
const SYSTEM_ACTOR = "system";

/** Who did it, in words, or nothing when the bot did it on its own. */
export function actorSpan(actor: TPersonId, texts: TTexts): TSpan | undefined {
  if (actor === BOT_ACTOR) return undefined;
  if (actor === SYSTEM_ACTOR) return texts.audit.timeline.system;
  if (actor === CLI_ACTOR) return texts.common.theCommandLine;
  if (actor === ERASED_ACTOR) return texts.audit.timeline.erased;
  return person(actor);
}

function record(details: unknown): Record<string, unknown> {
  return details && typeof details === "object" && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

function refusalReason(details: Record<string, unknown>, texts: TTexts): string | undefined {
  const reason = text(details.reason);
  if (!reason) return undefined;
  if ((REFUSAL_REASONS as readonly string[]).includes(reason)) return texts.audit.timeline.reasons[reason as TRefusalReason];
  // A refusal recorded with the notice the person was given: its words, without the reference.
  const notice = texts.notices[reason as TNoticeName];
  return notice ? notice({}).replace(/\.$/, "") : undefined;
}

/** What the reader should know beyond the kind: the answer given, the decision, the level, the reminder. */
function detailText(kind: string, details: Record<string, unknown>, texts: TTexts, locale: TLocale): string | undefined {
  const t = texts.audit.timeline;
  switch (kind) {
    case "checklist_answered":
    case "checklist_answer_confirmed":
    case "checklist_answer_cleared": {
      const question = questionLabel(texts, details.questionId);
      if (!question) return undefined;
      const answer = answerLabel(
        texts,
        details.questionId,
        kind === "checklist_answer_cleared" ? undefined : details.value,
        locale,
      );
      return answer ? t.answer({ question, answer }) : question;
    }
    case "assessment_made":
    case "assessment_updated":
    case "assessment_overridden":
    case "assessment_confirmed":
      return levelLabel(texts, details.overrideLevel ?? details.level);
    case "decision_recorded":
      return decisionLabel(texts, details.decision);
    case "closed": {
      // Art. 34(3): why the people concerned of a high-risk breach were not informed (the ground; its reason is free text).
      const ground = text(record(details.art34Exemption).ground);
      const label = ground ? (texts.measures.art34Grounds as Record<string, string>)[ground] : undefined;
      return label ? t.art34Exemption({ ground: label }) : undefined;
    }
    case "countdown_reminder": {
      const mark = record(details.mark);
      return typeof mark.hoursBefore === "number" ? t.hoursBefore({ hours: mark.hoursBefore }) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The entry as a sentence. `withActor: false` leaves out who did it (the
 * management's summary names nobody).
 */
export function timelineSentence(
  entry: TTimelineEntryLike,
  texts: TTexts,
  options: { withActor: boolean; locale: TLocale },
): TSpan[] {
  const t = texts.audit.timeline;
  const label = isTimelineKind(entry.kind) ? t.kinds[entry.kind] : t.unknownKind;
  const details = record(entry.details);
  const actor = options.withActor ? actorSpan(entry.actorId, texts) : undefined;
  const spans: TSpan[] = [label];
  if (entry.kind.endsWith("_refused")) {
    if (actor) spans.push(t.refusedFor, actor);
    const reason = refusalReason(details, texts);
    if (reason) spans.push(` (${reason})`);
    spans.push(".");
    return spans;
  }
  if (actor) spans.push(t.by, actor);
  const detail = detailText(entry.kind, details, texts, options.locale);
  if (detail) spans.push(`: ${detail}`);
  // One full stop, unless the sentence already ends in one (or in a question mark).
  if (!/[.?!]$/.test(detail ?? label)) spans.push(".");
  return spans;
}
