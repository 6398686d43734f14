// `datalek demo`: a complete incident against the built-in Slack stand-in,
// printed as a transcript. Needs no Slack workspace and no settings.
import type { TCommandIo } from "./assessCommand.ts";

export async function demoCommand(_argv: string[], io: TCommandIo): Promise<number> {
  // Loaded lazily: the demo pulls in the Slack stand-in, which other commands do not need.
  const { runDemo } = await import("../devtools/runDemo.ts");
  try {
    await runDemo((line) => io.stdout.write(`${line}\n`));
    return 0;
  } catch (error) {
    io.stderr.write(`demo failed: ${(error as Error).message}\n`);
    return 1;
  }
}
