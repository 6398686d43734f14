// A privacy officer pressed "Afsluiten": the close form, asking only what
// applies, or, when closing cannot be done yet, the reason, recorded and
// told where they clicked: no decision yet, "notified to the AP" without
// the AP's reference, measures still open, or already closed. Anyone else
// is refused.
import { guardIncidentAction, type TGuardDeps } from "../../core/incidents/guardIncidentAction.ts";
import { recordRefusal } from "../../core/incidents/recordRefusal.ts";
import type { TForm } from "../../core/messages/form.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import type { TLocale } from "../../core/text/locale.ts";
import type { Clock } from "../../core/time/clock.ts";
import type { TNoticeName } from "../../texts/notices.ts";
import type { TTexts } from "../../texts/index.ts";
import type { TFeatureSettings } from "../featureDeps.ts";
import { closeForm } from "./closeForm.ts";
import { closeBlocker, type TCloseBlocker } from "./closingRules.ts";
import { loadClosingFacts } from "./loadClosingFacts.ts";

export interface TOpenCloseFormDeps extends TGuardDeps {
  database: Database;
  clock: Clock;
  zone: string;
  settings: Pick<TFeatureSettings, "EVALUATION_AFTER_DAYS">;
}

export type TOpenCloseFormResult =
  { outcome: "form"; form: TForm } | { outcome: "refused" | "not_found" | "already_closed" | TCloseBlocker };

export const BLOCKER_NOTICES: Record<TCloseBlocker, TNoticeName> = {
  needs_decision: "close_needs_decision",
  needs_ap_reference: "close_needs_ap_reference",
  open_measures: "close_open_measures",
};

export async function openCloseForm(
  deps: TOpenCloseFormDeps,
  input: { reference: string; actor: TPersonId; where?: string | null; texts: TTexts; locale: TLocale },
): Promise<TOpenCloseFormResult> {
  const now = deps.clock.now();
  return deps.database.prisma.$transaction(async (tx) => {
    const guard = await guardIncidentAction(
      tx,
      deps,
      { reference: input.reference, actor: input.actor, action: "close", where: input.where, answerNotFound: true },
      now,
    );
    if (!guard.ok) return { outcome: guard.outcome } as const;
    const { incident } = guard;
    const refuse = async (notice: TNoticeName, reason: string) =>
      recordRefusal(
        tx,
        deps.messaging,
        { incident, actor: input.actor, kind: "close_refused", notice, details: { reason }, where: input.where ?? null },
        now,
      );
    if (incident.closedAt) {
      await refuse("already_closed", "already_closed");
      return { outcome: "already_closed" } as const;
    }
    const facts = await loadClosingFacts(tx, incident);
    const blocker = closeBlocker(facts);
    if (blocker) {
      await refuse(BLOCKER_NOTICES[blocker], blocker);
      return { outcome: blocker } as const;
    }
    return {
      outcome: "form",
      form: closeForm(incident.reference, facts, {
        texts: input.texts,
        locale: input.locale,
        zone: deps.zone,
        evaluationAfterDays: deps.settings.EVALUATION_AFTER_DAYS,
      }),
    } as const;
  });
}
