// A short answer to one person, built from the text catalogue.
import { defineMessageKind } from "../messages/messageKind.ts";
import type { TTexts } from "../../texts/index.ts";
import type { TNoticeName } from "../../texts/notices.ts";
import { NOTICE_KIND, ZNoticePayload } from "./enqueueNotice.ts";

export const noticeMessage = defineMessageKind({
  kind: NOTICE_KIND,
  payload: ZNoticePayload,
  async build(payload, context: { texts: TTexts }) {
    const template = context.texts.notices[payload.notice as TNoticeName];
    // A notice this release does not know: say nothing rather than something wrong.
    if (!template) return undefined;
    const text = template(payload.params);
    return { summary: text, blocks: [{ kind: "text", text }] };
  },
});
