import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BotConnectorStandIn, type StandInTeam, type StandInUser } from "../../../src/devtools/teams/botConnectorStandIn.ts";
import { TeamsActivities } from "../../../src/devtools/teams/teamsActivities.ts";

// Expected shapes are Microsoft's examples (msteams-docs): conversation-messages.md, bots-filesv4.md,
// respond-to-task-module-submit.md, Work-with-Universal-Actions-for-Adaptive-Cards.md,
// subscribe-to-conversation-events.md.
describe("TeamsActivities", () => {
  let standIn: BotConnectorStandIn;
  let activities: TeamsActivities;
  let alice: StandInUser;
  let team: StandInTeam;

  beforeAll(async () => {
    standIn = await BotConnectorStandIn.start({ appId: "app-id-1", appPassword: "pw", tenantId: "tenant-1", botName: "Datalek" });
    activities = new TeamsActivities(standIn);
    alice = standIn.addUser({ name: "Alice de Vries" });
    standIn.installPersonalApp(alice.id);
    team = standIn.addTeam({ name: "Privacy", channels: ["Datalekken"], memberIds: [alice.id] });
  });
  afterAll(async () => {
    await standIn.close();
  });

  it("builds a channel message that @mentions the bot, with the team and channel in channelData", () => {
    const channel = team.channels[1]!;
    const activity = activities.channelMessage(alice.id, channel.id, "nieuw datalek");
    expect(activity).toMatchObject({
      type: "message",
      text: "<at>Datalek</at> nieuw datalek",
      conversation: { id: channel.id, conversationType: "channel", isGroup: true, tenantId: "tenant-1" },
      channelData: {
        tenant: { id: "tenant-1" },
        team: { id: team.id, name: "Privacy" },
        channel: { id: channel.id, name: "Datalekken" },
      },
      entities: [{ type: "mention", text: "<at>Datalek</at>", mentioned: { id: "28:app-id-1", name: "Datalek" } }],
    });
    const reply = activities.channelMessage(alice.id, channel.id, "antwoord", { threadRootId: "1700000000000" });
    expect(reply.conversation).toMatchObject({ id: `${channel.id};messageid=1700000000000` });
  });

  it("builds the invokes: dialog, Universal Action, message extension, file consent", () => {
    const conversationId = standIn.personalConversationOf(alice.id)!.id;
    expect(activities.dialogSubmit(alice.id, conversationId, { what: "x" })).toMatchObject({
      type: "invoke",
      name: "task/submit",
      value: { data: { what: "x" }, context: { theme: "default" } },
    });
    expect(activities.cardAction(alice.id, conversationId, { verb: "take", data: { ref: "DL-1" } })).toMatchObject({
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "take", data: { ref: "DL-1" } }, trigger: "manual" },
    });
    expect(activities.messageExtensionSubmitAction(alice.id, conversationId, "reportBreach", { what: "x" })).toMatchObject({
      name: "composeExtension/submitAction",
      value: { commandId: "reportBreach", commandContext: "compose", context: { theme: "default" }, data: { what: "x" } },
    });
    expect(activities.messageExtensionFetchTask(alice.id, conversationId, "reportBreach")).toMatchObject({
      name: "composeExtension/fetchTask",
      value: { commandId: "reportBreach" },
    });
    const accepted = activities.fileConsent(alice.id, conversationId, {
      action: "accept",
      fileName: "export.csv",
      context: { ref: "DL-1" },
    });
    expect(accepted).toMatchObject({
      name: "fileConsent/invoke",
      value: {
        type: "fileUpload",
        action: "accept",
        context: { ref: "DL-1" },
        uploadInfo: { name: "export.csv", fileType: "csv", uploadUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) },
      },
    });
    const declined = activities.fileConsent(alice.id, conversationId, { action: "decline", fileName: "export.csv" });
    expect(declined.value).toEqual({ type: "fileUpload", action: "decline", context: {} });
  });

  it("builds installation events for a personal install and for a team", () => {
    expect(activities.personalInstallation(alice.id)).toMatchObject({
      type: "installationUpdate",
      action: "add",
      conversation: { id: standIn.personalConversationOf(alice.id)!.id, conversationType: "personal" },
    });
    expect(activities.teamBotAdded(alice.id, team.id)).toMatchObject({
      type: "conversationUpdate",
      membersAdded: [{ id: "28:app-id-1" }],
      conversation: { id: team.id, conversationType: "channel" },
      channelData: { eventType: "teamMemberAdded", team: { id: team.id } },
    });
  });

  it("refuses to build a personal message for a user who has not installed the app", () => {
    const bob = standIn.addUser({ name: "Bob Jansen" });
    expect(() => activities.personalMessage(bob.id, "hallo")).toThrow(/not installed/);
  });
});
