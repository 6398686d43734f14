// Settings come from the environment; each problem is one line naming the
// variable (interfaces.md, "Environment").
import { describe, expect, it } from "vitest";
import { loadSettings, type TSettings } from "../../src/settings/loadSettings.ts";

const REQUIRED = {
  SLACK_BOT_TOKEN: "xoxb-1234-5678-abcdef",
  SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
  DPO_USER_IDS: "U0PRIVACY1",
  DPO_CHANNEL_ID: "C0PRIVACY1",
  MANAGEMENT_CHANNEL_ID: "C0MANAGEM1",
};

function settingsOf(env: Record<string, string | undefined>): TSettings {
  const loaded = loadSettings(env);
  if (!loaded.ok) throw new Error(`refused: ${loaded.problems.join("; ")}`);
  return loaded.settings;
}

function problemsOf(env: Record<string, string | undefined>): string[] {
  const loaded = loadSettings(env);
  if (loaded.ok) throw new Error("accepted");
  return loaded.problems;
}

/** Exactly one problem line, and it starts with the variable's name. */
function expectOneProblemNaming(env: Record<string, string | undefined>, variable: string): string {
  const problems = problemsOf(env);
  expect(problems, problems.join("\n")).toHaveLength(1);
  expect(problems[0]!.startsWith(`${variable} `), problems[0]).toBe(true);
  return problems[0]!;
}

