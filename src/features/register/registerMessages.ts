// Telling the administrators that the register file is broken and the last
// good register is used meanwhile.
import { z } from "zod";
import { defineMessageKind } from "../../core/messages/messageKind.ts";
import { formatLocal } from "../../core/time/formatLocal.ts";
import type { TMessageContext } from "../messageContext.ts";

export const REGISTER_BROKEN_KIND = "register.broken";

export const registerBrokenMessage = defineMessageKind({
  kind: REGISTER_BROKEN_KIND,
  payload: z.object({ file: z.string(), problems: z.array(z.string()), lastGoodAt: z.string() }),
  async build(payload, context: TMessageContext) {
    const t = context.texts.register.broken;
    const lastGood = formatLocal(new Date(payload.lastGoodAt), context.organisation.zone, context.locale);
    return {
      summary: t.summary,
      blocks: [
        { kind: "text", text: t.heading },
        { kind: "text", text: t.intro({ file: payload.file, lastGood }) },
        { kind: "text", text: t.problems },
        // The problems name lines and fields of the file: shown as they are.
        { kind: "quote", text: payload.problems.slice(0, 20).join("\n") },
      ],
    };
  },
});
