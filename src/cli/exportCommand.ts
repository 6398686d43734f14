// `datalek export --format csv|json|md --out FILE`: the breach register from
// the command line, streamed page by page from the database to the file
// (or to stdout with --out -). Reads the same database as the bot
// (DATABASE_URL, or the embedded one under DATA_DIR: stop the bot first,
// one process owns an embedded data directory) and decrypts free text with
// the bot's key (DATALEK_ENCRYPTION_KEY or its key file). People are shown
// by their person id (slack:U012AB3CD): the command line does not ask the
// chat for names; `/datalek export` in the chat names them.
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { loadRegisterFile } from "../features/register/loadRegister.ts";
import { loadKeyRing } from "../core/security/loadKeyRing.ts";
import { EXPORT_FORMATS, exportRegister, type TExportFormat } from "../features/export/exportRegister.ts";
import { textsFor } from "../texts/index.ts";
import { cliDatabaseSettings, openExistingDatabase } from "./openCliDatabase.ts";
import type { TCommandIo } from "./assessCommand.ts";

export const EXPORT_USAGE = "datalek export --format csv|json|md --out FILE|- [--lang nl|en]";

export async function exportCommand(argv: string[], env: NodeJS.ProcessEnv, io: TCommandIo): Promise<number> {
  let values: { format?: string; out?: string; lang?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { format: { type: "string", default: "csv" }, out: { type: "string" }, lang: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\nusage: ${EXPORT_USAGE}\n`);
    return 2;
  }
  const format = values.format as TExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    io.stderr.write(`--format must be one of ${EXPORT_FORMATS.join(", ")}\nusage: ${EXPORT_USAGE}\n`);
    return 2;
  }
  if (!values.out) {
    io.stderr.write(`--out is required (a file, or - for standard output)\nusage: ${EXPORT_USAGE}\n`);
    return 2;
  }
  const locale = values.lang ?? env.DEFAULT_LOCALE ?? "nl";
  if (locale !== "nl" && locale !== "en") {
    io.stderr.write("--lang must be nl or en\n");
    return 2;
  }
  const registerFile = path.resolve(env.REGISTER_FILE || "config/register.yaml");
  const register = loadRegisterFile(registerFile);
  if (!register.ok) {
    io.stderr.write(`register ${registerFile}: ${register.problems.join("; ")}\n`);
    return 1;
  }
  // The bot's key: never a new one (a new key could not decrypt anything).
  const keys = loadKeyRing({ ...env, ...cliDatabaseSettings(env), generateMissing: false });
  const opened = await openExistingDatabase(env, io, "export", keys.ok ? keys.ring : undefined);
  if (!opened.ok) return opened.exitCode;
  const database = opened.database;
  if (!keys.ok) {
    await database.close();
    for (const problem of keys.problems) io.stderr.write(`export: ${problem}\n`);
    if (keys.problems.length === 0)
      io.stderr.write("export: no encryption key found (DATALEK_ENCRYPTION_KEY, or the key file in DATA_DIR)\n");
    return 1;
  }
  const toStdout = values.out === "-";
  const out = toStdout ? io.stdout : fs.createWriteStream(path.resolve(values.out));
  try {
    const { count } = await exportRegister(
      { database, register: register.register, zone: env.TIMEZONE || "Europe/Amsterdam" },
      { format, locale, out: out as NodeJS.WritableStream as never, now: new Date() },
    );
    if (!toStdout) {
      (out as fs.WriteStream).end();
      await finished(out as fs.WriteStream);
      io.stderr.write(`${textsFor(locale).export.cli.exported({ count, file: values.out })}\n`);
    }
    return 0;
  } catch (error) {
    io.stderr.write(`export failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
