// A notification draft as a direct message: one section per part of the
// form, so the DPO can copy each into the matching field.
import type { KnownBlock } from "@slack/types";
import type { TDraft } from "../../domain/notifications/draftInput.ts";

const SECTION_TEXT_LIMIT = 2900;

export function renderDraftMessage(draft: TDraft, locale: "nl" | "en"): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: draft.title.slice(0, 150) } },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text:
            locale === "nl"
              ? `Alleen voor jou. Het hele concept staat ook in het bestand \`${draft.filename}\`. Vul aan wat met NOG INVULLEN gemarkeerd is.`
              : `For you only. The whole draft is also in the file \`${draft.filename}\`. Fill in what is marked NOG INVULLEN (to fill).`,
        },
      ],
    },
  ];
  draft.sections.forEach((section, index) => {
    const body = section.lines.join("\n");
    blocks.push({
      type: "section",
      block_id: `draft_${section.id}`,
      text: { type: "mrkdwn", text: `*${index + 1}. ${section.title}*\n${body}`.slice(0, SECTION_TEXT_LIMIT) },
    });
  });
  return { text: draft.title, blocks: blocks.slice(0, 50) };
}
