// `datalek audit verify`: checks the audit trail's hash chain and names the
// first entry that was altered, removed or inserted. Keep the printed last
// hash somewhere else: it also shows whether entries were cut off the end.
import { verifyAuditChain } from "../core/audit/verifyAuditChain.ts";
import { openExistingDatabase } from "./openCliDatabase.ts";
import type { TCommandIo } from "./assessCommand.ts";

export async function auditCommand(args: string[], env: NodeJS.ProcessEnv, io: TCommandIo): Promise<number> {
  if (args[0] !== "verify") {
    io.stderr.write("Gebruik / usage: datalek audit verify\n");
    return 2;
  }
  const opened = await openExistingDatabase(env, io, "audit verify");
  if (!opened.ok) return opened.exitCode;
  const database = opened.database;
  try {
    const result = await verifyAuditChain(database.prisma);
    if (result.ok) {
      io.stdout.write(`Audit trail intact: ${result.checked} entries; last hash ${result.lastHash}\n`);
      return 0;
    }
    io.stderr.write(
      `Audit trail BROKEN at entry ${result.firstBrokenSeq} (${result.problem === "content_changed" ? "its content was changed" : "the link to the previous entry is broken: an entry was removed, inserted or reordered"}); ${result.checked} entries before it are intact.\n`,
    );
    return 1;
  } catch (error) {
    io.stderr.write(`audit verify failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
