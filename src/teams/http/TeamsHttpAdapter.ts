// The Teams SDK's HTTP adapter, without a server of its own: the SDK
// registers its messaging endpoint here, and the bot serves it as one more
// route, on the port it already listens on (Slack's, or the Teams-only
// server with /healthz and /metrics). A body over the limit is refused
// before it is parsed.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from "@microsoft/teams.apps";

/** Far above any activity Teams sends (its own messages are limited to about 100 KB). */
const REQUEST_BODY_LIMIT = 1024 * 1024;

export interface TRoute {
  path: string;
  method: string[];
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}

export class TeamsHttpAdapter implements IHttpServerAdapter {
  private readonly handlers = new Map<string, HttpRouteHandler>();

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    this.handlers.set(`${method} ${path}`, handler);
  }

  /** The route for the SDK's messaging endpoint (POST /api/messages). */
  route(path: string): TRoute {
    return {
      path,
      method: ["POST"],
      handler: async (request, response) => {
        const handler = this.handlers.get(`POST ${path}`);
        if (!handler) {
          response.writeHead(503).end();
          return;
        }
        const raw = await readBody(request, REQUEST_BODY_LIMIT);
        if (raw === undefined) {
          response.writeHead(413).end();
          return;
        }
        let body: unknown;
        try {
          body = JSON.parse(raw.toString("utf8"));
        } catch {
          response.writeHead(400).end();
          return;
        }
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = value;
        const answer = await handler({ body, headers });
        if (answer.body === undefined || answer.body === null) {
          response.writeHead(answer.status).end();
          return;
        }
        response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" });
        response.end(JSON.stringify(answer.body));
      },
    };
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(undefined);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}
