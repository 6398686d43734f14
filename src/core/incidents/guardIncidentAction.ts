// The one guard for "only a privacy officer may do this to this incident":
// find the incident (by reference or id), lock its row so writes about one
// incident run one after another, refuse anyone who is not a privacy
// officer (recorded, and answered where they acted), and, where the action
// must come before the decision, refuse it once the decision is recorded.
import type { Incident } from "../storage/generated/client.ts";
import type { TDbTransaction } from "../storage/transaction.ts";
import type { TMessaging } from "../outbox/enqueueMessages.ts";
import type { TPersonId } from "../people/person.ts";
import { isDpo, type TRoleDirectory } from "../people/roles.ts";
import type { TNoticeName } from "../../texts/notices.ts";
import { enqueueNotice } from "../notices/enqueueNotice.ts";
import { parseIncidentReference } from "./incidentReference.ts";
import { recordRefusal } from "./recordRefusal.ts";
import type { TTimelineKind } from "./timelineKinds.ts";

export interface TGuardDeps {
  roles: TRoleDirectory;
  messaging: TMessaging;
}

export interface TGuardInput {
  /** The incident, by its reference (DL-2026-0007) or its id. */
  reference?: string;
  incidentId?: string;
  actor: TPersonId;
  /** Names the action in the timeline: a refusal is recorded as `<action>_refused`. */
  action: string;
  /** Where the person acted (the front end's note), to answer a refusal there. */
  where?: string | null;
  /** Refused once the decision is recorded (the checklist, the assessment, the decision itself). */
  beforeDecision?: boolean;
  /** What a refusal after the decision says (default already_decided; the checklist says it is locked). */
  decidedNotice?: TNoticeName;
  /** Who else may act besides the privacy officers (a measure's owner). */
  alsoAllowed?: (incident: Incident) => boolean;
  /**
   * A click, not a form: when the incident is not found (erased by the
   * retention, or a forged value), the person is told where they clicked.
   * A form answers in its own errors instead.
   */
  answerNotFound?: boolean;
}

export type TGuardResult =
  | { ok: true; incident: Incident }
  | { ok: false; outcome: "not_found" }
  | { ok: false; outcome: "refused"; reason: "not_a_dpo" | "decided"; incident: Incident };

export async function guardIncidentAction(
  tx: TDbTransaction,
  deps: TGuardDeps,
  input: TGuardInput,
  now: Date,
): Promise<TGuardResult> {
  // A value that is not a uuid finds nothing, rather than failing in PostgreSQL.
  const byId = input.incidentId && /^[0-9a-f-]{36}$/i.test(input.incidentId) ? input.incidentId : undefined;
  const found = byId
    ? await tx.incident.findUnique({ where: { id: byId }, select: { id: true } })
    : input.reference
      ? await tx.incident.findUnique({ where: { reference: input.reference }, select: { id: true } })
      : null;
  if (!found) {
    if (input.answerNotFound) await answerNotFound(tx, deps.messaging, input, now);
    return { ok: false, outcome: "not_found" };
  }
  await tx.$queryRaw`SELECT id FROM incident WHERE id = ${found.id}::uuid FOR UPDATE`;
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: found.id } });
  const refuse = async (reason: "not_a_dpo" | "decided") => {
    await recordRefusal(
      tx,
      deps.messaging,
      {
        incident,
        actor: input.actor,
        // Every action's refusal is a kind with a label (timelineKinds.ts); test/i18n/timelineKinds.test.ts checks the actions.
        kind: `${input.action}_refused` as TTimelineKind,
        notice: reason === "not_a_dpo" ? "dpo_only" : (input.decidedNotice ?? "already_decided"),
        details: { reason },
        where: input.where ?? null,
      },
      now,
    );
    return { ok: false, outcome: "refused", reason, incident } as const;
  };
  if (!isDpo(input.actor, deps.roles) && !input.alsoAllowed?.(incident)) return refuse("not_a_dpo");
  if (input.beforeDecision && incident.decision !== null) return refuse("decided");
  return { ok: true, incident };
}

async function answerNotFound(tx: TDbTransaction, messaging: TMessaging, input: TGuardInput, now: Date): Promise<void> {
  const reference = input.reference?.trim().toUpperCase();
  await enqueueNotice(
    tx,
    messaging,
    {
      person: input.actor,
      notice: "not_found",
      // Only echoed when it looks like a reference: a forged value is not repeated.
      params: reference && parseIncidentReference(reference) ? { reference } : {},
      where: input.where,
    },
    now,
  );
}
