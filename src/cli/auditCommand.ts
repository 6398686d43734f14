// `datalek audit verify`: checks the audit trail's hash chain and names the
// first entry that was altered, removed or inserted. Keep the printed last
// hash somewhere else: it also shows whether entries were cut off the end.
// Speaks the organisation's language (DEFAULT_LOCALE, Dutch unless "en").
import { verifyAuditChain } from "../core/audit/verifyAuditChain.ts";
import { toBotLocale } from "../core/text/locale.ts";
import { textsFor } from "../texts/index.ts";
import { openExistingDatabase } from "./openCliDatabase.ts";
import type { TCommandIo } from "./assessCommand.ts";

export async function auditCommand(args: string[], env: NodeJS.ProcessEnv, io: TCommandIo): Promise<number> {
  const t = textsFor(toBotLocale(env.DEFAULT_LOCALE, "nl")).audit.cli;
  if (args[0] !== "verify") {
    io.stderr.write(`${t.verifyUsage}\n`);
    return 2;
  }
  const opened = await openExistingDatabase(env, io, "audit verify");
  if (!opened.ok) return opened.exitCode;
  const database = opened.database;
  try {
    const result = await verifyAuditChain(database.prisma);
    if (result.ok) {
      io.stdout.write(`${t.intact({ count: result.checked, hash: result.lastHash })}\n`);
      return 0;
    }
    io.stderr.write(
      `${t.broken({ seq: String(result.firstBrokenSeq), changed: result.problem === "content_changed", intact: result.checked })}\n`,
    );
    return 1;
  } catch (error) {
    io.stderr.write(`${t.verifyFailed({ error: (error as Error).message })}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
