// `datalek teams-package --out FILE`: the Teams app package (a zip with
// manifest.json and the two icons), with the bot id from TEAMS_APP_ID (the
// environment or .env, as the bot reads it). See docs/teams.md.
import fs from "node:fs";
import { parseArgs } from "node:util";
import type { TCommandIo } from "./assessCommand.ts";

export const TEAMS_PACKAGE_USAGE =
  "datalek teams-package --out FILE [--version x.y.z] [--website URL] [--privacy URL] [--terms URL]";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function teamsPackageCommand(argv: string[], env: NodeJS.ProcessEnv, io: TCommandIo): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: "string" },
        version: { type: "string" },
        website: { type: "string" },
        privacy: { type: "string" },
        terms: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\nGebruik / usage: ${TEAMS_PACKAGE_USAGE}\n`);
    return 2;
  }
  if (!values.out) {
    io.stderr.write(`--out FILE is required\nGebruik / usage: ${TEAMS_PACKAGE_USAGE}\n`);
    return 2;
  }
  const botId = env.TEAMS_APP_ID?.trim();
  if (!botId || !GUID.test(botId)) {
    io.stderr.write("setting TEAMS_APP_ID must be the Azure Bot's Microsoft App ID (a GUID); see docs/teams.md\n");
    return 1;
  }
  const version = values.version ?? "1.0.0";
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    io.stderr.write("--version must look like 1.0.0\n");
    return 2;
  }
  const urls = { website: values.website, privacy: values.privacy, terms: values.terms };
  for (const [name, url] of Object.entries(urls))
    if (url !== undefined && !/^https:\/\/\S+$/.test(url)) {
      io.stderr.write(`--${name} must be an https address (Teams refuses others)\n`);
      return 2;
    }
  const { buildTeamsPackage } = await import("../teams/package/buildTeamsPackage.ts");
  const website = urls.website ?? "https://www.autoriteitpersoonsgegevens.nl/themas/beveiliging/datalekken";
  const zipped = buildTeamsPackage({
    botId: botId.toLowerCase(),
    version,
    organisation: env.ORGANISATION_NAME?.trim() || "Datalek-bot",
    websiteUrl: website,
    privacyUrl: urls.privacy ?? website,
    termsOfUseUrl: urls.terms ?? website,
    locale: env.DEFAULT_LOCALE === "en" ? "en" : "nl",
  });
  fs.writeFileSync(values.out, zipped);
  io.stdout.write(`${values.out}: manifest.json, color.png, outline.png (bot ${botId.toLowerCase()}, version ${version})\n`);
  return 0;
}
