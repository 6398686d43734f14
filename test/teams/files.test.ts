// Drafts and exports reach the privacy officer in the personal chat, on
// PGlite and PostgreSQL: the draft's text in the card, and the files
// through Teams' file consent flow (msteams-docs bots/how-to/bots-filesv4.md):
// a consent card carrying no content, the bytes uploaded to the person's
// OneDrive only when they accept, a file card after; declined, nothing.
import { describe, expect, it } from "vitest";
import type { StandInUser, StoredActivity } from "../../src/devtools/teams/botConnectorStandIn.ts";
import { announceInstallation } from "../../src/devtools/teams/teamsOrganisation.ts";
import { DATABASE_KINDS } from "../support/testDatabases.ts";
import { channelThreads, personalChat, seenText, useTeamsBotPerTest, type TTeamsHarness } from "./support/teamsHarness.ts";
import { executeVerb, reportThroughDialog, say } from "./support/teamsPeople.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
const CONSENT = "application/vnd.microsoft.teams.card.file.consent";

function consentCards(env: TTeamsHarness, user: StandInUser): StoredActivity[] {
  return personalChat(env.org, user).filter((message) =>
    ((message.activity.attachments as { contentType: string }[] | undefined) ?? []).some(
      (attachment) => attachment.contentType === CONSENT,
    ),
  );
}

async function answerConsent(env: TTeamsHarness, user: StandInUser, card: StoredActivity, action: "accept" | "decline") {
  const attachment = (card.activity.attachments as { name: string; content: { acceptContext: Record<string, unknown> } }[])[0]!;
  const chat = env.org.standIn.personalConversationOf(user.id)!;
  const answer = await env.org.standIn.sendActivity(
    env.botUrl,
    env.org.activities.fileConsent(user.id, chat.id, {
      action,
      fileName: attachment.name,
      context: attachment.content.acceptContext,
      replyToId: card.id,
    }),
  );
  expect(answer.status).toBe(200);
}

describe.each(DATABASE_KINDS)("Teams drafts and exports on %s", (kind) => {
  const env = useTeamsBotPerTest(kind, { now: NOW });

  it("sends the AP draft to the privacy officer's chat, and its file to OneDrive once accepted", async () => {
    const { staff, dpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await reportThroughDialog(env, staff);
    const post = channelThreads(env.org, env.org.dpoChannelId)[0]![0]!;
    const before = personalChat(env.org, dpo).length;
    await executeVerb(env, dpo, post, "draft_ap_notification");
    await env.settle();

    const arrived = personalChat(env.org, dpo).slice(before);
    const draft = arrived.find((message) => seenText(message).includes("DL-2026-0001"));
    expect(draft, "the draft's text in the card").toBeDefined();
    expect(draft!.cardProblems).toEqual([]);
    const [consent] = consentCards(env, dpo);
    expect(consent, "a file consent card").toBeDefined();
    expect(consent!.cardProblems).toEqual([]);
    // The consent card names the file; its content goes nowhere before consent.
    expect(JSON.stringify(consent!.activity)).not.toContain("Zorgplan");
    expect(env.org.standIn.uploads).toHaveLength(0);
    // The draft is not in any channel.
    for (const message of channelThreads(env.org, env.org.dpoChannelId).flat())
      expect(seenText(message)).not.toContain("Zorgplan");

    // Someone else answering with this card's context gets nothing.
    await answerConsent(env, staff, consent!, "accept");
    expect(env.org.standIn.uploads).toHaveLength(0);

    await answerConsent(env, dpo, consent!, "accept");
    expect(env.org.standIn.uploads).toHaveLength(1);
    const upload = env.org.standIn.uploads[0]!;
    expect(upload.userId).toBe(dpo.id);
    expect(upload.content).toContain("DL-2026-0001");
    const fileCard = personalChat(env.org, dpo).at(-1)!;
    expect((fileCard.activity.attachments as { contentType: string }[])[0]!.contentType).toBe(
      "application/vnd.microsoft.teams.card.file.info",
    );
  });

  it("exports the register to a privacy officer who asks, and uploads nothing when the file is declined", async () => {
    const { staff, dpo } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    await reportThroughDialog(env, staff);
    const answer = await say(env, dpo, "export");
    expect(answer).toBeDefined();
    await env.settle();
    const [consent] = consentCards(env, dpo);
    expect(consent, "a file consent card for the export").toBeDefined();
    expect((consent!.activity.attachments as { name: string }[])[0]!.name).toMatch(/\.csv$/);
    await answerConsent(env, dpo, consent!, "decline");
    expect(env.org.standIn.uploads).toHaveLength(0);
    const updated = env.org.standIn.activity(consent!.conversationId, consent!.id)!;
    expect(seenText(updated.activity)).toMatch(/niet opgeslagen/);
  });

  it("refuses the export to someone who is not a privacy officer or administrator", async () => {
    const { staff } = env.org.people;
    await announceInstallation(env.org, env.botUrl, staff);
    const answer = await say(env, staff, "export");
    await env.settle();
    expect(seenText(answer!)).not.toMatch(/\.csv/);
    expect(consentCards(env, staff)).toHaveLength(0);
  });
});
