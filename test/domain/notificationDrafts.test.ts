import { describe, expect, it } from "vitest";
import { AP_DRAFT_SECTION_IDS, buildApNotificationDraft } from "../../src/features/notifications/buildApNotificationDraft.ts";
import { buildSubjectNoticeDraft, SUBJECT_NOTICE_SECTION_IDS } from "../../src/features/notifications/buildSubjectNoticeDraft.ts";
import type { TNotificationDraftInput } from "../../src/features/notifications/draftInput.ts";
import { validateApFollowup, validateSubjectNotice } from "../../src/features/notifications/notificationRecords.ts";

const DEADLINE = new Date("2026-11-26T07:00:00Z");

function input(overrides: Partial<TNotificationDraftInput> = {}): TNotificationDraftInput {
  return {
    reference: "DL-2026-0007",
    now: new Date("2026-11-24T09:00:00Z"),
    zone: "Europe/Amsterdam",
    organisationName: null,
    privacyContact: null,
    incident: {
      whatHappened: "Begeleidingsplan naar de verkeerde ouder gemaild (synthetisch).",
      discoveredAt: new Date("2026-11-23T07:00:00Z"),
      occurredAt: null,
      awarenessAt: new Date("2026-11-23T07:00:00Z"),
      deadlineAt: DEADLINE,
      system: "zivver",
      dataKinds: ["health", "identity_contact"],
      peopleAffected: 3,
      stopped: "yes",
      recipient: "known",
      apReference: null,
    },
    systemName: "Zivver",
    registerSystem: {
      peopleConcerned: "Deelnemers, zorgverleners",
      securityMeasures: ["End-to-end encryptie van berichten", "Authenticatie"],
    },
    answers: {},
    assessment: null,
    awarenessCorrectionReason: null,
    apNotifications: [],
    subjectNotices: [],
    measures: [],
    ...overrides,
  };
}

