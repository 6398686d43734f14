// Settings come from the environment (and an optional .env file), are
// validated with zod, and a problem stops the start with one line per
// variable that names it.
import { IANAZone } from "luxon";
import { z } from "zod";
import { DUTY_SETTINGS_SHAPE } from "./dutySettings.ts";
import { TEAMS_REQUIRED, TEAMS_SETTING_NAMES, TEAMS_SETTINGS_SHAPE } from "../teams/teamsSettings.ts";

const slackUserId = /^[UW][A-Z0-9]{2,}$/;
const slackChannelId = /^[CGD][A-Z0-9]{2,}$/;

/**
 * The example values of .env.example (and the README). Copied unchanged they
 * look valid, so the bot would start and page nobody: refuse them by name.
 */
export const EXAMPLE_IDS = new Set(["U012AB3CD", "C012AB3CD", "C045EF6GH"]);
const notAnExample = (value: string) => !value.includes("...") && !EXAMPLE_IDS.has(value);
const exampleMessage = (what: string) => `is still the example value from .env.example: put in your own ${what}`;

const optionalString = z.preprocess((value) => (value === "" ? undefined : value), z.string().optional());

const optionalUserIds = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean)
      : [],
  z.array(z.string().regex(slackUserId, "must hold Slack user ids such as U012AB3CD")),
);

const slackChannel = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z
    .string()
    .regex(slackChannelId, "must be a Slack channel id such as C012AB3CD")
    .refine(notAnExample, exampleMessage("channel id (channel details → bottom)"))
    .optional(),
);

/** What each Slack setting holds, said when one is missing while Slack is used. */
const SLACK_REQUIRED = {
  SLACK_BOT_TOKEN: "is required (the bot token, xoxb-...)",
  DPO_USER_IDS: "is required (comma-separated Slack user ids of the privacy officers, e.g. U012AB3CD)",
  DPO_CHANNEL_ID: "is required (the private channel id of the privacy officers, e.g. C012AB3CD)",
  MANAGEMENT_CHANNEL_ID: "is required (the management channel id, e.g. C012AB3CD)",
} as const;

function positiveInt(fallback: number, max: number) {
  return z.preprocess(
    (value) => (value === undefined || value === "" ? fallback : value),
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(max, `must be at most ${max}`),
  );
}

