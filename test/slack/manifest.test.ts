// manifest.yml asks for exactly the scopes the code uses, and its usage hint
// names every word after /datalek (issue 11). The scopes are derived from
// the Web API methods the Slack front end calls, found in its source, and
// each method's required bot scopes as Slack's method reference lists them
// (https://docs.slack.dev/reference/methods/<method>, "Required scopes").
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMANDS } from "../../src/features/index.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Bot scopes per method, from each method's page. views.* and auth.test need none. */
const SCOPES_OF_METHOD: Record<string, readonly string[]> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.update": ["chat:write"],
  // Opening a direct message with one person.
  "conversations.open": ["im:write"],
  // The configured channels: public (channels:read) and private (groups:read).
  "conversations.info": ["channels:read", "groups:read"],
  // The look-up after an interrupted post: in the management channel, the private DPO channel, a direct message.
  "conversations.history": ["channels:history", "groups:history", "im:history"],
  "conversations.replies": ["channels:history", "groups:history", "im:history"],
  "users.info": ["users:read"],
  // files.getUploadURLExternal and files.completeUploadExternal under the SDK's uploadV2.
  "files.uploadV2": ["files:write"],
  "views.open": [],
  "views.publish": [],
};

/** Scopes the app's features need apart from method calls. */
const SCOPES_OF_FEATURES: Record<string, readonly string[]> = {
  slash_command: ["commands"],
  // member_joined_channel is delivered for channels the bot can read.
  member_joined_channel: ["channels:read", "groups:read"],
  app_home_opened: [],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

function methodsCalled(): Set<string> {
  const methods = new Set<string>();
  for (const file of [...sourceFiles(path.join(ROOT, "src/slack")), ...sourceFiles(path.join(ROOT, "src/app"))]) {
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(/client\.([a-zA-Z]+)\.([a-zA-Z0-9]+)\(/g)) methods.add(`${match[1]}.${match[2]}`);
  }
  return methods;
}

interface TManifest {
  features: { slash_commands: { command: string; usage_hint: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] } };
}

const manifest = parse(fs.readFileSync(path.join(ROOT, "manifest.yml"), "utf8")) as TManifest;

describe("manifest.yml", () => {
  it("asks for exactly the bot scopes the code needs", () => {
    const methods = methodsCalled();
    // The scan finds the calls (a scan that found nothing would make this test pass for nothing).
    expect(methods).toContain("chat.postMessage");
    const unknown = [...methods].filter((method) => !(method in SCOPES_OF_METHOD));
    expect(unknown, "a method with no documented scopes in this test: look them up and add them").toEqual([]);
    const needed = new Set([
      ...[...methods].flatMap((method) => SCOPES_OF_METHOD[method]!),
      ...SCOPES_OF_FEATURES.slash_command!,
      ...manifest.settings.event_subscriptions.bot_events.flatMap((event) => SCOPES_OF_FEATURES[event] ?? ["unknown event " + event]),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it("lists every word after /datalek in its usage hint", () => {
    const [datalek] = manifest.features.slash_commands;
    expect(datalek!.command).toBe("/datalek");
    for (const command of COMMANDS) expect(datalek!.usage_hint).toContain(command.words[0]!);
    // Slack shows the hint in the composer: short enough to read there.
    expect(datalek!.usage_hint.length).toBeLessThanOrEqual(100);
  });
});
