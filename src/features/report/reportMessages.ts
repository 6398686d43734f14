// What the reporter sees after reporting: the form turns into the reference
// at once, and a receipt in their direct messages keeps it with what to do
// next.
import { z } from "zod";
import type { TBlock } from "../../core/messages/message.ts";
import type { TFormDone } from "../../core/messages/form.ts";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { strong } from "../../core/text/richText.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { TTexts } from "../../texts/index.ts";
import { incidentFor, type TMessageContext } from "../messageContext.ts";

export const REPORT_RECEIPT_KIND = "report.receipt";

export function nextSteps(texts: TTexts): TBlock[] {
  return [
    { kind: "text", text: [strong(texts.report.nextSteps.heading)] },
    ...texts.report.nextSteps.steps.map((step): TBlock => ({ kind: "text", text: step })),
  ];
}

export function reportReceivedForm(
  incident: { reference: string; deadlineAt: Date },
  texts: TTexts,
  zone: string,
  locale: "nl" | "en",
): TFormDone {
  const t = texts.report.received;
  return {
    title: t.title,
    close: t.close,
    blocks: [
      {
        kind: "text",
        text: t.recorded({ reference: incident.reference, deadline: formatLocal(incident.deadlineAt, zone, locale) }),
      },
      ...nextSteps(texts),
    ],
  };
}

export const reportReceiptMessage = defineMessageKind({
  kind: REPORT_RECEIPT_KIND,
  payload: z.object({ incidentId: z.string() }),
  async build({ incidentId }, context: TMessageContext) {
    const incident = await incidentFor(context, incidentId);
    if (!incident) return undefined;
    const t = context.texts.report.receipt;
    const deadline = formatLocal(incident.deadlineAt, context.organisation.zone, context.locale);
    return {
      summary: t.summary({ reference: incident.reference }),
      blocks: [
        { kind: "text", text: [t.thanks, strong(incident.reference), t.paged, strong(deadline), t.done] },
        ...nextSteps(context.texts),
      ],
    };
  },
});