describe("loadSettings", () => {
  it("accepts the required variables and fills in the defaults", () => {
    const settings = settingsOf(REQUIRED);
    expect(settings).toMatchObject({
      SLACK_BOT_TOKEN: "xoxb-1234-5678-abcdef",
      SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
      DPO_USER_IDS: ["U0PRIVACY1"],
      DPO_CHANNEL_ID: "C0PRIVACY1",
      MANAGEMENT_CHANNEL_ID: "C0MANAGEM1",
      PORT: 3000,
      DATA_DIR: "./data",
      TIMEZONE: "Europe/Amsterdam",
      DEFAULT_LOCALE: "nl",
      LOG_LEVEL: "info",
      ORGANISATION_SECTOR: "care",
      TICK_SECONDS: 5,
      REPAGE_AFTER_MINUTES: 30,
    });
    expect(settings.SLACK_APP_TOKEN).toBeUndefined();
    expect(settings.SLACK_API_URL).toBeUndefined();
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings (as in a .env file) as unset, so defaults apply", () => {
    const settings = settingsOf({
      ...REQUIRED,
      PORT: "",
      DATA_DIR: "",
      TIMEZONE: "",
      DEFAULT_LOCALE: "",
      DATABASE_URL: "",
      SLACK_APP_TOKEN: "",
      SLACK_API_URL: "",
    });
    expect(settings).toMatchObject({ PORT: 3000, DATA_DIR: "./data", TIMEZONE: "Europe/Amsterdam", DEFAULT_LOCALE: "nl" });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.SLACK_APP_TOKEN).toBeUndefined();
  });

  it("reads the optional variables", () => {
    const settings = settingsOf({
      ...REQUIRED,
      PORT: "8080",
      DATABASE_URL: "postgresql://datalek@db.internal:5432/datalek",
      DATA_DIR: "/var/lib/datalek",
      TIMEZONE: "Europe/Brussels",
      DEFAULT_LOCALE: "en",
      SLACK_API_URL: "http://127.0.0.1:4000/api/",
      DPO_USER_IDS: " U0PRIVACY1 , W0987ZYX ,",
    });
    expect(settings).toMatchObject({
      PORT: 8080,
      DATABASE_URL: "postgresql://datalek@db.internal:5432/datalek",
      DATA_DIR: "/var/lib/datalek",
      TIMEZONE: "Europe/Brussels",
      DEFAULT_LOCALE: "en",
      SLACK_API_URL: "http://127.0.0.1:4000/api/",
      DPO_USER_IDS: ["U0PRIVACY1", "W0987ZYX"],
    });
    expect(settingsOf({ ...REQUIRED, DATABASE_URL: "postgres://localhost/datalek" }).DATABASE_URL).toBe(
      "postgres://localhost/datalek",
    );
    expect(settingsOf({ ...REQUIRED, PORT: "0" }).PORT).toBe(0);
    expect(settingsOf({ ...REQUIRED, PORT: "65535" }).PORT).toBe(65535);
  });

  describe.each(["SLACK_BOT_TOKEN", "DPO_USER_IDS", "DPO_CHANNEL_ID", "MANAGEMENT_CHANNEL_ID"] as const)(
    "without %s",
    (variable) => {
      it("gives one line naming it", () => {
        const line = expectOneProblemNaming({ ...REQUIRED, [variable]: undefined }, variable);
        expect(line).toMatch(/required/);
      });
    },
  );

  it("names every missing variable when nothing is set, one line each", () => {
    const problems = problemsOf({});
    for (const variable of [
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "DPO_USER_IDS",
      "DPO_CHANNEL_ID",
      "MANAGEMENT_CHANNEL_ID",
    ]) {
      expect(
        problems.filter((line) => line.startsWith(`${variable} `)),
        `${variable} in:\n${problems.join("\n")}`,
      ).toHaveLength(1);
    }
    expect(problems).toHaveLength(5);
  });

  it("refuses a bot token that is not a bot token", () => {
    expectOneProblemNaming({ ...REQUIRED, SLACK_BOT_TOKEN: "xoxp-user-token" }, "SLACK_BOT_TOKEN");
  });

  it("refuses malformed Slack ids", () => {
    expectOneProblemNaming({ ...REQUIRED, DPO_USER_IDS: "jan.devries" }, "DPO_USER_IDS");
    expectOneProblemNaming({ ...REQUIRED, DPO_USER_IDS: "U0PRIVACY1,C0PRIVACY1" }, "DPO_USER_IDS");
    expectOneProblemNaming({ ...REQUIRED, DPO_USER_IDS: "u012ab3cd" }, "DPO_USER_IDS");
    expectOneProblemNaming({ ...REQUIRED, DPO_USER_IDS: " , " }, "DPO_USER_IDS");
    expectOneProblemNaming({ ...REQUIRED, DPO_CHANNEL_ID: "#privacy" }, "DPO_CHANNEL_ID");
    expectOneProblemNaming({ ...REQUIRED, DPO_CHANNEL_ID: "U0PRIVACY1" }, "DPO_CHANNEL_ID");
    expectOneProblemNaming({ ...REQUIRED, MANAGEMENT_CHANNEL_ID: "management" }, "MANAGEMENT_CHANNEL_ID");
  });

  it("refuses a malformed port", () => {
    for (const port of ["http", "80.5", "-1", "65536"]) {
      expectOneProblemNaming({ ...REQUIRED, PORT: port }, "PORT");
    }
  });

  it("refuses a DATABASE_URL that is not a PostgreSQL connection string", () => {
    for (const url of ["mysql://localhost/datalek", "localhost:5432", "file:./data.db"]) {
      expect(expectOneProblemNaming({ ...REQUIRED, DATABASE_URL: url }, "DATABASE_URL")).toMatch(/postgresql:\/\//);
    }
  });

  it("refuses an unknown time zone", () => {
    for (const zone of ["Europe/Amsterdm", "CEST+1", "Amsterdam"]) {
      expect(expectOneProblemNaming({ ...REQUIRED, TIMEZONE: zone }, "TIMEZONE")).toMatch(/IANA/);
    }
  });

  it("refuses a locale other than nl or en", () => {
    for (const locale of ["de", "NL", "nl-NL"]) {
      expect(expectOneProblemNaming({ ...REQUIRED, DEFAULT_LOCALE: locale }, "DEFAULT_LOCALE")).toMatch(/nl or en/);
    }
  });

  it("refuses a malformed SLACK_API_URL and SLACK_APP_TOKEN", () => {
    expectOneProblemNaming({ ...REQUIRED, SLACK_API_URL: "not a url" }, "SLACK_API_URL");
    expectOneProblemNaming({ ...REQUIRED, SLACK_APP_TOKEN: "xoxb-not-an-app-token" }, "SLACK_APP_TOKEN");
  });

  it("needs SLACK_SIGNING_SECRET in HTTP mode", () => {
    const line = expectOneProblemNaming({ ...REQUIRED, SLACK_SIGNING_SECRET: undefined }, "SLACK_SIGNING_SECRET");
    expect(line).toMatch(/SLACK_APP_TOKEN/);
    expectOneProblemNaming({ ...REQUIRED, SLACK_SIGNING_SECRET: "" }, "SLACK_SIGNING_SECRET");
  });

  it("does not need SLACK_SIGNING_SECRET in Socket Mode (SLACK_APP_TOKEN set)", () => {
    const settings = settingsOf({ ...REQUIRED, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: "xapp-1-A0-123-abc" });
    expect(settings.SLACK_APP_TOKEN).toBe("xapp-1-A0-123-abc");
    expect(settings.SLACK_SIGNING_SECRET).toBeUndefined();
  });

  it("refuses the example values of .env.example, naming each variable", () => {
    // .env.example copied unchanged: the placeholders look like values.
    const problems = problemsOf({
      SLACK_BOT_TOKEN: "xoxb-...",
      SLACK_APP_TOKEN: "xapp-...",
      SLACK_SIGNING_SECRET: "",
      DPO_USER_IDS: "U012AB3CD",
      DPO_CHANNEL_ID: "C012AB3CD",
      MANAGEMENT_CHANNEL_ID: "C045EF6GH",
    });
    expect(problems.map((line) => line.split(" ")[0]).sort()).toEqual([
      "DPO_CHANNEL_ID",
      "DPO_USER_IDS",
      "MANAGEMENT_CHANNEL_ID",
      "SLACK_APP_TOKEN",
      "SLACK_BOT_TOKEN",
    ]);
    for (const line of problems) expect(line).toMatch(/example value from \.env\.example/);
    // One example id among real ones is refused too.
    expectOneProblemNaming({ ...REQUIRED, DPO_USER_IDS: "U0PRIVACY1,U012AB3CD" }, "DPO_USER_IDS");
  });

  it("lists several problems at once, one line per variable", () => {
    const problems = problemsOf({
      ...REQUIRED,
      PORT: "abc",
      TIMEZONE: "Mars/Olympus",
      DEFAULT_LOCALE: "fr",
      DPO_CHANNEL_ID: "privacy",
    });
    expect(problems.map((line) => line.split(" ")[0]).sort()).toEqual(["DEFAULT_LOCALE", "DPO_CHANNEL_ID", "PORT", "TIMEZONE"]);
  });
});
