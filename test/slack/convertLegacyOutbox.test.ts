// Every kind of message the previous release could leave in the outbox is
// rewritten to a kind of today whose payload parses (or, for the recurring
// duties' nudges that their jobs send again, parked with the reason).
import { describe, expect, it } from "vitest";
import { findMessageKind } from "../../src/features/index.ts";
import { convertLegacyRow, type TLegacyIncident } from "../../src/slack/delivery/convertLegacyOutbox.ts";

const INCIDENT = "11111111-2222-4333-8444-555555555555";
const known: TLegacyIncident = {
  reporterId: "slack:U0STAFF01",
  awarenessAt: new Date("2026-11-23T08:00:00Z"),
  deadlineAt: new Date("2026-11-26T08:00:00Z"),
};
const incidentOf = (id: string) => (id === INCIDENT ? known : undefined);

/** The previous release's payloads, one per kind it wrote (src/services/outbox/outboxKinds.ts of that release). */
const LEGACY: [string, unknown][] = [
  ["incident.channel_post", { incidentId: INCIDENT }],
  ["incident.channel_post_update", { incidentId: INCIDENT }],
  ["incident.dpo_page", { incidentId: INCIDENT, dpoUserId: "U0DPO0001" }],
  ["incident.reporter_receipt", { incidentId: INCIDENT }],
  [
    "user.ephemeral_notice",
    { userId: "U0STAFF01", channelId: "C0DPOCHAN", threadTs: "1.2", notice: "dpo_only", params: { reference: "DL-2026-0001" } },
  ],
  ["incident.checklist_sync", { incidentId: INCIDENT }],
  [
    "countdown.reminder",
    { incidentId: INCIDENT, mark: { kind: "reminder", hoursBefore: 24 }, audience: "dpo", dpoUserId: "U0DPO0001", late: false },
  ],
  ["countdown.reminder", { incidentId: INCIDENT, mark: { kind: "overdue", index: 0 }, audience: "management", late: true }],
  [
    "countdown.repage",
    {
      incidentId: INCIDENT,
      audience: "dpo",
      dpoUserId: "U0DPO0002",
      index: 1,
      late: false,
      reportedAt: "2026-11-23T09:00:00.000Z",
    },
  ],
  [
    "countdown.thread_notice",
    { incidentId: INCIDENT, notice: "awareness_corrected", params: { userId: "U0DPO0001", from: "2026-11-26T09:00:00.000Z" } },
  ],
  [
    "countdown.thread_notice",
    { incidentId: INCIDENT, notice: "ap_followup", params: { apReference: "AP-123", userId: "U0DPO0001" } },
  ],
  [
    "countdown.thread_notice",
    {
      incidentId: INCIDENT,
      notice: "subject_notice_recorded",
      params: { userId: "U0DPO0001", method: "letter", recipientsCount: "3", sentAt: "2026-11-24T10:00:00.000Z" },
    },
  ],
  ["notification.draft_message", { incidentId: INCIDENT, userId: "U0DPO0001", draft: "ap_notification" }],
  ["incident.follow_up_progress", { incidentId: INCIDENT }],
  ["export.upload", { userId: "U0ADMIN01" }],
];

describe("converting the previous release's outbox rows", () => {
  it.each(LEGACY)("%s becomes a message of today whose payload parses", (kind, payload) => {
    const rows = convertLegacyRow(kind, payload, incidentOf);
    expect(rows, kind).toBeDefined();
    expect(rows!.length).toBeGreaterThan(0);
    for (const row of rows!) {
      const today = findMessageKind(row.kind);
      expect(today, row.kind).toBeDefined();
      const parsed = today!.payload.safeParse(row.payload);
      expect(parsed.success, `${row.kind}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      // People are person ids now.
      expect(JSON.stringify(row)).not.toMatch(/"U0[A-Z0-9]+"/);
    }
  });

  it("sends a draft's file with the draft message now, and parks what it cannot convert", () => {
    expect(
      convertLegacyRow(
        "notification.draft_file",
        { incidentId: INCIDENT, userId: "U0DPO0001", draft: "ap_notification" },
        incidentOf,
      ),
    ).toEqual([]);
    expect(
      convertLegacyRow("duty.message", { message: "retention_nudge", channel: "U0OWNER01", params: {} }, incidentOf),
    ).toBeUndefined();
    expect(
      convertLegacyRow("incident.reporter_receipt", { incidentId: "99999999-2222-4333-8444-555555555555" }, incidentOf),
    ).toBeUndefined();
  });
});
