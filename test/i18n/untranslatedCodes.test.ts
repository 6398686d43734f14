// No code reaches a person untranslated (issue 11): a whole incident, with
// a timeline entry of every kind there is, every refusal reason, an
// overridden assessment, notifications to the AP and the people concerned,
// a measure and the closing with an Art. 34(3) ground, is rendered as the
// details window (privacy officer and management), the CSV and the report
// of the export, in Dutch and in English, and none of the codes it was
// stored with may appear in what a person reads.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFUSAL_REASONS, TIMELINE_KINDS, type TTimelineKind } from "../../src/core/incidents/timelineKinds.ts";
import type { TLocale } from "../../src/core/text/locale.ts";
import { ManualClock } from "../../src/core/time/clock.ts";
import type { Database } from "../../src/core/storage/openDatabase.ts";
import { commandContext } from "../../src/features/audit/commandContext.ts";
import { incidentDetailsView } from "../../src/features/audit/incidentDetailsView.ts";
import { openIncidentDetails } from "../../src/features/audit/openIncidentDetails.ts";
import { evaluateBreach } from "../../src/features/checklist/assessBreach.ts";
import { assessmentRecord } from "../../src/features/checklist/assessmentRecord.ts";
import { exportRegister } from "../../src/features/export/exportRegister.ts";
import { renderFormDone } from "../../src/slack/render/renderForm.ts";
import { textsFor } from "../../src/texts/index.ts";
import { openMigratedTestDatabase } from "../support/testDatabases.ts";
import { testRegister } from "../support/startTestBot.ts";
import { untranslatedCodes } from "./knownCodes.ts";

const NOW = new Date("2026-11-27T09:00:00Z");
const HOUR = 3_600_000;
const DPO = "slack:U0DPO0001";
const STAFF = "slack:U0STAFF01";
const MANAGER = "slack:U0MANAGE1";
const NAMES: Record<string, string> = { [DPO]: "Pieter Jansen", [STAFF]: "Anneke de Vries", [MANAGER]: "Fatima El Amrani" };
const roles = { dpos: [DPO], admins: [], management: [MANAGER], systemOwners: [] };
const register = testRegister();

const answers = {
  personal_data: "yes",
  breach_types: ["confidentiality"],
  data_categories: ["health", "identity_contact"],
  people_affected: 4,
  vulnerable_people: "yes",
  identifiability: "maximum",
  unintelligible: "no",
  recipient: "known",
  recipients_count: 1,
  malicious: "no",
  availability_impact: "none",
  contained: "yes",
  harm_observed: "no",
} as const;

/** Details as the features write them, for the kinds whose details are put into words. */
function detailsOf(kind: TTimelineKind, index: number): Record<string, unknown> {
  if (kind.endsWith("_refused")) return { reason: REFUSAL_REASONS[index % REFUSAL_REASONS.length] };
  switch (kind) {
    case "reported":
      return { reference: "DL-2026-0001", system: "zivver", dataKinds: ["health"], peopleAffected: 4 };
    case "checklist_answered":
      return { questionId: "data_categories", value: ["health", "identity_contact"] };
    case "checklist_answer_confirmed":
      return { questionId: "recipient", value: "known" };
    case "checklist_answer_cleared":
      return { questionId: "malicious", previousValue: "no" };
    case "assessment_made":
    case "assessment_updated":
      return { previousLevel: "risk", level: "high_risk", severity: 3.5 };
    case "assessment_overridden":
      return { assessedLevel: "high_risk", level: "risk", reason: "Synthetisch: de ontvanger is een collega-zorgaanbieder." };
    case "assessment_confirmed":
      return { level: "high_risk" };
    case "decision_recorded":
      return { decision: "ap_notified", assessedLevel: "high_risk", effectiveLevel: "risk", contradictsAssessment: false };
    case "countdown_reminder":
      return { mark: { kind: "reminder", hoursBefore: 48 } };
    case "countdown_overdue":
      return { mark: { kind: "overdue", index: 0 } };
    case "closed":
      return {
        level: "high_risk",
        art34Exemption: { ground: "subsequent_measures", reason: "Synthetisch: alles teruggehaald." },
      };
    default:
      return {};
  }
}

const ACTORS = [DPO, STAFF, "bot", "cli", "erased", "system", MANAGER];

