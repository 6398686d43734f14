// The Teams app package an administrator uploads (Teams admin center →
// Manage apps → Upload): manifest.json declaring the bot (personal chat and
// teams, files through consent), its commands, and the message extension's
// action that reports a breach from any compose box; and the two icons.
// Manifest fields as in msteams-docs resources/schema/manifest-schema.md
// (schema 1.17).
import type { TLocale } from "../../core/text/locale.ts";
import { textsFor } from "../../texts/index.ts";
import { REPORT_EXTENSION_COMMAND } from "../listeners/dialogOpen.ts";
import { ACCENT_COLOR, colorIcon, outlineIcon } from "./icons.ts";
import { zip } from "./zip.ts";

export const MANIFEST_SCHEMA_VERSION = "1.17";

export interface TPackageInput {
  /** The Azure Bot's Microsoft App ID (TEAMS_APP_ID): the app's id and the bot's. */
  botId: string;
  /** The package's version, x.y.z (raise it to update an uploaded app). */
  version: string;
  organisation: string;
  /** https addresses Teams shows with the app. */
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
  locale: TLocale;
}

export function teamsManifest(input: TPackageInput): Record<string, unknown> {
  const t = textsFor(input.locale).teams;
  const command = (title: string, description: string) => ({ title, description });
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_SCHEMA_VERSION,
    version: input.version,
    id: input.botId,
    developer: {
      name: input.organisation.slice(0, 32),
      websiteUrl: input.websiteUrl,
      privacyUrl: input.privacyUrl,
      termsOfUseUrl: input.termsOfUseUrl,
    },
    name: { short: "Datalek", full: t.packageShort.slice(0, 100) },
    description: { short: t.packageShort.slice(0, 80), full: t.packageFull.slice(0, 4000) },
    icons: { color: "color.png", outline: "outline.png" },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: input.botId,
        scopes: ["personal", "team"],
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [
          {
            scopes: ["personal"],
            commands: [
              command("datalek", t.commandReport),
              command("melden", t.commandReport),
              command("status", t.commandStatus),
              command("overzicht", t.commandOverview),
              command("help", t.commandHelp),
            ],
          },
        ],
      },
    ],
    composeExtensions: [
      {
        botId: input.botId,
        commands: [
          {
            id: REPORT_EXTENSION_COMMAND,
            type: "action",
            title: t.extensionTitle.slice(0, 32),
            description: t.extensionDescription,
            context: ["compose", "commandBox"],
            fetchTask: true,
          },
        ],
      },
    ],
    permissions: ["identity", "messageTeamMembers"],
    validDomains: [],
  };
}

export function buildTeamsPackage(input: TPackageInput): Buffer {
  return zip([
    { name: "manifest.json", content: Buffer.from(`${JSON.stringify(teamsManifest(input), null, 2)}\n`, "utf8") },
    { name: "color.png", content: colorIcon() },
    { name: "outline.png", content: outlineIcon() },
  ]);
}
