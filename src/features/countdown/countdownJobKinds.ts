// The kinds of scheduled job of the countdown and their dedupe keys. The
// deadline is part of every countdown key and series, so a corrected
// awareness time schedules fresh reminders instead of colliding with the old.
import { z } from "zod";
import { markLabel, REMINDER_HOURS_BEFORE, type TCountdownMark } from "./countdownPlan.ts";

export const COUNTDOWN_JOB_KINDS = {
  reminder: "countdown.reminder",
  repage: "countdown.repage",
} as const;

export const ZCountdownMark = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("reminder"), hoursBefore: z.union(REMINDER_HOURS_BEFORE.map((hours) => z.literal(hours))) }),
  z.object({ kind: z.literal("overdue"), index: z.number().int().min(0) }),
]);

export const ZCountdownJobPayload = z.object({ deadlineAt: z.string(), mark: ZCountdownMark });
export type TCountdownJobPayload = z.infer<typeof ZCountdownJobPayload>;

export const ZRepageJobPayload = z.object({ reportedAt: z.string(), index: z.number().int().min(0) });

export function countdownSeries(incidentId: string, deadlineAt: Date): string {
  return `countdown:${incidentId}:${deadlineAt.toISOString()}`;
}

export function countdownDedupeKey(incidentId: string, deadlineAt: Date, mark: TCountdownMark): string {
  return `${countdownSeries(incidentId, deadlineAt)}:${markLabel(mark)}`;
}

export function repageSeries(incidentId: string): string {
  return `repage:${incidentId}`;
}

export function repageDedupeKey(incidentId: string, index: number): string {
  return `${repageSeries(incidentId)}:${index}`;
}
