// The Teams settings (issue 13), validated with zod like every other. Teams
// is in use as soon as one of them is set; then the app registration, the
// privacy officers (Entra object ids) and the two channels are required.
// Kept free of the Teams SDK: a Slack-only install reads these too.
import { z } from "zod";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Teams channel ids: "19:<id>@thread.tacv2" (or @thread.skype for older teams). */
const TEAMS_CHANNEL_ID = /^19:[^\s;]+@thread\.(tacv2|skype)$/;

const blank = (value: unknown) => (value === "" ? undefined : value);
/** The placeholders of .env.example look valid: refused by name, so a copied file does not start a bot that pages nobody. */
const EXAMPLE_GUID = "00000000-0000-0000-0000-000000000000";
const notAnExample = (value: string) => value !== EXAMPLE_GUID && !value.includes("...");
const EXAMPLE_MESSAGE = "is still the example value from .env.example: put in your own (see docs/teams.md)";

const guid = (what: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(GUID, `must be ${what} (a GUID such as 0f3c1a2b-4d5e-4f60-8a9b-0c1d2e3f4a5b)`)
      .refine(notAnExample, EXAMPLE_MESSAGE)
      .optional(),
  );

const objectIds = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean)
      : undefined,
  z
    .array(
      z
        .string()
        .regex(GUID, "must hold Entra object ids (GUIDs, Entra admin center → Users → Object ID)")
        .refine(notAnExample, EXAMPLE_MESSAGE),
    )
    .optional(),
);

const channelId = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .regex(TEAMS_CHANNEL_ID, "must be a Teams channel id such as 19:abc123@thread.tacv2 (channel → ⋯ → Get link to channel)")
    .refine(notAnExample, EXAMPLE_MESSAGE)
    .optional(),
);

const url = (example: string) => z.preprocess(blank, z.url({ error: `must be a URL such as ${example}` }).optional());

export const TEAMS_SETTINGS_SHAPE = {
  /** The Azure Bot's Microsoft App ID (the single-tenant app registration's client id). */
  TEAMS_APP_ID: guid("the Microsoft App ID of the Azure Bot"),
  /** A client secret of that app registration. */
  TEAMS_APP_PASSWORD: z.preprocess(blank, z.string().optional()),
  /** The organisation's Entra tenant (directory) id. */
  TEAMS_TENANT_ID: guid("the Entra tenant id"),
  TEAMS_DPO_USER_IDS: objectIds,
  TEAMS_ADMIN_USER_IDS: objectIds,
  TEAMS_MANAGEMENT_USER_IDS: objectIds,
  TEAMS_DPO_CHANNEL_ID: channelId,
  TEAMS_MANAGEMENT_CHANNEL_ID: channelId,
  /** Where proactive messages go before Teams told the bot its region's URL; default the global one. */
  TEAMS_SERVICE_URL: url("https://smba.trafficmanager.net/teams/"),
  /** Identity endpoints, for a local stand-in in tests and the demo only. */
  TEAMS_LOGIN_URL: url("https://login.microsoftonline.com"),
  TEAMS_OPENID_METADATA_URL: url("https://login.botframework.com/v1/.well-known/openidconfiguration"),
  TEAMS_TOKEN_SERVICE_URL: url("https://token.botframework.com"),
};

export const TEAMS_SETTING_NAMES = Object.keys(TEAMS_SETTINGS_SHAPE) as (keyof typeof TEAMS_SETTINGS_SHAPE)[];

/** What is required once Teams is in use, with the words that say what to put in. */
export const TEAMS_REQUIRED: Record<
  | "TEAMS_APP_ID"
  | "TEAMS_APP_PASSWORD"
  | "TEAMS_TENANT_ID"
  | "TEAMS_DPO_USER_IDS"
  | "TEAMS_DPO_CHANNEL_ID"
  | "TEAMS_MANAGEMENT_CHANNEL_ID",
  string
> = {
  TEAMS_APP_ID: "is required when Teams is used (the Azure Bot's Microsoft App ID)",
  TEAMS_APP_PASSWORD: "is required when Teams is used (a client secret of the bot's app registration)",
  TEAMS_TENANT_ID: "is required when Teams is used (the Entra tenant id of the organisation)",
  TEAMS_DPO_USER_IDS: "is required when Teams is used (comma-separated Entra object ids of the privacy officers)",
  TEAMS_DPO_CHANNEL_ID: "is required when Teams is used (the privacy officers' channel id, 19:...@thread.tacv2)",
  TEAMS_MANAGEMENT_CHANNEL_ID: "is required when Teams is used (the management channel id, 19:...@thread.tacv2)",
};
