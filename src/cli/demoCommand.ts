// `datalek demo [--lang nl|en] [--platform slack|teams]`: a complete
// incident against the built-in Slack stand-in (or, with --platform teams,
// the Bot Connector stand-in), printed as a transcript of what everyone
// sees. Needs no workspace, no tenant and no settings.
import { parseArgs } from "node:util";
import type { TCommandIo } from "./assessCommand.ts";

export const DEMO_USAGE = "datalek demo [--lang nl|en] [--platform slack|teams]";

export async function demoCommand(argv: string[], io: TCommandIo): Promise<number> {
  let lang: string | undefined;
  let platform: string | undefined;
  try {
    ({
      values: { lang, platform },
    } = parseArgs({ args: argv, options: { lang: { type: "string" }, platform: { type: "string" } }, strict: true }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\nGebruik / usage: ${DEMO_USAGE}\n`);
    return 2;
  }
  const locale = lang ?? "nl";
  if (locale !== "nl" && locale !== "en") {
    io.stderr.write(`--lang: nl of/or en\nGebruik / usage: ${DEMO_USAGE}\n`);
    return 2;
  }
  if (platform !== undefined && platform !== "slack" && platform !== "teams") {
    io.stderr.write(`--platform: slack of/or teams\nGebruik / usage: ${DEMO_USAGE}\n`);
    return 2;
  }
  if (platform === "teams") {
    // Loaded lazily: the Teams demo pulls in the Teams SDK and the Bot Connector stand-in.
    const { runTeamsDemo } = await import("../devtools/runTeamsDemo.ts");
    try {
      await runTeamsDemo((line) => io.stdout.write(`${line}\n`), { locale });
      return 0;
    } catch (error) {
      io.stderr.write(`demo: ${(error as Error).message}\n`);
      return 1;
    }
  }
  // Loaded lazily: the demo pulls in the Slack stand-in, which other commands do not need.
  const { runDemo } = await import("../devtools/runDemo.ts");
  try {
    await runDemo((line) => io.stdout.write(`${line}\n`), { locale });
    return 0;
  } catch (error) {
    io.stderr.write(`demo: ${(error as Error).message}\n`);
    return 1;
  }
}
