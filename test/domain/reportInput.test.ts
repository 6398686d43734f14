// validateReport: every rule of the report modal, with its boundaries.
import { describe, expect, it } from "vitest";
import { DATA_CATEGORIES, RECIPIENT_VALUES } from "../../src/features/checklist/questions.ts";
import {
  CLOCK_SKEW_MINUTES,
  MAX_DESCRIPTION_LENGTH,
  validateReport,
  type TRawReport,
  type TReportVocabulary,
  type TReportProblem,
} from "../../src/features/report/reportInput.ts";
import { textsFor } from "../../src/texts/index.ts";

// Monday 23 November 2026, 10:00 in Amsterdam.
const NOW = new Date("2026-11-23T09:00:00Z");
const nowPlus = (milliseconds: number) => new Date(NOW.getTime() + milliseconds);
/** What a person reads for a problem, in one language. */
const say = (problem: TReportProblem | undefined, locale: "nl" | "en") =>
  problem ? (textsFor(locale).report.problems[problem.code] as (p: TReportProblem) => string)(problem) : "";
const MINUTE = 60_000;

const VOCABULARY: TReportVocabulary = {
  systemKeys: ["carefriend", "zivver", "siilo", "email", "paper", "other"],
  dataKinds: DATA_CATEGORIES,
  recipients: RECIPIENT_VALUES,
};

function valid(overrides: Partial<TRawReport> = {}): TRawReport {
  return {
    what_happened: "Overdrachtsformulier naar een verkeerd adres gemaild (synthetisch).",
    discovered_at: nowPlus(-2 * 60 * MINUTE),
    occurred_at: null,
    system: "zivver",
    data_kinds: ["health"],
    people_affected: "3",
    stopped: "yes",
    recipient: "known",
    ...overrides,
  };
}

function errorFields(raw: TRawReport): string[] {
  const result = validateReport(raw, NOW, VOCABULARY);
  return result.ok ? [] : Object.keys(result.problems).sort();
}

function accepted(raw: TRawReport) {
  const result = validateReport(raw, NOW, VOCABULARY);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.report;
}

