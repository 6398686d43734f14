// A privacy officer asks to correct the moment of awareness: the incident is
// found and the person checked (anyone else is refused, recorded and told
// where they clicked); a closed incident is answered instead of opening the
// form. The front end then shows awarenessForm.
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { Incident } from "../../core/storage/generated/client.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { awarenessCorrectionApplies } from "./awarenessCorrection.ts";
import { AWARENESS_CORRECT_ACTION } from "./countdownActions.ts";

export type TOpenAwarenessDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export type TOpenAwarenessResult = { outcome: "open"; incident: Incident } | { outcome: "refused" | "not_found" | "closed" };

export async function openAwarenessCorrection(
  deps: TOpenAwarenessDeps,
  input: { reference: string; actor: TPersonId; where?: string | null },
): Promise<TOpenAwarenessResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx): Promise<TOpenAwarenessResult> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      {
        reference: input.reference,
        actor: input.actor,
        action: AWARENESS_CORRECT_ACTION,
        where: input.where,
        answerNotFound: true,
      },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome };
    if (!awarenessCorrectionApplies(guard.incident)) {
      await enqueueNotice(
        tx,
        deps.messaging,
        {
          person: input.actor,
          notice: "already_closed",
          params: { reference: guard.incident.reference },
          where: input.where,
          incidentId: guard.incident.id,
        },
        now,
      );
      return { outcome: "closed" };
    }
    return { outcome: "open", incident: guard.incident };
  });
}
