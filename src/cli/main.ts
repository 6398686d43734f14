// `datalek <command>`: the command-line dispatcher (bin/datalek.mjs runs this
// file through tsx). Each command lives in its own module and returns an exit
// code; this file only chooses the command.
import { pathToFileURL } from "node:url";
import type { TCommandIo } from "./assessCommand.ts";

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
  "  demo [--platform slack|teams]          rondleiding zonder Slack of Teams / a complete incident against a stand-in",
  "  teams-package --out FILE               Teams-app-pakket / the Teams app package (docs/teams.md)",
].join("\n");

const defaultIo: TCommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

export async function main(argv: string[], io: TCommandIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // Each command is loaded when it is used: the tool starts fast and a
    // command never pays for another's dependencies.
    case "assess":
      return (await import("./assessCommand.ts")).assessCommand(rest, io);
    case "migrate":
      return (await import("./migrateCommand.ts")).migrateCommand(process.env, io);
    case "rotate-key":
      return (await import("./rotateKeyCommand.ts")).rotateKeyCommand(process.env, io);
    case "audit":
      return (await import("./auditCommand.ts")).auditCommand(rest, process.env, io);
    case "export":
      return (await import("./exportCommand.ts")).exportCommand(rest, process.env, io);
    case "outbox":
      return (await import("./outboxCommand.ts")).outboxCommand(rest, process.env, io);
    case "demo":
      return (await import("./demoCommand.ts")).demoCommand(rest, io);
    case "teams-package":
      return (await import("./teamsPackageCommand.ts")).teamsPackageCommand(rest, process.env, io);
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
