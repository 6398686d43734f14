// The answer to a file consent card (a draft or an export): accepted, the
// file goes to the person's OneDrive through the upload URL Teams handed
// over, and a file card follows in the chat; declined, the card says so.
// The file is built again from its outbox message, for the person it was
// for only: the consent card carries no content, just which message and file.
import { z } from "zod";
import { storedOutboxMessage } from "../../core/outbox/OutboxWorker.ts";
import { textsFor } from "../../texts/index.ts";
import { FILE_INFO_CONTENT_TYPE } from "../render/cardTypes.ts";
import { TEAMS_PLATFORM } from "../identity.ts";
import { localeOf, readIncoming } from "./incoming.ts";
import type { TTeamsListenerDeps } from "./teamsListenerDeps.ts";

/** OneDrive takes fragments in multiples of 320 KiB, each under 60 MiB. */
const UPLOAD_FRAGMENT_BYTES = 320 * 1024 * 12;

const ZConsent = z
  .object({
    action: z.enum(["accept", "decline"]),
    context: z.object({ outbox: z.string().regex(/^\d{1,20}$/), file: z.number().int().min(0).max(20) }),
    uploadInfo: z
      .object({
        uploadUrl: z.string().url(),
        contentUrl: z.string(),
        uniqueId: z.string(),
        name: z.string(),
        fileType: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

export function fileConsent(deps: TTeamsListenerDeps) {
  return async (activity: unknown): Promise<void> => {
    const incoming = readIncoming(activity);
    const parsed = ZConsent.safeParse(incoming?.value);
    if (!incoming?.actor || !parsed.success) {
      deps.logger.warn({ issue: parsed.error?.issues[0]?.message }, "a file consent answer that does not parse was ignored");
      return;
    }
    const { action, context, uploadInfo } = parsed.data;
    const locale = localeOf(incoming, deps.defaultLocale);
    const texts = textsFor(locale);
    const row = await deps.database.prisma.outboxMessage.findUnique({ where: { id: BigInt(context.outbox) } });
    const message = row ? storedOutboxMessage(row) : undefined;
    // Only the person the file was for may have it.
    const forActor =
      message?.platform === TEAMS_PLATFORM && message.target.to === "person" && message.target.person === incoming.actor;
    const content = forActor ? await deps.delivery.rebuild(message, locale) : undefined;
    const file = content?.files?.[context.file];
    const chat = await deps.delivery.personalChat(incoming.objectId!);
    const client = deps.delivery.clientFor(chat.serviceUrl).activities(chat.conversationId);
    const say = async (text: string) => {
      // The consent card becomes the outcome, so it cannot be answered twice.
      if (incoming.replyToId) await client.update(incoming.replyToId, { type: "message", text } as never).catch(() => undefined);
      else await client.create({ type: "message", text } as never);
    };
    if (!file) {
      deps.logger.warn({ outbox: context.outbox, forActor }, "a file consent answer for no file of this person");
      return void (await say(texts.teams.fileGone));
    }
    if (action === "decline" || !uploadInfo) return void (await say(texts.teams.fileDeclined({ name: file.filename })));
    const bytes = Buffer.from(file.content, "utf8");
    for (let start = 0; start < bytes.length || start === 0; start += UPLOAD_FRAGMENT_BYTES) {
      const fragment = bytes.subarray(start, Math.min(bytes.length, start + UPLOAD_FRAGMENT_BYTES));
      // The upload URL is pre-authenticated: no Authorization header.
      const response = await fetch(uploadInfo.uploadUrl, {
        method: "PUT",
        // The length goes with the body; the range says where it belongs.
        headers: { "content-range": `bytes ${start}-${start + fragment.length - 1}/${bytes.length}` },
        body: fragment,
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) {
        deps.logger.error({ status: response.status }, "uploading a file to OneDrive failed");
        return void (await say(texts.teams.fileGone));
      }
      if (bytes.length === 0) break;
    }
    deps.logger.info({ kind: row!.kind }, "file uploaded after consent");
    await say(texts.teams.fileAccepted({ name: uploadInfo.name }));
    await client.create({
      type: "message",
      attachments: [
        {
          contentType: FILE_INFO_CONTENT_TYPE,
          contentUrl: uploadInfo.contentUrl,
          name: uploadInfo.name,
          content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType ?? "" },
        },
      ],
    } as never);
  };
}
