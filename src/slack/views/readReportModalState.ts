// Turns the modal's state.values into the domain's raw report. zod checks
// the shape Slack sends; anything unexpected reads as "not filled in", and
// the domain's validation answers it field by field.
import { z } from "zod";
import type { TRawReport } from "../../domain/incidents/reportInput.ts";

const ZOption = z.object({ value: z.string() }).nullish();
const ZElementState = z
  .object({
    value: z.string().nullish(),
    selected_date_time: z.number().nullish(),
    selected_option: ZOption,
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
  })
  .loose();

export const ZViewStateValues = z.record(z.string(), z.record(z.string(), ZElementState));
export type TViewStateValues = z.infer<typeof ZViewStateValues>;

function element(values: TViewStateValues, id: string) {
  return values[id]?.[id];
}

export function readReportModalState(rawValues: unknown): TRawReport {
  const parsed = ZViewStateValues.safeParse(rawValues);
  const values: TViewStateValues = parsed.success ? parsed.data : {};
  return {
    what_happened: element(values, "what_happened")?.value ?? null,
    discovered_at: element(values, "discovered_at")?.selected_date_time ?? null,
    occurred_at: element(values, "occurred_at")?.selected_date_time ?? null,
    system: element(values, "system")?.selected_option?.value ?? null,
    data_kinds: element(values, "data_kinds")?.selected_options?.map((selected) => selected.value) ?? [],
    people_affected: element(values, "people_affected")?.value ?? null,
    stopped: element(values, "stopped")?.selected_option?.value ?? null,
    recipient: element(values, "recipient")?.selected_option?.value ?? null,
  };
}