describe("buildApNotificationDraft", () => {
  it("follows the order of the AP's form", () => {
    const draft = buildApNotificationDraft(input());
    expect(draft.sections.map((section) => section.id)).toEqual([...AP_DRAFT_SECTION_IDS]);
    expect(draft.sections.map((section) => section.title)).toEqual([
      "Over deze melding",
      "Contactgegevens",
      "Tijdlijn",
      "Aard van het datalek",
      "Persoonsgegevens",
      "Betrokkenen",
      "Maatregelen vooraf",
      "Gevolgen",
      "Vervolg: betrokkenen informeren",
      "Vervolg: maatregelen",
      "Vervolg: internationale aspecten",
    ]);
    const positions = draft.sections.map((section, index) => draft.text.indexOf(`${index + 1}. ${section.title}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("names what is still to fill, and fills it from the record when known", () => {
    const empty = buildApNotificationDraft(input());
    const section = (draft: ReturnType<typeof buildApNotificationDraft>, id: string) =>
      draft.sections.find((candidate) => candidate.id === id)!.lines.join("\n");
    expect(section(empty, "contact")).toMatch(/NOG INVULLEN: naam, KvK-nummer/);
    expect(section(empty, "nature")).toMatch(/NOG INVULLEN: soort inbreuk/);
    expect(section(empty, "consequences")).toMatch(/^NOG INVULLEN/);
    expect(section(empty, "timeline")).toMatch(/NOG INVULLEN: wanneer is het datalek ontstaan/);
    expect(section(empty, "measures_before")).toContain("End-to-end encryptie van berichten; Authenticatie");
    expect(section(empty, "about")).toContain("nieuwe melding");

    const filled = buildApNotificationDraft(
      input({
        organisationName: "Zorgcentrum Het Leefhuis",
        privacyContact: "FG, privacy@example.org",
        answers: { breach_types: ["confidentiality"], people_affected: 5, vulnerable_people: "yes" },
        assessment: { level: "high_risk", notifySubjects: true, reasons: ["Gezondheidsgegevens van kwetsbare personen."] },
      }),
    );
    expect(section(filled, "contact")).not.toContain("NOG INVULLEN");
    expect(section(filled, "nature")).toContain("Inzage of verstrekking aan onbevoegden");
    expect(section(filled, "people")).toContain("Aantal betrokkenen: 5");
    expect(section(filled, "consequences")).toContain("Gezondheidsgegevens van kwetsbare personen.");
    expect(section(filled, "personal_data")).toMatch(/Bijzondere .*: ja/);
  });

  it("lists the recorded corrective measures instead of asking for them", () => {
    const without = buildApNotificationDraft(input());
    const measuresSection = (draft: typeof without) => draft.sections.find((section) => section.id === "followup_measures")!;
    expect(measuresSection(without).lines.join("\n")).toContain("NOG INVULLEN");
    const withMeasures = buildApNotificationDraft(
      input({ measures: [{ what: "Zivver-adresboek opgeschoond", dueDate: "2026-12-01", done: false }] }),
    );
    const lines = measuresSection(withMeasures).lines.join("\n");
    expect(lines).toContain("Zivver-adresboek opgeschoond");
    expect(lines).toContain("2026-12-01");
    expect(lines).not.toContain("NOG INVULLEN");
    const notice = buildSubjectNoticeDraft(
      input({ measures: [{ what: "Extra controle op adressen", dueDate: "2026-12-01", done: true }] }),
    );
    expect(notice.text).toContain("Extra controle op adressen");
  });

  it("asks the reason for lateness only when past the deadline", () => {
    const timeline = (now: Date) =>
      buildApNotificationDraft(input({ now }))
        .sections.find((section) => section.id === "timeline")!
        .lines.join("\n");
    expect(timeline(new Date(DEADLINE.getTime() - 60_000))).not.toMatch(/vertraging/);
    expect(timeline(new Date(DEADLINE.getTime() + 60_000))).toMatch(/Reden van de vertraging: NOG INVULLEN/);
  });

  it("becomes a follow-up on the AP reference once notified", () => {
    const draft = buildApNotificationDraft(
      input({
        now: new Date(DEADLINE.getTime() + 48 * 3_600_000),
        apNotifications: [{ kind: "initial", apReference: "AP-99", notifiedAt: new Date("2026-11-24T10:00:00Z"), details: null }],
      }),
    );
    const about = draft.sections[0]!.lines.join("\n");
    expect(about).toContain("vervolgmelding");
    expect(about).toContain("AP-99");
    // Notified in time: no lateness in a follow-up.
    expect(draft.text).not.toMatch(/vertraging/);
  });
});

describe("buildSubjectNoticeDraft", () => {
  it("holds the Art. 34(2) content in plain Dutch", () => {
    const draft = buildSubjectNoticeDraft(input({ answers: { data_categories: ["credentials"] } }));
    expect(draft.sections.map((section) => section.id)).toEqual([...SUBJECT_NOTICE_SECTION_IDS]);
    const text = (id: string) => draft.sections.find((section) => section.id === id)!.lines.join("\n");
    expect(text("consequences")).toContain("inloggegevens");
    expect(text("self_help")).toContain("Verander uw wachtwoord");
    expect(text("measures")).toContain("Wij hebben het lek gestopt.");
    expect(text("contact")).toMatch(/NOG INVULLEN: naam, telefoonnummer/);
    expect(text("contact")).toContain("DL-2026-0007");
    const withContact = buildSubjectNoticeDraft(input({ privacyContact: "de privacyfunctionaris, 010-1234567" }));
    expect(withContact.sections.at(-1)!.lines[0]).toBe("Hebt u vragen? Neem contact op met de privacyfunctionaris, 010-1234567.");
  });
});

describe("validating what is recorded", () => {
  it("checks a follow-up field by field", () => {
    const bad = validateApFollowup({ kind: "other", apReference: " ", text: "" });
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(["ap_reference", "kind", "text"]);
    expect(validateApFollowup({ kind: "withdrawal", apReference: "AP-1", text: "Geen lek." })).toEqual({
      ok: true,
      kind: "withdrawal",
      apReference: "AP-1",
      text: "Geen lek.",
    });
  });
  it("checks a notice to the people concerned field by field", () => {
    const now = new Date("2026-11-24T09:00:00Z");
    const bad = validateSubjectNotice(
      { sentAt: new Date(now.getTime() + 3_600_000), method: "pigeon", recipientsCount: "2.5", note: null },
      now,
    );
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(["method", "recipients_count", "sent_at"]);
    const good = validateSubjectNotice({ sentAt: now, method: "email", recipientsCount: "12", note: "" }, now);
    expect(good).toEqual({ ok: true, sentAt: now, method: "email", recipientsCount: 12, note: null });
  });
});
