// A privacy officer asks for the form of a decision or of a level change:
// the incident is found and the person checked (anyone else is refused,
// recorded and told where they clicked; after the decision too), and the
// form is built with what it is weighed against. The front end opens it.
import type { TDecision } from "../../core/incidents/decisions.ts";
import { guardIncidentAction } from "../../core/incidents/guardIncidentAction.ts";
import type { TForm } from "../../core/messages/form.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TTexts } from "../../texts/index.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { TIMELINE_ACTIONS } from "./checklistActions.ts";
import { decisionForm, overrideForm } from "./decisionForms.ts";
import { loadDecisionStanding } from "./loadDecisionStanding.ts";

export type TOpenDecisionFormDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

/** Which form: a decision, or changing the assessed level. */
export type TDecisionFormKind = { kind: "decision"; decision: TDecision } | { kind: "override" };

export type TOpenDecisionFormResult = { outcome: "form"; form: TForm } | { outcome: "refused" | "not_found" };

export async function openDecisionForm(
  deps: TOpenDecisionFormDeps,
  input: { reference: string; which: TDecisionFormKind; actor: TPersonId; where?: string | null; texts: TTexts },
): Promise<TOpenDecisionFormResult> {
  const now = deps.clock.now();
  const override = input.which.kind === "override";
  return deps.database.prisma.$transaction(async (tx): Promise<TOpenDecisionFormResult> => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      {
        reference: input.reference,
        actor: input.actor,
        action: override ? TIMELINE_ACTIONS.override : TIMELINE_ACTIONS.decision,
        where: input.where,
        // A button of an incident that is gone (erased by retention): said so rather than nothing.
        answerNotFound: true,
        beforeDecision: true,
        ...(override ? { decidedNotice: "checklist_locked" as const } : {}),
      },
      now,
    );
    if (!guard.ok) {
      return { outcome: guard.outcome === "not_found" ? "not_found" : "refused" };
    }
    const standing = await loadDecisionStanding(tx, guard.incident);
    const form =
      input.which.kind === "override"
        ? overrideForm(guard.incident, standing, input.texts)
        : decisionForm(input.which.decision, guard.incident, standing, input.texts);
    return { outcome: "form", form };
  });
}
