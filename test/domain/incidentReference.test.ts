// References read DL-<year>-<sequence>, the sequence padded to four digits
// and growing beyond them after 9999 (product.md: "DL-2026-0007").
import { describe, expect, it } from "vitest";
import {
  formatIncidentReference,
  parseIncidentReference,
  REFERENCE_PATTERN,
} from "../../src/core/incidents/incidentReference.ts";

describe("formatIncidentReference", () => {
  it("pads the sequence to four digits", () => {
    expect(formatIncidentReference(2026, 1)).toBe("DL-2026-0001");
    expect(formatIncidentReference(2026, 7)).toBe("DL-2026-0007");
    expect(formatIncidentReference(2026, 42)).toBe("DL-2026-0042");
    expect(formatIncidentReference(2026, 123)).toBe("DL-2026-0123");
    expect(formatIncidentReference(2027, 9999)).toBe("DL-2027-9999");
  });

  it("grows beyond four digits after 9999 rather than wrapping or truncating", () => {
    expect(formatIncidentReference(2026, 10000)).toBe("DL-2026-10000");
    expect(formatIncidentReference(2026, 123456)).toBe("DL-2026-123456");
  });

  it("refuses sequences that are not positive whole numbers", () => {
    for (const sequence of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => formatIncidentReference(2026, sequence), String(sequence)).toThrow(/invalid sequence/);
    }
  });

  it("produces text that the pattern accepts", () => {
    for (const sequence of [1, 9999, 10000]) expect(formatIncidentReference(2026, sequence)).toMatch(REFERENCE_PATTERN);
  });
});

describe("parseIncidentReference", () => {
  it("reads year and sequence", () => {
    expect(parseIncidentReference("DL-2026-0007")).toEqual({ year: 2026, sequence: 7 });
    expect(parseIncidentReference("DL-2027-9999")).toEqual({ year: 2027, sequence: 9999 });
    expect(parseIncidentReference("DL-2026-10000")).toEqual({ year: 2026, sequence: 10000 });
  });

  it("accepts what people type: lower case and surrounding spaces", () => {
    expect(parseIncidentReference("dl-2026-0012")).toEqual({ year: 2026, sequence: 12 });
    expect(parseIncidentReference("  DL-2026-0012\n")).toEqual({ year: 2026, sequence: 12 });
  });

  it("round-trips every formatted reference", () => {
    for (const [year, sequence] of [
      [2026, 1],
      [2026, 999],
      [2030, 9999],
      [2031, 10001],
    ] as const) {
      expect(parseIncidentReference(formatIncidentReference(year, sequence))).toEqual({ year, sequence });
    }
  });

  it("rejects text that is not a reference", () => {
    for (const text of [
      "",
      "DL-2026-7", // unpadded
      "DL-2026-007",
      "DL-26-0007", // two-digit year
      "DX-2026-0007",
      "DL2026-0007",
      "DL-2026-0007-extra",
      "see DL-2026-0007",
      "DL-2026-00O7", // letter O
    ]) {
      expect(parseIncidentReference(text), text).toBeUndefined();
    }
  });
});
