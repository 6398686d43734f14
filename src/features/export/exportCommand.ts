// `/datalek export`: privacy officers and administrators get the breach
// register as two files in their direct messages. The command only queues
// the message (built and sent by the outbox) and answers at once; the
// request is recorded in the audit trail.
import { recordAuditEvent } from "../../core/audit/recordAuditEvent.ts";
import { enqueueMessages } from "../../core/outbox/enqueueMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import { maySeeRegister } from "../audit/accessPolicy.ts";
import type { TCommand } from "../commands/command.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import { REGISTER_EXPORT_KIND } from "./exportMessages.ts";

export const REGISTER_EXPORT_REQUESTED = "register_export_requested";

export type TExportCommandDeps = Pick<TFeatureDeps, "database" | "clock" | "roles" | "messaging">;

export const exportCommand: TCommand<TExportCommandDeps> = {
  words: ["export", "exporteer"],
  usage: (texts) => texts.export.command.usage,
  async run(deps, input) {
    const t = input.texts.export.command;
    if (!maySeeRegister(deps.roles, input.actor))
      return { kind: "reply", message: { summary: t.refused, blocks: [{ kind: "text", text: t.refused }] } };
    const now = deps.clock.now();
    await deps.database.prisma.$transaction(async (tx) => {
      await recordAuditEvent(tx, { at: now, actorId: input.actor, action: REGISTER_EXPORT_REQUESTED, details: {} });
      await enqueueMessages(tx, deps.messaging, [
        { kind: REGISTER_EXPORT_KIND, target: toPerson(input.actor), payload: { person: input.actor }, notBefore: now },
      ]);
    });
    return { kind: "reply", message: { summary: t.queued, blocks: [{ kind: "text", text: t.queued }] } };
  },
};
