// Bolt's HTTPReceiver reads `body.ssl_check` before any try/catch: a
// (signed) body whose JSON is `null` (e.g. `payload=null`) leaves the
// request unanswered and rejects a promise nobody handles, which can end the
// process; a payload without a `type` makes Bolt answer 500. This guard runs
// before the receiver: it buffers the body (Bolt reuses the buffer) and
// answers 400, with a log line, to anything that is not a Slack envelope
// (ZSlackEnvelope), so such input never reaches Bolt or a listener.
import { HTTPModuleFunctions, type HTTPReceiver } from "@slack/bolt";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import type { Logger } from "pino";
import { z } from "zod";

/** What every Slack request is at the top: a slash command, an interaction or event with a type, or an SSL check. */
export const ZSlackEnvelope = z.union([
  z.looseObject({ command: z.string().min(1), user_id: z.string().min(1) }),
  z.looseObject({ type: z.string().min(1) }),
  z.looseObject({ ssl_check: z.string() }),
]);

function parsedBody(contentType: string | undefined, raw: string): unknown {
  if (contentType === "application/x-www-form-urlencoded") {
    const form = parseQuery(raw);
    return typeof form.payload === "string" ? JSON.parse(form.payload) : { ...form };
  }
  return JSON.parse(raw);
}

export function guardRequestBodies(receiver: HTTPReceiver, bodyLimit: number, logger: Logger): void {
  const target = receiver as unknown as { requestListener: (request: IncomingMessage, response: ServerResponse) => void };
  const original = target.requestListener;
  target.requestListener = (request, response) => {
    if (request.method !== "POST") return original(request, response);
    HTTPModuleFunctions.bufferIncomingMessage(request, bodyLimit).then(
      (buffered) => {
        let body: unknown;
        try {
          body = parsedBody(request.headers["content-type"], buffered.rawBody.toString());
        } catch {
          return original(buffered, response); // Bolt answers unparsable bodies with 400 itself.
        }
        if (!ZSlackEnvelope.safeParse(body).success) {
          logger.warn(
            { kind: body === null ? "null" : Array.isArray(body) ? "array" : typeof body },
            "request is not a Slack payload; refused",
          );
          response.writeHead(400);
          response.end();
          return;
        }
        original(buffered, response);
      },
      (error: { statusCode?: number; message?: string }) => {
        logger.warn({ error: error.message }, "request body could not be read; refused");
        response.writeHead(error.statusCode === 413 ? 413 : 400);
        response.end();
      },
    );
  };
}
