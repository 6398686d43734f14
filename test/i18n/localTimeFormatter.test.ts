// The export's fast local-time formatter must say exactly what luxon (and
// formatLocal) say, also around daylight-saving changes.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatLocal } from "../../src/core/time/formatLocal.ts";
import { createLocalTimeFormatter } from "../../src/features/export/localTimeFormatter.ts";

describe("fast local times for exports", () => {
  for (const locale of ["nl", "en"] as const) {
    it(`matches luxon and formatLocal in ${locale}`, () => {
      const fast = createLocalTimeFormatter("Europe/Amsterdam", locale);
      // 2026-03-29 01:00 UTC and 2026-10-25 01:00 UTC are the DST changes.
      const edges = ["2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", "2026-10-25T00:59:00Z", "2026-10-25T01:00:00Z"].map(
        (s) => new Date(s),
      );
      const check = (at: Date) => {
        expect(fast.iso(at)).toBe(
          DateTime.fromJSDate(at, { zone: "Europe/Amsterdam" })
            .toISO({ suppressMilliseconds: true })!
            .replace(/(\d\d:\d\d:\d\d)\.\d+/, "$1"),
        );
        expect(fast.display(at)).toBe(formatLocal(at, "Europe/Amsterdam", locale));
      };
      for (const at of edges) check(new Date(Math.floor(at.getTime() / 1000) * 1000));
      fc.assert(
        fc.property(fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), (seconds) => check(new Date(seconds * 1000))),
        { numRuns: 300 },
      );
    });
  }
});
