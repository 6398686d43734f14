// `/datalek export`: privacy officers and administrators get the breach
// register as two files in their direct messages, a CSV and a readable
// report. The command only queues the work (outbox kind export.upload) and
// answers at once; the delivery builds the files from the database and
// uploads them with files.uploadV2.
import { PassThrough } from "node:stream";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { TText } from "../../assessment/questions.ts";
import { userRoles, type TBotContext } from "../../app/botContext.ts";
import { exportRegister, type TExportFormat } from "../../services/export/exportRegister.ts";
import { enqueueOutboxMessages } from "../../services/outbox/enqueueOutboxMessage.ts";
import type { TDeliveryOutcome } from "../../services/outbox/deliverOutbox.ts";
import { OUTBOX_KINDS } from "../../services/outbox/outboxKinds.ts";
import { DateTime } from "luxon";
import { cachedLocaleFor, localeFor } from "../i18n/localeFor.ts";
import type { TSubcommand } from "./subcommands.ts";

export const EXPORT_TEXTS = {
  refused: {
    nl: ":no_entry: Alleen privacyfunctionarissen en beheerders kunnen het register exporteren.",
    en: ":no_entry: Only privacy officers and administrators can export the register.",
  },
  queued: {
    nl: ":file_folder: Het register komt zo als twee bestanden (CSV en een leesbaar verslag) in je privéberichten.",
    en: ":file_folder: The register will arrive shortly as two files (CSV and a readable report) in your direct messages.",
  },
  comment: {
    nl: "Het register van datalekken ({count} incidenten). Bevat persoonsgegevens: niet doorsturen, veilig bewaren.",
    en: "The register of data breaches ({count} incidents). Contains personal data: do not forward, store securely.",
  },
  csvTitle: { nl: "Register datalekken (CSV)", en: "Data breach register (CSV)" },
  reportTitle: { nl: "Register datalekken (verslag)", en: "Data breach register (report)" },
} satisfies Record<string, TText>;

function mayExport(context: TBotContext, userId: string): boolean {
  const roles = userRoles(context, userId);
  return roles.includes("dpo") || roles.includes("admin");
}

export const exportSubcommand: TSubcommand = {
  words: ["export", "exporteer"],
  usage: "/datalek export",
  description: {
    nl: "het register als CSV en verslag in je privéberichten (privacyfunctionaris, beheerder)",
    en: "the register as CSV and a report in your direct messages (privacy officer, administrator)",
  },
  async run({ ack, bot, command }) {
    const locale = cachedLocaleFor(bot, command.user_id);
    if (!mayExport(bot, command.user_id)) {
      await ack({ response_type: "ephemeral", text: EXPORT_TEXTS.refused[locale] });
      return;
    }
    await enqueueOutboxMessages(bot.database.prisma, [
      { kind: OUTBOX_KINDS.exportUpload, payload: { userId: command.user_id }, notBefore: bot.clock.now() },
    ]);
    bot.logger.info({ userId: command.user_id }, "register export requested");
    await ack({ response_type: "ephemeral", text: EXPORT_TEXTS.queued[locale] });
    bot.wakeOutbox();
  },
};

async function exportToBuffer(
  context: TBotContext,
  format: TExportFormat,
  locale: "nl" | "en",
): Promise<{ bytes: Buffer; count: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const { count } = await exportRegister(
    { database: context.database, register: context.register, zone: context.settings.TIMEZONE },
    { format, locale, out, now: context.clock.now() },
  );
  out.end();
  return { bytes: Buffer.concat(chunks), count };
}

/** Delivery of export.upload: both files to the requester's DM, if they may still export. */
export async function deliverExportUpload(context: TBotContext, client: WebClient, payload: unknown): Promise<TDeliveryOutcome> {
  const { userId } = z.object({ userId: z.string() }).parse(payload);
  if (!mayExport(context, userId)) return { status: "delivered", result: { refused: true } };
  const locale = await localeFor(context, userId);
  const [csv, report] = [await exportToBuffer(context, "csv", locale), await exportToBuffer(context, "md", locale)];
  const stamp = DateTime.fromJSDate(context.clock.now(), { zone: context.settings.TIMEZONE }).toFormat("yyyy-MM-dd-HHmm");
  const name = locale === "nl" ? "register-datalekken" : "data-breach-register";
  const dm = await client.conversations.open({ users: userId });
  const channelId = dm.channel?.id ?? userId;
  await client.files.uploadV2({
    channel_id: channelId,
    initial_comment: EXPORT_TEXTS.comment[locale].replace("{count}", String(csv.count)),
    file_uploads: [
      { file: csv.bytes, filename: `${name}-${stamp}.csv`, title: EXPORT_TEXTS.csvTitle[locale] },
      { file: report.bytes, filename: `${name}-${stamp}.md`, title: EXPORT_TEXTS.reportTitle[locale] },
    ],
  });
  return { status: "delivered", result: { channelId, incidents: csv.count } };
}
