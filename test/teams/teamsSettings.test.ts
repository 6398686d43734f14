// The Teams settings: a Teams-only install needs no Slack setting; once one
// TEAMS_ setting is set the rest that Teams needs is named when missing; a
// malformed or example value is one line naming the variable; Slack and
// Teams together give both platforms and roles from both.
import { describe, expect, it } from "vitest";
import { platformsFromSettings, rolesFromSettings } from "../../src/app/createBot.ts";
import { loadSettings } from "../../src/settings/loadSettings.ts";

const DPO = "6b9f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4";
const TEAMS = {
  TEAMS_APP_ID: "0f3c1a2b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
  TEAMS_APP_PASSWORD: "secret-value",
  TEAMS_TENANT_ID: "11111111-2222-4333-8444-555555555555",
  TEAMS_DPO_USER_IDS: DPO,
  TEAMS_DPO_CHANNEL_ID: "19:abc123@thread.tacv2",
  TEAMS_MANAGEMENT_CHANNEL_ID: "19:def456@thread.tacv2",
};
const SLACK = {
  SLACK_BOT_TOKEN: "xoxb-real",
  SLACK_SIGNING_SECRET: "s",
  DPO_USER_IDS: "U0DPO0001",
  DPO_CHANNEL_ID: "C0DPOCHAN",
  MANAGEMENT_CHANNEL_ID: "C0MANAGEM",
};
const problemsOf = (env: Record<string, string>) => {
  const loaded = loadSettings(env);
  return loaded.ok ? [] : loaded.problems;
};

describe("Teams settings", () => {
  it("start a Teams-only install without any Slack setting", () => {
    const loaded = loadSettings(TEAMS);
    expect(loaded.ok && platformsFromSettings(loaded.settings)).toEqual(["teams"]);
    if (!loaded.ok) return;
    expect(rolesFromSettings(loaded.settings, { systems: [] } as never).dpos).toEqual([`teams:${DPO}`]);
  });

  it("name every missing Teams setting once Teams is used", () => {
    const problems = problemsOf({ TEAMS_APP_ID: TEAMS.TEAMS_APP_ID });
    expect(problems.map((line) => line.split(" ")[0]).sort()).toEqual([
      "TEAMS_APP_PASSWORD",
      "TEAMS_DPO_CHANNEL_ID",
      "TEAMS_DPO_USER_IDS",
      "TEAMS_MANAGEMENT_CHANNEL_ID",
      "TEAMS_TENANT_ID",
    ]);
  });

  it.each([
    ["TEAMS_DPO_CHANNEL_ID", "incidenten", /Teams channel id/],
    ["TEAMS_DPO_USER_IDS", "priya@zorg.example", /Entra object ids/],
    ["TEAMS_APP_ID", "00000000-0000-0000-0000-000000000000", /example value/],
    ["TEAMS_MANAGEMENT_CHANNEL_ID", "19:...@thread.tacv2", /example value/],
    ["TEAMS_SERVICE_URL", "not a url", /URL/],
  ])("refuse %s=%s with one line naming it", (name, value, words) => {
    const problems = problemsOf({ ...TEAMS, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} `));
    expect(problems[0]).toMatch(words);
  });

  it("give both platforms, and the privacy officers of both, when Slack and Teams are set", () => {
    const loaded = loadSettings({ ...SLACK, ...TEAMS });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(platformsFromSettings(loaded.settings)).toEqual(["slack", "teams"]);
    expect(rolesFromSettings(loaded.settings, { systems: [] } as never).dpos).toEqual(["slack:U0DPO0001", `teams:${DPO}`]);
  });

  it("still ask for Slack's settings when Slack's token is set beside Teams", () => {
    const problems = problemsOf({ ...TEAMS, SLACK_BOT_TOKEN: "xoxb-real", SLACK_SIGNING_SECRET: "s" });
    expect(problems.map((line) => line.split(" ")[0]).sort()).toEqual([
      "DPO_CHANNEL_ID",
      "DPO_USER_IDS",
      "MANAGEMENT_CHANNEL_ID",
    ]);
  });
});
