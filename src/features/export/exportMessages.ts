// The register sent to one person (`/datalek export`): a short message with
// two files, a CSV and a readable report, built when it is delivered, in
// the reader's language, with people named as their chat knows them. Sent
// only if the person may still see the whole register then.
import { PassThrough } from "node:stream";
import { DateTime } from "luxon";
import { z } from "zod";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { maySeeRegister } from "../audit/accessPolicy.ts";
import type { TMessageContext } from "../messageContext.ts";
import { exportRegister, type TExportFormat } from "./exportRegister.ts";

export const REGISTER_EXPORT_KIND = "export.register";

export const ZRegisterExportPayload = z.object({ person: z.string() });

async function exportToText(context: TMessageContext, format: TExportFormat): Promise<{ text: string; count: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const { count } = await exportRegister(
    {
      database: context.database,
      register: context.register,
      zone: context.organisation.zone,
      nameOf: context.nameOf,
    },
    { format, locale: context.locale, out, now: context.now },
  );
  out.end();
  return { text: Buffer.concat(chunks).toString("utf8"), count };
}

export const registerExportMessage = defineMessageKind({
  kind: REGISTER_EXPORT_KIND,
  payload: ZRegisterExportPayload,
  async build({ person }, context: TMessageContext) {
    // Roles may have changed since the request: check again.
    if (!maySeeRegister(context.roles, person)) return undefined;
    const t = context.texts.export.message;
    const csv = await exportToText(context, "csv");
    const report = await exportToText(context, "md");
    const stamp = DateTime.fromJSDate(context.now, { zone: context.organisation.zone }).toFormat("yyyy-MM-dd-HHmm");
    const name = `${t.fileName}-${stamp}`;
    return {
      summary: t.summary({ count: csv.count }),
      blocks: [{ kind: "text", text: t.comment({ count: csv.count }) }],
      files: [
        { filename: `${name}.csv`, title: t.csvTitle, content: csv.text },
        { filename: `${name}.md`, title: t.reportTitle, content: report.text },
      ],
    };
  },
});
