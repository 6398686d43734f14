// A privacy officer pressed "Maatregel toevoegen": the measure form, for
// an incident that is still open. Anyone else is refused (recorded, and
// answered where they clicked); on a closed incident they are told so.
import { guardIncidentAction, type TGuardDeps } from "../../core/incidents/guardIncidentAction.ts";
import type { TForm } from "../../core/messages/form.ts";
import { enqueueNotice } from "../../core/notices/enqueueNotice.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { Clock } from "../../core/time/clock.ts";
import type { TTexts } from "../../texts/index.ts";
import { measureForm } from "./measureForm.ts";

export interface TOpenMeasureFormDeps extends TGuardDeps {
  database: Database;
  clock: Clock;
  zone: string;
}

export type TOpenMeasureFormResult = { outcome: "form"; form: TForm } | { outcome: "refused" | "closed" | "not_found" };

export async function openMeasureForm(
  deps: TOpenMeasureFormDeps,
  input: { reference: string; actor: TPersonId; where?: string | null; texts: TTexts },
): Promise<TOpenMeasureFormResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: "measure_add", where: input.where, answerNotFound: true },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome } as const;
    const { incident } = guard;
    if (incident.closedAt) {
      await enqueueNotice(
        tx,
        deps.messaging,
        {
          person: input.actor,
          notice: "already_closed",
          params: { reference: incident.reference },
          where: input.where,
          incidentId: incident.id,
        },
        now,
      );
      return { outcome: "closed" } as const;
    }
    return { outcome: "form", form: measureForm(incident.reference, input.texts, now, deps.zone) } as const;
  });
}