export const ZSettings = z
  .object({
    // Required when Slack is used (see the check below): an install with Teams only has none of Slack's settings.
    SLACK_BOT_TOKEN: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^xoxb-/, "must be a bot token starting with xoxb-")
        .refine(notAnExample, exampleMessage("Bot User OAuth Token (OAuth & Permissions)"))
        .optional(),
    ),
    SLACK_SIGNING_SECRET: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.string().refine(notAnExample, exampleMessage("signing secret (Basic Information → App Credentials)")).optional(),
    ),
    SLACK_APP_TOKEN: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^xapp-/, "must be an app-level token starting with xapp-")
        .refine(
          notAnExample,
          exampleMessage("app-level token (Basic Information → App-Level Tokens), or leave it empty for HTTP mode"),
        )
        .optional(),
    ),
    SLACK_API_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ error: "must be a URL such as http://127.0.0.1:4000/api/" }).optional(),
    ),
    PORT: z.preprocess(
      (value) => (value === undefined || value === "" ? 3000 : value),
      z.coerce.number({ error: "must be a port number" }).int("must be a port number").min(0).max(65535),
    ),
    DATABASE_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
        .optional(),
    ),
    DATA_DIR: z.preprocess((value) => (value === "" || value === undefined ? "./data" : value), z.string()),
    DPO_USER_IDS: z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(slackUserId, "must hold Slack user ids such as U012AB3CD")
            .refine(notAnExample, exampleMessage("privacy officers' member ids (profile → ⋮ → Copy member ID)")),
        ),
      )
      .optional(),
    /** Administrators: maintain the register, receive its warnings; may read details and export. */
    ADMIN_USER_IDS: optionalUserIds,
    /** Management members (beyond the management channel): summaries, yearly evaluation. */
    MANAGEMENT_USER_IDS: optionalUserIds,
    DPO_CHANNEL_ID: slackChannel,
    MANAGEMENT_CHANNEL_ID: slackChannel,
    TIMEZONE: z.preprocess(
      (value) => (value === "" || value === undefined ? "Europe/Amsterdam" : value),
      z.string().refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone such as Europe/Amsterdam"),
    ),
    DEFAULT_LOCALE: z.preprocess(
      (value) => (value === "" || value === undefined ? "nl" : value),
      z.enum(["nl", "en"], { error: "must be nl or en" }),
    ),
    LOG_LEVEL: z.preprocess(
      (value) => (value === "" || value === undefined ? "info" : value),
      z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], {
        error: "must be one of trace, debug, info, warn, error, fatal, silent",
      }),
    ),
    ORGANISATION_SECTOR: z.preprocess(
      (value) => (value === "" || value === undefined ? "care" : value),
      z.enum(["care", "general"], { error: "must be care or general" }),
    ),
    /** How often the scheduler and outbox look for due work. */
    TICK_SECONDS: positiveInt(5, 30),
    /** Page the DPOs again when nobody took an incident within this time. */
    REPAGE_AFTER_MINUTES: positiveInt(30, 24 * 60),
    /** Encryption at rest (issue 6): base64 of 32 bytes, or a file holding it; older keys for reading. See SECURITY.md. */
    DATALEK_ENCRYPTION_KEY: optionalString,
    DATALEK_ENCRYPTION_KEY_FILE: optionalString,
    DATALEK_OLD_KEYS: optionalString,
    /** The bot's own retention: free text of a closed incident is erased this many years after closing. */
    OWN_RETENTION_YEARS: positiveInt(7, 100),
    /** At most this many reports per user per hour. */
    REPORT_RATE_LIMIT_PER_HOUR: positiveInt(10, 1000),
    /** After the first re-page, page again this often until someone takes it. */
    REPAGE_REPEAT_MINUTES: positiveInt(120, 24 * 60),
    /** The organisation and its privacy contact, as the AP draft and the letter to the people concerned name them. */
    ORGANISATION_NAME: optionalString,
    PRIVACY_CONTACT: optionalString,
    /** Recurring duties: working hours, retention, evaluations, digest (issue 5). */
    ...DUTY_SETTINGS_SHAPE,
    /** Microsoft Teams as a second (or the only) front end (issue 13); see docs/teams.md. */
    ...TEAMS_SETTINGS_SHAPE,
  })
  .superRefine(
    (settings, context) => {
      const teamsUsed = usesTeams(settings);
      // Slack is used when its token is set, and by an install that names no chat platform at all.
      if (settings.SLACK_BOT_TOKEN === undefined && teamsUsed) return requireTeams(settings, context);
      if (teamsUsed) requireTeams(settings, context);
      for (const [name, message] of Object.entries(SLACK_REQUIRED))
        if (settings[name as keyof typeof SLACK_REQUIRED] === undefined)
          context.addIssue({ code: "custom", path: [name], message });
      if (Array.isArray(settings.DPO_USER_IDS) && settings.DPO_USER_IDS.length === 0)
        context.addIssue({ code: "custom", path: ["DPO_USER_IDS"], message: "must name at least one privacy officer" });
      if (!settings.SLACK_APP_TOKEN && !settings.SLACK_SIGNING_SECRET) {
        context.addIssue({
          code: "custom",
          path: ["SLACK_SIGNING_SECRET"],
          message: "is required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)",
        });
      }
    },
    // Run even when other variables failed, so one start names every problem.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .transform((settings) => ({ ...settings, DPO_USER_IDS: settings.DPO_USER_IDS ?? [] }));

function usesTeams(settings: Record<string, unknown>): boolean {
  return TEAMS_SETTING_NAMES.some((name) => settings[name] !== undefined);
}

function requireTeams(settings: Record<string, unknown>, context: z.RefinementCtx): void {
  for (const [name, message] of Object.entries(TEAMS_REQUIRED)) {
    const value = settings[name];
    if (value === undefined || (Array.isArray(value) && value.length === 0))
      context.addIssue({ code: "custom", path: [name], message });
  }
}

/** Every setting; Slack's are absent in an install with Teams only. */
export type TSettings = z.infer<typeof ZSettings>;

/** The settings of an install that speaks Slack: what the Slack front end needs is there. */
export type TSlackSettings = TSettings & { SLACK_BOT_TOKEN: string; DPO_CHANNEL_ID: string; MANAGEMENT_CHANNEL_ID: string };

export function slackSettingsOf(settings: TSettings): TSlackSettings | undefined {
  return settings.SLACK_BOT_TOKEN && settings.DPO_CHANNEL_ID && settings.MANAGEMENT_CHANNEL_ID
    ? (settings as TSlackSettings)
    : undefined;
}

/** The settings of an install that speaks Teams. */
export type TTeamsSettings = TSettings & {
  TEAMS_APP_ID: string;
  TEAMS_APP_PASSWORD: string;
  TEAMS_TENANT_ID: string;
  TEAMS_DPO_USER_IDS: string[];
  TEAMS_DPO_CHANNEL_ID: string;
  TEAMS_MANAGEMENT_CHANNEL_ID: string;
};

export function teamsSettingsOf(settings: TSettings): TTeamsSettings | undefined {
  return settings.TEAMS_APP_ID &&
    settings.TEAMS_APP_PASSWORD &&
    settings.TEAMS_TENANT_ID &&
    settings.TEAMS_DPO_USER_IDS?.length &&
    settings.TEAMS_DPO_CHANNEL_ID &&
    settings.TEAMS_MANAGEMENT_CHANNEL_ID
    ? (settings as TTeamsSettings)
    : undefined;
}

export type TSettingsResult = { ok: true; settings: TSettings } | { ok: false; problems: string[] };

/** Validates the environment; never throws. Problems name the variable. */
export function loadSettings(env: NodeJS.ProcessEnv | Record<string, string | undefined>): TSettingsResult {
  const parsed = ZSettings.safeParse(env);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "settings");
    return `${name} ${issue.message}`;
  });
  return { ok: false, problems: [...new Set(problems)] };
}
