// The incident's post in the DPO channel (posted once, then updated in
// place; its thread is the incident's thread) and the page in each privacy
// officer's direct message (updated once someone took it, so no stale
// button stays behind).
import { z } from "zod";
import type { TBlock } from "../../core/messages/message.ts";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { messageLink, person, strong } from "../../core/text/richText.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TDecision } from "../../core/incidents/decisions.ts";
import { POST_CONTRIBUTIONS } from "../postContributions.ts";
import { incidentFor, type TMessageContext } from "../messageContext.ts";
import { deadlineText, incidentFacts } from "./incidentFacts.ts";
import { TAKE_ACTION } from "./pagingActions.ts";

export const INCIDENT_POST_KIND = "incident.post";
export const INCIDENT_PAGE_KIND = "incident.page";

const ZIncidentPayload = z.object({ incidentId: z.string() });
const ZPagePayload = z.object({ incidentId: z.string(), person: z.string() });

function takeControls(incident: Incident, context: TMessageContext): TBlock[] {
  if (incident.ownerId) return [];
  return [
    {
      kind: "controls",
      id: "incident_actions",
      controls: [
        { kind: "button", action: TAKE_ACTION, label: context.texts.paging.take, value: incident.reference, style: "primary" },
      ],
    },
  ];
}

/** Once decided, the post and the pages say what was decided instead of counting down (no reasons: those are free text). */
function statusText(incident: Incident, context: TMessageContext): TBlock {
  const t = context.texts.paging.post;
  if (!incident.decision) return { kind: "text", text: deadlineText(incident, context) };
  return {
    kind: "text",
    text: [
      t.decided,
      strong(context.texts.vocabulary.decisions[incident.decision as TDecision] ?? incident.decision),
      incident.apReference ? t.apReference({ apReference: incident.apReference }) : "",
      incident.decidedAt ? t.decidedOn({ when: formatLocal(incident.decidedAt, context.organisation.zone, context.locale) }) : "",
    ],
  };
}

function ownerNote(incident: Incident, context: TMessageContext): TBlock {
  const t = context.texts.paging.post;
  if (incident.closedAt && incident.closedBy) return { kind: "note", text: [t.closedBy, person(incident.closedBy)] };
  return { kind: "note", text: incident.ownerId ? [t.takenBy, person(incident.ownerId)] : t.notTaken };
}

export const incidentPostMessage = defineMessageKind({
  kind: INCIDENT_POST_KIND,
  payload: ZIncidentPayload,
  async build({ incidentId }, context: TMessageContext) {
    const incident = await incidentFor(context, incidentId);
    if (!incident) return undefined;
    const heading = context.texts.paging.post.heading({ reference: incident.reference });
    return {
      summary: heading,
      blocks: [
        { kind: "heading", text: heading },
        incidentFacts(incident, context),
        statusText(incident, context),
        ownerNote(incident, context),
        ...takeControls(incident, context),
        ...POST_CONTRIBUTIONS.flatMap((contribute) => contribute(incident, context)),
      ],
    };
  },
});

export const incidentPageMessage = defineMessageKind({
  kind: INCIDENT_PAGE_KIND,
  payload: ZPagePayload,
  async build({ incidentId, person: reader }, context: TMessageContext) {
    const incident = await incidentFor(context, incidentId);
    if (!incident) return undefined;
    const t = context.texts.paging.page;
    const thread = messageLink(messageKeys.incidentPost(incident.id), t.openThread);
    const blocks: TBlock[] = [
      { kind: "heading", text: t.heading({ reference: incident.reference }) },
      incidentFacts(incident, context),
      statusText(incident, context),
    ];
    if (incident.ownerId === reader) {
      // Taken by the reader: the button goes; the report stays for them to read.
      blocks.push(
        { kind: "text", text: [t.takenByYou, " ", thread] },
        { kind: "text", text: [strong(t.report)] },
        { kind: "quote", text: incident.whatHappened },
      );
    } else if (incident.ownerId) {
      // Taken by a colleague: the page says by whom and loses its button and the report text.
      blocks.push({ kind: "text", text: [t.takenBy, person(incident.ownerId), ". ", thread] });
    } else {
      // The privacy officer may read the full report, so this private message carries it.
      blocks.push(
        { kind: "text", text: t.intro },
        { kind: "text", text: [strong(t.report)] },
        { kind: "quote", text: incident.whatHappened },
        { kind: "note", text: [t.reportedBy, person(incident.reporterId), ". ", thread] },
        ...takeControls(incident, context),
      );
    }
    return { summary: t.summary({ reference: incident.reference }), blocks };
  },
});
