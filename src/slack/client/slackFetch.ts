// The transport under every Slack Web API client the bot makes. The client
// calls `fetch`; Node's global fetch (WHATWG streams over undici) cost about
// 1.4 ms of CPU per call against 0.7 ms for undici's own `request` in a
// scratch benchmark, and a report makes five calls. This keeps the client
// (its serialising, retries, rate-limit handling and errors) and changes only
// how the bytes travel: undici's request API on one keep-alive pool. Bodies
// that are not text (file uploads: FormData) go through the global fetch.
import type { Agent } from "undici";

// Loaded on the first call, not at start: importing undici takes 140-180 ms.
let undici: Promise<typeof import("undici")> | undefined;

/** What @slack/web-api reads of a response (WebClient.makeRequest and buildResult). */
export interface TSlackResponse {
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null; entries(): IterableIterator<[string, string]> };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  json(): Promise<unknown>;
}

interface TSlackRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | null;
}

const STATUS_TEXT: Record<number, string> = { 200: "OK", 429: "Too Many Requests" };

function responseOf(
  url: string,
  status: number,
  rawHeaders: Record<string, string | string[] | undefined>,
  body: Buffer,
): TSlackResponse {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value !== undefined) headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value);
  }
  return {
    status,
    statusText: STATUS_TEXT[status] ?? "",
    url,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null, entries: () => headers.entries() },
    text: async () => body.toString("utf8"),
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    json: async () => JSON.parse(body.toString("utf8")),
  };
}

/** A fetch for `new WebClient(token, { fetch })`, with a connection pool of its own (undici's defaults, as the global fetch has). */
export function createSlackFetch(): typeof fetch {
  let dispatcher: Agent | undefined;
  const slackFetch = async (input: string | URL | Request, init: TSlackRequestInit = {}): Promise<TSlackResponse> => {
    if (input instanceof Request || (init.body !== undefined && init.body !== null && typeof init.body !== "string")) {
      return fetch(input, init as RequestInit) as Promise<TSlackResponse>;
    }
    const url = String(input);
    // No redirects are followed (the client asks fetch for redirect: "error"): a 3xx is not 200, so the client refuses it.
    const { Agent, request } = await (undici ??= import("undici"));
    dispatcher ??= new Agent();
    const response = await request(url, {
      method: (init.method ?? "GET") as "GET" | "POST",
      headers: init.headers,
      body: init.body as string | undefined,
      signal: init.signal ?? undefined,
      dispatcher,
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    return responseOf(url, response.statusCode, response.headers, body);
  };
  return slackFetch as unknown as typeof fetch;
}
