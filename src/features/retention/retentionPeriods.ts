// What a retention review is called: the system's name and its period in
// words ("Siilo (1e kwartaal 2027)"), and what its owner is to remove.
import type { RetentionReview } from "../../core/storage/generated/client.ts";
import type { TPeriodParts } from "../../texts/retention.ts";
import type { TMessageContext } from "../messageContext.ts";

/** A period key as cadences.ts writes them: 2026-11, 2026-Q4, 2026-H2, 2026. */
export function periodParts(key: string): TPeriodParts {
  const monthly = /^(\d{4})-(\d{2})$/.exec(key);
  if (monthly) return { cadence: "monthly", year: Number(monthly[1]), month: Number(monthly[2]) };
  const part = /^(\d{4})-([QH])([1-4])$/.exec(key);
  if (part) return { cadence: part[2] === "Q" ? "quarterly" : "half_yearly", year: Number(part[1]), part: Number(part[3]) };
  if (/^\d{4}$/.test(key)) return { cadence: "yearly", year: Number(key) };
  return { cadence: "unknown", key };
}

export function describeReview(review: Pick<RetentionReview, "systemKey" | "period">, context: TMessageContext) {
  const t = context.texts.retention;
  const system = context.register.systems.find((candidate) => candidate.key === review.systemKey);
  const name = system?.name ?? review.systemKey;
  const period = t.period(periodParts(review.period));
  return {
    system,
    name,
    period,
    title: t.title({ system: name, period }),
    action: system?.retention_action ?? t.nudge.defaultAction,
  };
}
