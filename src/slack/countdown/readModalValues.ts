// Reads the values of a submitted modal, where block_id equals action_id.
import { z } from "zod";

const ZStateValue = z
  .object({
    value: z.string().nullish(),
    selected_date_time: z.number().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
  })
  .passthrough();
const ZStateValues = z.record(z.string(), z.record(z.string(), ZStateValue)).default({});

export function readModalValues(values: unknown) {
  const parsed = ZStateValues.safeParse(values ?? {});
  const state = parsed.success ? parsed.data : {};
  const get = (id: string) => state[id]?.[id];
  return {
    text: (id: string) => get(id)?.value ?? null,
    dateTime: (id: string) => get(id)?.selected_date_time ?? null,
    selected: (id: string) => get(id)?.selected_option?.value ?? null,
  };
}

/** Errors keyed by block id, in the user's language, as Slack wants them. */
export function localisedErrors(errors: Record<string, { nl: string; en: string }>, locale: "nl" | "en"): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, message[locale]]));
}
