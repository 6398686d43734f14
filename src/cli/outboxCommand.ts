// `datalek outbox list` and `datalek outbox retry [ID ...]`: the messages
// parked after a permanent Slack error (a revoked token, a channel the bot is
// not in), and putting them back once the cause is fixed. Nothing is ever
// dropped: a parked message waits here with its error. With the embedded
// database, stop the bot first (one process owns its data folder); with
// PostgreSQL the running bot picks re-queued messages up at its next tick.
import { recordAuditEvent } from "../core/audit/recordAuditEvent.ts";
import { requeueParkedMessages } from "../core/outbox/requeueParkedMessages.ts";
import { formatLocal } from "../core/time/formatLocal.ts";
import type { TCommandIo } from "./assessCommand.ts";
import { openExistingDatabase } from "./openCliDatabase.ts";

export const OUTBOX_USAGE = "Gebruik / usage: datalek outbox list | datalek outbox retry [ID ...]";

export async function outboxCommand(args: string[], env: NodeJS.ProcessEnv, io: TCommandIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== "list" && action !== "retry") {
    io.stderr.write(`${OUTBOX_USAGE}\n`);
    return 2;
  }
  const badId = rest.find((id) => !/^\d{1,18}$/.test(id));
  if (action === "list" && rest.length > 0) {
    io.stderr.write(`outbox list takes no arguments\n${OUTBOX_USAGE}\n`);
    return 2;
  }
  if (badId !== undefined) {
    io.stderr.write(`outbox retry: "${badId.slice(0, 40)}" is not a message id (see datalek outbox list)\n`);
    return 2;
  }
  const opened = await openExistingDatabase(env, io, `outbox ${action}`);
  if (!opened.ok) return opened.exitCode;
  const { database } = opened;
  const zone = env.TIMEZONE || "Europe/Amsterdam";
  try {
    if (action === "list") {
      const parked = await database.prisma.outboxMessage.findMany({
        where: { status: "failed" },
        orderBy: { id: "asc" },
        include: { incident: { select: { reference: true } } },
      });
      if (parked.length === 0) {
        io.stdout.write("Geen geparkeerde berichten. / No parked messages.\n");
        return 0;
      }
      io.stdout.write(`${parked.length} geparkeerde bericht(en) / parked message(s):\n`);
      for (const message of parked) {
        const incident = message.incident?.reference ?? "-";
        io.stdout.write(
          `  ${message.id}  ${formatLocal(message.createdAt, zone, "nl")}  ${message.kind}  ${incident}  ${message.lastError ?? ""}\n`,
        );
      }
      io.stdout.write("Los de oorzaak op en voer dan uit / fix the cause, then run: npx datalek outbox retry\n");
      return 0;
    }
    const ids = rest.map((id) => BigInt(id));
    const now = new Date();
    const requeued = await requeueParkedMessages(database, now, ids.length > 0 ? { ids } : {});
    await recordAuditEvent(database.prisma, {
      at: now,
      actorId: "cli",
      action: "outbox_requeued",
      details: { count: requeued, ids: ids.map(String) },
    });
    io.stdout.write(`${requeued} bericht(en) opnieuw in de wachtrij / message(s) re-queued.\n`);
    if (ids.length > 0 && requeued < ids.length)
      io.stderr.write(`${ids.length - requeued} id(s) were not parked messages (see datalek outbox list)\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`outbox ${action} failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
