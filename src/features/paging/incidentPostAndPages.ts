// An incident's post in the privacy officers' channel and its page to each
// privacy officer, keyed: posted once, and updated in place whenever the
// incident changes what they show (a take, the decision).
import type { TOutgoingMessage } from "../../core/outbox/enqueueMessages.ts";
import { messageKeys } from "../../core/outbox/messageKeys.ts";
import { toChannel, toPerson } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import { INCIDENT_PAGE_KIND, INCIDENT_POST_KIND } from "./pagingMessages.ts";

export function incidentPostAndPages(incidentId: string, dpos: readonly TPersonId[], now: Date): TOutgoingMessage[] {
  const about = { incidentId };
  return [
    {
      kind: INCIDENT_POST_KIND,
      target: toChannel("dpo"),
      key: messageKeys.incidentPost(incidentId),
      payload: about,
      incidentId,
      notBefore: now,
    },
    ...dpos.map((dpo) => ({
      kind: INCIDENT_PAGE_KIND,
      target: toPerson(dpo),
      key: messageKeys.incidentPage(incidentId, dpo),
      payload: { ...about, person: dpo },
      incidentId,
      notBefore: now,
    })),
  ];
}