describe("validateReport", () => {
  it("accepts a complete report and returns it typed", () => {
    const report = accepted(valid({ occurred_at: nowPlus(-5 * 60 * MINUTE), data_kinds: ["health", "identity_contact"] }));
    expect(report).toEqual({
      whatHappened: "Overdrachtsformulier naar een verkeerd adres gemaild (synthetisch).",
      discoveredAt: new Date(NOW.getTime() - 2 * 60 * MINUTE),
      occurredAt: new Date(NOW.getTime() - 5 * 60 * MINUTE),
      system: "zivver",
      dataKinds: ["health", "identity_contact"],
      peopleAffected: 3,
      stopped: "yes",
      recipient: "known",
    });
  });

  it("names every missing required field, and not the optional occurrence", () => {
    const empty: TRawReport = {};
    expect(errorFields(empty)).toEqual(
      ["data_kinds", "discovered_at", "people_affected", "recipient", "stopped", "system", "what_happened"].sort(),
    );
    const result = validateReport(empty, NOW, VOCABULARY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(say(result.problems.what_happened, "nl")).toBe("Vul dit veld in.");
      expect(say(result.problems.what_happened, "en")).toBe("Please fill in this field.");
      // Every problem reads in Dutch and English.
      for (const problem of Object.values(result.problems)) {
        expect(say(problem, "nl")).toBeTruthy();
        expect(say(problem, "en")).toBeTruthy();
      }
    }
  });

  it("treats null fields as missing", () => {
    expect(
      errorFields({
        what_happened: null,
        discovered_at: null,
        occurred_at: null,
        system: null,
        data_kinds: null,
        people_affected: null,
        stopped: null,
        recipient: null,
      }),
    ).toHaveLength(7);
  });

  describe("what happened", () => {
    it("accepts 3000 characters and refuses 3001", () => {
      expect(MAX_DESCRIPTION_LENGTH).toBe(3000);
      expect(accepted(valid({ what_happened: "x".repeat(3000) })).whatHappened).toHaveLength(3000);
      expect(errorFields(valid({ what_happened: "x".repeat(3001) }))).toEqual(["what_happened"]);
      const result = validateReport(valid({ what_happened: "x".repeat(3001) }), NOW, VOCABULARY);
      if (result.ok) throw new Error("accepted 3001 characters");
      expect(say(result.problems.what_happened, "nl")).toContain("3.001");
      expect(say(result.problems.what_happened, "en")).toContain("At most 3,000 characters");
    });

    it("counts the text after trimming spaces and refuses text that is only spaces", () => {
      expect(accepted(valid({ what_happened: `  ${"x".repeat(3000)}\n ` })).whatHappened).toBe("x".repeat(3000));
      expect(errorFields(valid({ what_happened: "   \n\t " }))).toEqual(["what_happened"]);
    });
  });

  describe("discovery time", () => {
    it(`accepts a discovery ${CLOCK_SKEW_MINUTES} minutes ahead (clock skew) and refuses 6 minutes ahead`, () => {
      expect(CLOCK_SKEW_MINUTES).toBe(5);
      expect(accepted(valid({ discovered_at: nowPlus(5 * MINUTE) })).discoveredAt.getTime()).toBe(NOW.getTime() + 5 * MINUTE);
      expect(errorFields(valid({ discovered_at: nowPlus(6 * MINUTE) }))).toEqual(["discovered_at"]);
      expect(errorFields(valid({ discovered_at: nowPlus(5 * MINUTE + 1000) }))).toEqual(["discovered_at"]);
    });

    it("accepts a discovery long ago", () => {
      expect(errorFields(valid({ discovered_at: new Date("2025-01-01T00:00:00Z") }))).toEqual([]);
    });

    it("refuses a time that is not a date", () => {
      expect(errorFields(valid({ discovered_at: new Date(Number.NaN) }))).toEqual(["discovered_at"]);
    });
  });

  describe("occurrence time", () => {
    it("is optional", () => {
      expect(accepted(valid({ occurred_at: null })).occurredAt).toBeNull();
      expect(accepted(valid({ occurred_at: undefined })).occurredAt).toBeNull();
    });

    it("accepts an occurrence equal to the discovery and refuses one second after it", () => {
      const discovered = nowPlus(-60 * MINUTE);
      expect(accepted(valid({ discovered_at: discovered, occurred_at: discovered })).occurredAt).toEqual(discovered);
      expect(errorFields(valid({ discovered_at: discovered, occurred_at: new Date(discovered.getTime() + 1000) }))).toEqual([
        "occurred_at",
      ]);
    });
  });

  describe("system", () => {
    it("accepts register keys and the extra channels", () => {
      for (const system of ["carefriend", "siilo", "email", "paper", "other"]) {
        expect(accepted(valid({ system })).system).toBe(system);
      }
    });

    it("refuses an unknown system", () => {
      expect(errorFields(valid({ system: "dropbox" }))).toEqual(["system"]);
      // Keys are exact: no case folding.
      expect(errorFields(valid({ system: "Zivver" }))).toEqual(["system"]);
    });
  });

  describe("data kinds", () => {
    it("refuses none and refuses an unknown kind", () => {
      expect(errorFields(valid({ data_kinds: [] }))).toEqual(["data_kinds"]);
      expect(errorFields(valid({ data_kinds: ["health", "shoe_size"] }))).toEqual(["data_kinds"]);
    });

    it("drops duplicates, keeping the first order", () => {
      expect(accepted(valid({ data_kinds: ["health", "financial", "health", "financial"] })).dataKinds).toEqual([
        "health",
        "financial",
      ]);
    });
  });

  describe("people affected", () => {
    it("accepts 0 and 10,000,000 and refuses 10,000,001", () => {
      expect(accepted(valid({ people_affected: "0" })).peopleAffected).toBe(0);
      expect(accepted(valid({ people_affected: "10000000" })).peopleAffected).toBe(10_000_000);
      expect(errorFields(valid({ people_affected: "10000001" }))).toEqual(["people_affected"]);
    });

    it("refuses fractions, negative numbers, exponents and words", () => {
      for (const text of ["12.5", "-1", "1e3", "drie", "3 personen", "0x10", "１２"]) {
        expect(errorFields(valid({ people_affected: text })), text).toEqual(["people_affected"]);
      }
    });

    it("accepts a number with spaces around it", () => {
      expect(accepted(valid({ people_affected: " 7 " })).peopleAffected).toBe(7);
    });

    it("refuses an empty or blank count as missing", () => {
      expect(errorFields(valid({ people_affected: "" }))).toEqual(["people_affected"]);
      expect(errorFields(valid({ people_affected: "   " }))).toEqual(["people_affected"]);
      const result = validateReport(valid({ people_affected: "  " }), NOW, VOCABULARY);
      if (result.ok) throw new Error("accepted a blank count");
      expect(say(result.problems.people_affected, "en")).toBe("Please fill in this field.");
    });

    it("states the allowed range in the error, Dutch and English", () => {
      const result = validateReport(valid({ people_affected: "12.5" }), NOW, VOCABULARY);
      if (result.ok) throw new Error("accepted 12.5");
      expect(say(result.problems.people_affected, "nl")).toContain("10.000.000");
      expect(say(result.problems.people_affected, "en")).toContain("10,000,000");
    });
  });

  describe("stopped", () => {
    it("accepts yes, no and unknown, nothing else", () => {
      for (const stopped of ["yes", "no", "unknown"]) expect(accepted(valid({ stopped })).stopped).toBe(stopped);
      expect(errorFields(valid({ stopped: "maybe" }))).toEqual(["stopped"]);
    });
  });

  describe("recipient", () => {
    it("accepts every recipient of the checklist and refuses an unknown one", () => {
      for (const recipient of RECIPIENT_VALUES) expect(accepted(valid({ recipient })).recipient).toBe(recipient);
      expect(errorFields(valid({ recipient: "the_press" }))).toEqual(["recipient"]);
    });
  });

  it("reports every wrong field at once", () => {
    expect(
      errorFields(
        valid({
          what_happened: "x".repeat(3001),
          discovered_at: nowPlus(10 * MINUTE),
          system: "dropbox",
          data_kinds: ["shoe_size"],
          people_affected: "-1",
          stopped: "maybe",
          recipient: "the_press",
        }),
      ),
    ).toEqual(["data_kinds", "discovered_at", "people_affected", "recipient", "stopped", "system", "what_happened"].sort());
  });
});
