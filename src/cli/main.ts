// `datalek <command>`: the command-line dispatcher (bin/datalek.mjs runs this
// file through tsx). Each command lives in its own module and returns an exit
// code; this file only chooses the command.
import { pathToFileURL } from "node:url";
import { assessCommand, type TCommandIo } from "./assessCommand.ts";
import { migrateCommand } from "./migrateCommand.ts";
import { auditCommand } from "./auditCommand.ts";
import { rotateKeyCommand } from "./rotateKeyCommand.ts";
import { exportCommand } from "./exportCommand.ts";
import { demoCommand } from "./demoCommand.ts";
import { outboxCommand } from "./outboxCommand.ts";

export const USAGE = [
  "Gebruik / usage: datalek <command> [options]",
  "",
  "Commands:",
  "  assess --input FILE|- [--lang nl|en]   beoordeel een datalek / assess a breach",
  "  migrate                                database bijwerken / apply database migrations",
  "  rotate-key                             versleutel opnieuw met de nieuwe sleutel / re-encrypt under DATALEK_ENCRYPTION_KEY",
  "  audit verify                           controleer de audit-trail / verify the audit trail's hash chain",
  "  export --format csv|json|md --out FILE  register exporteren / export the breach register",
  "  outbox list                            geparkeerde berichten / messages parked after a permanent Slack error",
  "  outbox retry [ID ...]                  opnieuw versturen na herstel / re-queue them once the cause is fixed",
  "  demo                                   rondleiding zonder Slack / a complete incident without Slack",
].join("\n");

const defaultIo: TCommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

export async function main(argv: string[], io: TCommandIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "assess":
      return assessCommand(rest, io);
    case "migrate":
      return migrateCommand(process.env, io);
    case "rotate-key":
      return rotateKeyCommand(process.env, io);
    case "audit":
      return auditCommand(rest, process.env, io);
    case "export":
      return exportCommand(rest, process.env, io);
    case "outbox":
      return outboxCommand(rest, process.env, io);
    case "demo":
      return demoCommand(rest, io);
    case "help":
    case "--help":
    case "-h":
      io.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      io.stderr.write(`${command === undefined ? "no command given" : `unknown command "${command}"`}\n${USAGE}\n`);
      return 2;
  }
}

// Run when executed directly, not when imported (e.g. by tests).
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
