// The register at start. A good file is used and kept as the last good
// register (table register_snapshot). A broken file falls back to the last
// good one, with a warning in the log and a direct message to each
// administrator (the administrators, else the privacy officers) naming the
// problems. With no last good register a broken file stops the start.
import type { Logger } from "pino";
import type { Clock } from "../../core/time/clock.ts";
import type { Database } from "../../core/storage/openDatabase.ts";
import { enqueueMessages, type TMessaging } from "../../core/outbox/enqueueMessages.ts";
import { toPerson } from "../../core/outbox/target.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TRoleDirectory } from "../../core/people/roles.ts";
import { BOT_ACTOR, recordDutyEvent } from "../../core/duties/recordDutyEvent.ts";
import { loadRegisterFile, ZRegister, type TRegister } from "./loadRegister.ts";
import { REGISTER_BROKEN_KIND } from "./registerMessages.ts";

const LAST_GOOD = "last_good";

/** Who is told that the register file is broken: the administrators, else the privacy officers. */
export function registerWarningRecipients(roles: Pick<TRoleDirectory, "admins" | "dpos">): readonly TPersonId[] {
  return roles.admins.length > 0 ? roles.admins : roles.dpos;
}

export type TStartRegister =
  | { ok: true; register: TRegister; fallback: false }
  | { ok: true; register: TRegister; fallback: true; problems: string[]; lastGoodAt: Date }
  | { ok: false; problems: string[] };

export async function resolveStartRegister(options: {
  database: Database;
  clock: Clock;
  logger: Logger;
  messaging: TMessaging;
  /** Who is told when the file is broken: the administrators, else the privacy officers. */
  told: readonly TPersonId[];
  file: string;
}): Promise<TStartRegister> {
  const { database, clock, logger, file } = options;
  const now = clock.now();
  const loaded = loadRegisterFile(file);
  const prisma = database.prisma;
  if (loaded.ok) {
    await prisma.registerSnapshot.upsert({
      where: { id: LAST_GOOD },
      create: { id: LAST_GOOD, register: loaded.register as object, sourceFile: file, loadedAt: now },
      update: { register: loaded.register as object, sourceFile: file, loadedAt: now },
    });
    return { ok: true, register: loaded.register, fallback: false };
  }
  const snapshot = await prisma.registerSnapshot.findUnique({ where: { id: LAST_GOOD } });
  const lastGood = snapshot ? ZRegister.safeParse(snapshot.register) : undefined;
  if (!snapshot || !lastGood?.success) return { ok: false, problems: loaded.problems };
  logger.warn(
    { file, problems: loaded.problems, lastGoodAt: snapshot.loadedAt.toISOString() },
    "register file has problems; using the last good register",
  );
  await prisma.$transaction(async (tx) => {
    await recordDutyEvent(tx, {
      at: now,
      actorId: BOT_ACTOR,
      duty: "register",
      subject: file,
      kind: "fallback",
      details: { problems: loaded.problems, lastGoodAt: snapshot.loadedAt.toISOString() },
    });
    await enqueueMessages(
      tx,
      options.messaging,
      options.told.map((person) => ({
        kind: REGISTER_BROKEN_KIND,
        target: toPerson(person),
        payload: { file, problems: loaded.problems.slice(0, 20), lastGoodAt: snapshot.loadedAt.toISOString() },
        notBefore: now,
      })),
    );
  });
  return { ok: true, register: lastGood.data, fallback: true, problems: loaded.problems, lastGoodAt: snapshot.loadedAt };
}