async function seedIncident(database: Database): Promise<void> {
  const prisma = database.prisma;
  const incident = await prisma.incident.create({
    data: {
      reference: "DL-2026-0001",
      submissionKey: "V0CODES",
      reporterId: STAFF,
      whatHappened: "Synthetisch: overdrachtsverslag naar een verkeerd adres gestuurd.",
      discoveredAt: new Date(NOW.getTime() - 90 * HOUR),
      awarenessAt: new Date(NOW.getTime() - 90 * HOUR),
      deadlineAt: new Date(NOW.getTime() - 18 * HOUR),
      system: "zivver",
      dataKinds: ["health", "identity_contact", "profile"],
      peopleAffected: 20_000,
      stopped: "yes",
      recipient: "known",
      status: "closed",
      ownerId: DPO,
      takenAt: new Date(NOW.getTime() - 89 * HOUR),
      decision: "ap_notified",
      decidedAt: new Date(NOW.getTime() - 60 * HOUR),
      decidedBy: DPO,
      decisionReason: "Synthetisch: gezondheidsgegevens bij een verkeerde ontvanger.",
      apReference: "M-2026-123456",
      closedAt: new Date(NOW.getTime() - HOUR),
      closedBy: DPO,
    },
  });
  await prisma.incidentAssessment.create({
    data: {
      incidentId: incident.id,
      level: "high_risk",
      result: assessmentRecord(evaluateBreach(answers as never, { sector: "care" }), "nl"),
      assessedAt: new Date(NOW.getTime() - 70 * HOUR),
      confirmedBy: DPO,
      confirmedAt: new Date(NOW.getTime() - 69 * HOUR),
      overrideLevel: "risk",
      overrideReason: "Synthetisch: de ontvanger is een collega-zorgaanbieder.",
    },
  });
  await prisma.timelineEntry.createMany({
    data: TIMELINE_KINDS.map((kind, index) => ({
      incidentId: incident.id,
      at: new Date(NOW.getTime() - (80 - index) * HOUR),
      actorId: ACTORS[index % ACTORS.length]!,
      kind,
      details: detailsOf(kind, index) as never,
    })),
  });
  await prisma.apNotification.createMany({
    data: [
      { kind: "initial", apReference: "M-2026-123456", sequence: 1, notifiedAt: new Date(NOW.getTime() - 60 * HOUR) },
      { kind: "followup", apReference: "M-2026-123456", sequence: 2, notifiedAt: new Date(NOW.getTime() - 30 * HOUR) },
    ].map((row) => ({ ...row, incidentId: incident.id, recordedBy: DPO, recordedAt: row.notifiedAt })),
  });
  await prisma.subjectNotice.create({
    data: {
      incidentId: incident.id,
      sentAt: new Date(NOW.getTime() - 20 * HOUR),
      method: "letter",
      recipientsCount: 4,
      recordedBy: DPO,
      recordedAt: new Date(NOW.getTime() - 20 * HOUR),
    },
  });
  await prisma.correctiveMeasure.create({
    data: {
      incidentId: incident.id,
      what: "Synthetisch: adresboek nalopen.",
      ownerId: DPO,
      dueDate: "2026-12-04",
      createdBy: DPO,
      createdAt: new Date(NOW.getTime() - 10 * HOUR),
      doneBy: DPO,
      doneAt: new Date(NOW.getTime() - 2 * HOUR),
    },
  });
}

describe("no code reaches a person untranslated", () => {
  let database: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ database, cleanup } = await openMigratedTestDatabase("pglite"));
    await seedIncident(database);
  });
  afterAll(async () => cleanup());

  const deps = () => ({
    database,
    clock: new ManualClock(NOW),
    roles,
    messaging: { platforms: ["slack"] },
    register,
    organisation: { sector: "care" as const, zone: "Europe/Amsterdam" },
  });

  for (const locale of ["nl", "en"] as const satisfies readonly TLocale[]) {
    it(`in the details window (${locale})`, async () => {
      const texts = textsFor(locale);
      for (const actor of [DPO, MANAGER]) {
        const shown = await openIncidentDetails(deps(), { reference: "DL-2026-0001", actor, via: "command" });
        if (shown.outcome !== "shown") throw new Error(shown.outcome);
        const view = renderFormDone(incidentDetailsView(shown, commandContext(deps(), { locale, texts })), {
          links: new Map(),
          someone: texts.common.someone,
        });
        const words = JSON.stringify(view);
        expect(untranslatedCodes(words, locale), `${actor}: ${words}`).toEqual([]);
        // Every entry of the timeline is there, by its label.
        for (const kind of TIMELINE_KINDS) expect(words).toContain(texts.audit.timeline.kinds[kind]);
      }
    });

    it(`in the export's CSV and report (${locale})`, async () => {
      for (const format of ["csv", "md"] as const) {
        const out = new PassThrough();
        const chunks: Buffer[] = [];
        out.on("data", (chunk: Buffer) => chunks.push(chunk));
        await exportRegister(
          { database, register, zone: "Europe/Amsterdam", nameOf: async (person) => NAMES[person] },
          { format, locale, out, now: NOW },
        );
        const words = Buffer.concat(chunks).toString("utf8");
        expect(untranslatedCodes(words, locale), words).toEqual([]);
        expect(words).toContain("Pieter Jansen");
        if (format === "md") {
          // No stored detail as data, no Markdown-escaped code.
          expect(words).not.toMatch(/\{"|\\_/);
          expect(words).toContain(locale === "nl" ? "20.000" : "20,000");
        }
      }
    });
  }
});
