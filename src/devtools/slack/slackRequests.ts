/**
 * Builds requests to the bot the way Slack does (slash commands, view submissions, block
 * actions, Events API events) and delivers them: by default over real HTTP, signed with the
 * signing secret; with another `TSlackDelivery` (e.g. a Socket Mode stand-in) over that channel.
 *
 * Each request is built as a plain object first (a slash command as its flat field record, an
 * interaction as its payload object, an event as the Events API body) and handed to the delivery,
 * so HTTP and Socket Mode carry the same payloads.
 */
import { createHmac, randomBytes } from "node:crypto";

export interface SlackSignatureHeaders {
  "X-Slack-Signature": string;
  "X-Slack-Request-Timestamp": string;
}

/** Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:${ts}:${body}` keyed with the signing secret. */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestampSeconds}:${body}`).digest("hex");
  return {
    "X-Slack-Signature": `v0=${digest}`,
    "X-Slack-Request-Timestamp": String(timestampSeconds),
  };
}

export interface BotResponse {
  status: number;
  /** Parsed JSON when the body is JSON, otherwise the raw text ('' for an empty body). */
  body: unknown;
  headers: Record<string, string>;
}

/** Per-request overrides, e.g. to test that the bot rejects forged or stale requests. */
export interface SendOptions {
  /** Sign with this secret instead of the real one (e.g. a wrong secret). */
  signingSecret?: string;
  /** Use this request timestamp (unix seconds) instead of now (e.g. `now - 600` for a stale request). */
  timestampSeconds?: number;
  /** Send without signature headers at all. */
  unsigned?: boolean;
  /** Extra headers (override the defaults). */
  headers?: Record<string, string>;
  /**
   * Deliver as Slack's retry of an event it did not get acknowledged: over HTTP the headers
   * `X-Slack-Retry-Num` and `X-Slack-Retry-Reason` (https://docs.slack.dev/apis/events-api/,
   * "Retries"); a Socket Mode delivery puts them in the envelope's `retry_attempt` / `retry_reason`.
   */
  retry?: { num: number; reason: string };
}

/** Socket Mode envelope types, which name the three kinds of requests Slack sends an app. */
export type TSlackEnvelopeType = "slash_commands" | "interactive" | "events_api";

export interface TSlackDelivery {
  /** Delivers one request as Slack would; resolves with the bot's answer (status 200 and the ack's payload, or the HTTP answer). */
  deliver(type: TSlackEnvelopeType, payload: Record<string, unknown>, options?: SendOptions): Promise<BotResponse>;
}

export interface SlackClientSimulatorOptions {
  /** The bot's events URL, e.g. `http://127.0.0.1:PORT/slack/events`; needed for the default HTTP delivery and `raw`. */
  botUrl?: string;
  signingSecret: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  /** The bot's user id, as Slack puts it in `authorizations` of events (default `U0DATALEKBOT`). */
  botUserId?: string;
  /** Deprecated verification token Slack still puts in payloads. */
  verificationToken?: string;
  /**
   * `response_url` to put in slash commands and message block actions: a fixed URL or a factory
   * (e.g. `() => standIn.newResponseUrl()` so `respond()` calls are recorded by the stand-in).
   * Default: a hooks.slack.com-like URL that must not be called in tests.
   */
  responseUrl?: string | (() => string);
  /**
   * Issues the `trigger_id` of slash commands, block actions and view submissions, e.g.
   * `() => standIn.issueTriggerId()` so the stand-in accepts it in `views.open`. Default: a random
   * id of Slack's shape, which a strict stand-in refuses.
   */
  newTriggerId?: () => string;
  /** How requests reach the bot; default: signed HTTP POSTs to `botUrl`. */
  delivery?: TSlackDelivery;
  /** Defaults applied to every request (e.g. always sign with a wrong secret). */
  defaults?: SendOptions;
}

export interface SlashCommandParams {
  userId: string;
  text?: string;
  channelId?: string;
  channelName?: string;
  command?: string;
  triggerId?: string;
  userName?: string;
}

export interface ViewParams {
  id?: string;
  callback_id: string;
  private_metadata?: string;
  state?: { values: StateValues };
  hash?: string;
  title?: unknown;
  blocks?: unknown[];
  type?: "modal" | "home";
  external_id?: string;
  root_view_id?: string | null;
  previous_view_id?: string | null;
  submit?: unknown;
  close?: unknown;
}

export interface ViewSubmissionParams {
  userId: string;
  view: ViewParams;
  userName?: string;
  triggerId?: string;
}

/** An action as Slack puts it in `actions[]`; only `action_id` is required, the rest gets defaults. */
export interface BlockActionParam {
  action_id: string;
  block_id?: string;
  type?: string;
  value?: string;
  text?: unknown;
  action_ts?: string;
  [key: string]: unknown;
}

export interface BlockActionParams {
  userId: string;
  actions: BlockActionParam[];
  /** Channel of the message the action happened in (message actions). */
  channelId?: string;
  channelName?: string;
  /** ts of the message holding the button (message actions). */
  messageTs?: string;
  /** thread_ts of that message when it is a thread reply. */
  threadTs?: string;
  triggerId?: string;
  /** Override the computed `container`. */
  container?: Record<string, unknown>;
  /** For actions inside a modal/home tab: the view (the container becomes `{ type: 'view', view_id }`). */
  view?: ViewParams;
  /** Text/blocks of the message, for message actions. */
  messageText?: string;
  messageBlocks?: unknown[];
  userName?: string;
  /** `state.values` of the message/view at the time of the action. */
  stateValues?: StateValues;
}

/** An Events API `event_callback` (https://docs.slack.dev/apis/events-api/, "Callback field overview"). */
export interface EventParams {
  /** The user the event is about (`event.user`). */
  userId: string;
  /** Event type; default `app_home_opened` (https://docs.slack.dev/reference/events/app_home_opened). */
  type?: string;
  /** For app_home_opened: which tab was opened (default `home`). */
  tab?: "home" | "messages";
  /** The DM channel of the app with the user (default `D` + the user id without its first letter). */
  channelId?: string;
  /** Fields merged into the inner `event` (e.g. a `view` for app_home_opened). */
  event?: Record<string, unknown>;
  /** Unique per event and kept on retries (default a fresh `Ev...` id). */
  eventId?: string;
  /** Unix seconds (default now). */
  eventTime?: number;
}

export class SlackClientSimulator {
  readonly botUrl: string;
  readonly signingSecret: string;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly apiAppId: string;
  readonly botUserId: string;
  readonly verificationToken: string;
  private readonly responseUrl: string | (() => string) | undefined;
  private readonly issueTriggerId: () => string;
  private readonly delivery: TSlackDelivery;
  private readonly defaults: SendOptions;

  constructor(opts: SlackClientSimulatorOptions) {
    this.botUrl = opts.botUrl ?? "";
    this.signingSecret = opts.signingSecret;
    this.teamId = opts.teamId ?? "T0TEAM";
    this.teamDomain = opts.teamDomain ?? "example";
    this.apiAppId = opts.apiAppId ?? "A0DATALEK";
    this.botUserId = opts.botUserId ?? "U0DATALEKBOT";
    this.verificationToken = opts.verificationToken ?? "verificationtoken0000000";
    this.responseUrl = opts.responseUrl;
    this.issueTriggerId = opts.newTriggerId ?? randomTriggerId;
    this.delivery = opts.delivery ?? new HttpSlackDelivery(this);
    this.defaults = opts.defaults ?? {};
  }

  /** A slash command as Slack sends it (over HTTP: the fields form-encoded). */
  slashCommand(params: SlashCommandParams, options?: SendOptions): Promise<BotResponse> {
    const channelId = params.channelId ?? "C0GENERAL";
    const fields: Record<string, string> = {
      token: this.verificationToken,
      team_id: this.teamId,
      team_domain: this.teamDomain,
      channel_id: channelId,
      channel_name: params.channelName ?? defaultChannelName(channelId),
      user_id: params.userId,
      user_name: params.userName ?? defaultUserName(params.userId),
      command: params.command ?? "/datalek",
      text: params.text ?? "",
      api_app_id: this.apiAppId,
      is_enterprise_install: "false",
      response_url: this.nextResponseUrl(),
      trigger_id: params.triggerId ?? this.issueTriggerId(),
    };
    return this.deliver("slash_commands", fields, options);
  }

  /** A `view_submission` interaction (over HTTP: `payload=<json>`). */
  viewSubmission(params: ViewSubmissionParams, options?: SendOptions): Promise<BotResponse> {
    const payload = {
      type: "view_submission",
      team: { id: this.teamId, domain: this.teamDomain },
      user: this.userObject(params.userId, params.userName),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      trigger_id: params.triggerId ?? this.issueTriggerId(),
      view: this.viewObject(params.view),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    return this.deliver("interactive", payload, options);
  }

  /** A `view_closed` interaction (only sent by Slack when the view had `notify_on_close`). */
  viewClosed(params: { userId: string; view: ViewParams; userName?: string }, options?: SendOptions): Promise<BotResponse> {
    const payload = {
      type: "view_closed",
      team: { id: this.teamId, domain: this.teamDomain },
      user: this.userObject(params.userId, params.userName),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      view: this.viewObject(params.view),
      is_cleared: false,
      is_enterprise_install: false,
      enterprise: null,
    };
    return this.deliver("interactive", payload, options);
  }

  /** A `block_actions` interaction, from a message (channelId/messageTs) or from a view (`view`). */
  blockAction(params: BlockActionParams, options?: SendOptions): Promise<BotResponse> {
    const actionTs = `${(Date.now() / 1000).toFixed(6)}`;
    const actions = params.actions.map((a) => ({
      type: "button",
      block_id: a.action_id,
      action_ts: actionTs,
      ...(a.type === undefined || a.type === "button" ? { text: { type: "plain_text", text: a.action_id, emoji: true } } : {}),
      ...a,
    }));
    const payload: Record<string, unknown> = {
      type: "block_actions",
      user: this.userObject(params.userId, params.userName),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      trigger_id: params.triggerId ?? this.issueTriggerId(),
      team: { id: this.teamId, domain: this.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
    };
    if (params.view) {
      const view = this.viewObject(params.view);
      payload.container = params.container ?? { type: "view", view_id: view.id };
      payload.view = view;
    } else {
      const channelId = params.channelId ?? "C0GENERAL";
      const messageTs = params.messageTs ?? `${Math.floor(Date.now() / 1000)}.000100`;
      payload.container = params.container ?? {
        type: "message",
        message_ts: messageTs,
        channel_id: channelId,
        is_ephemeral: false,
        ...(params.threadTs ? { thread_ts: params.threadTs } : {}),
      };
      payload.channel = { id: channelId, name: params.channelName ?? defaultChannelName(channelId) };
      payload.message = {
        type: "message",
        user: this.botUserId,
        bot_id: "B0DATALEKBOT",
        app_id: this.apiAppId,
        team: this.teamId,
        ts: messageTs,
        ...(params.threadTs ? { thread_ts: params.threadTs } : {}),
        text: params.messageText ?? "",
        blocks: params.messageBlocks ?? [],
      };
      payload.state = { values: params.stateValues ?? {} };
      payload.response_url = this.nextResponseUrl();
    }
    payload.actions = actions;
    return this.deliver("interactive", payload, options);
  }

  /**
   * An Events API `event_callback` (over HTTP: the JSON body), by default `app_home_opened` for
   * the Home tab. Pass `options.retry` to deliver it as Slack's retry of the same `eventId`.
   */
  event(params: EventParams, options?: SendOptions): Promise<BotResponse> {
    const eventTime = params.eventTime ?? Math.floor(Date.now() / 1000);
    const type = params.type ?? "app_home_opened";
    const event: Record<string, unknown> = {
      type,
      user: params.userId,
      channel: params.channelId ?? `D${params.userId.slice(1)}`,
      ...(type === "app_home_opened" ? { tab: params.tab ?? "home" } : {}),
      event_ts: `${eventTime}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      ...params.event,
    };
    const body = {
      token: this.verificationToken,
      team_id: this.teamId,
      api_app_id: this.apiAppId,
      event,
      type: "event_callback",
      event_id: params.eventId ?? `Ev0${randomBytes(5).toString("hex").toUpperCase()}`,
      event_time: eventTime,
      authorizations: [
        { enterprise_id: null, team_id: this.teamId, user_id: this.botUserId, is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${randomBytes(12).toString("base64url")}`,
    };
    return this.deliver("events_api", body, options);
  }

  /** Send an arbitrary body to `botUrl`. Unless `headers` contains signature headers, nothing is signed. */
  async raw(body: string, headers: Record<string, string> = {}): Promise<BotResponse> {
    if (!this.botUrl) throw new Error("SlackClientSimulator: raw() needs a botUrl");
    const response = await fetch(this.botUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed, headers: Object.fromEntries(response.headers.entries()) };
  }

  /** Send a form body signed as Slack would (subject to the overrides). */
  sendForm(body: string, options?: SendOptions): Promise<BotResponse> {
    return this.sendSigned(body, "application/x-www-form-urlencoded", { ...this.defaults, ...options });
  }

  /** POST a body signed as Slack signs it: over the exact bytes, with the retry headers when asked. */
  sendSigned(body: string, contentType: string, options: SendOptions = {}): Promise<BotResponse> {
    const signature = options.unsigned
      ? {}
      : signSlackRequest(
          options.signingSecret ?? this.signingSecret,
          body,
          options.timestampSeconds ?? Math.floor(Date.now() / 1000),
        );
    const retry: Record<string, string> = options.retry
      ? { "X-Slack-Retry-Num": String(options.retry.num), "X-Slack-Retry-Reason": options.retry.reason }
      : {};
    return this.raw(body, {
      "Content-Type": contentType,
      "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      ...signature,
      ...retry,
      ...options.headers,
    });
  }

  private deliver(type: TSlackEnvelopeType, payload: Record<string, unknown>, options?: SendOptions): Promise<BotResponse> {
    return this.delivery.deliver(type, payload, { ...this.defaults, ...options });
  }

  private nextResponseUrl(): string {
    if (typeof this.responseUrl === "function") return this.responseUrl();
    if (typeof this.responseUrl === "string") return this.responseUrl;
    return `https://hooks.slack.com/actions/${this.teamId}/${Date.now()}/${randomBytes(12).toString("hex")}`;
  }

  private userObject(userId: string, userName?: string): Record<string, string> {
    const name = userName ?? defaultUserName(userId);
    return { id: userId, username: name, name, team_id: this.teamId };
  }

  private viewObject(view: ViewParams): Record<string, unknown> & { id: string } {
    const id = view.id ?? `V0${randomBytes(5).toString("hex").toUpperCase()}`;
    return {
      id,
      team_id: this.teamId,
      type: view.type ?? "modal",
      blocks: view.blocks ?? [],
      private_metadata: view.private_metadata ?? "",
      callback_id: view.callback_id,
      state: view.state ?? { values: {} },
      hash: view.hash ?? `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString("hex")}`,
      title: view.title ?? { type: "plain_text", text: "Datalek", emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: view.close ?? null,
      submit: view.submit ?? null,
      previous_view_id: view.previous_view_id ?? null,
      root_view_id: view.root_view_id ?? id,
      app_id: this.apiAppId,
      external_id: view.external_id ?? "",
      app_installed_team_id: this.teamId,
      bot_id: "B0DATALEKBOT",
    };
  }
}

/**
 * Slack's HTTP delivery (https://docs.slack.dev/authentication/verifying-requests-from-slack):
 * slash commands as `application/x-www-form-urlencoded` fields, interactions as a form with one
 * `payload` field holding the JSON, Events API events as a JSON body; each signed over the exact body.
 */
export class HttpSlackDelivery implements TSlackDelivery {
  constructor(private readonly simulator: SlackClientSimulator) {}

  deliver(type: TSlackEnvelopeType, payload: Record<string, unknown>, options?: SendOptions): Promise<BotResponse> {
    switch (type) {
      case "slash_commands": {
        const fields = Object.entries(payload).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
        return this.simulator.sendSigned(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", options);
      }
      case "interactive":
        return this.simulator.sendSigned(
          new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
          "application/x-www-form-urlencoded",
          options,
        );
      case "events_api":
        return this.simulator.sendSigned(JSON.stringify(payload), "application/json", options);
    }
  }
}

function defaultUserName(userId: string): string {
  return userId.toLowerCase();
}

function defaultChannelName(channelId: string): string {
  if (channelId.startsWith("D")) return "directmessage";
  if (channelId.startsWith("G")) return "privategroup";
  return channelId === "C0GENERAL" ? "general" : channelId.toLowerCase();
}

/** A trigger id of Slack's shape ("12345.98765.abcd2358fdea") that no stand-in issued. */
function randomTriggerId(): string {
  const n = (digits: number): string => Array.from({ length: digits }, () => Math.floor(Math.random() * 10)).join("");
  return `${n(11)}.${n(12)}.${randomBytes(16).toString("hex")}`;
}

// ------------------------------------------------------------------ modal state

/** An option as Slack echoes it in `selected_option(s)`. */
export interface SelectedOption {
  text: { type: "plain_text"; text: string; emoji?: boolean };
  value: string;
}

export type StateValue =
  | { type: "plain_text_input"; value: string | null }
  | { type: "number_input"; value: string | null }
  | { type: "datetimepicker"; selected_date_time: number | null }
  | { type: "static_select"; selected_option: SelectedOption | null }
  | { type: "radio_buttons"; selected_option: SelectedOption | null }
  | { type: "checkboxes"; selected_options: SelectedOption[] };

export type StateValues = Record<string, Record<string, StateValue>>;

/** A chosen option: its value, or value plus display text (text defaults to the value). */
export type OptionInput = string | { value: string; text?: string };

export interface ReportModalFields {
  what_happened?: string;
  /** Unix seconds. */
  discovered_at?: number;
  /** Unix seconds. */
  occurred_at?: number;
  system?: OptionInput;
  data_kinds?: OptionInput[];
  people_affected?: string | number;
  stopped?: OptionInput;
  recipient?: OptionInput;
}

/** Element type of each report-modal input; block_id and action_id both equal the field name. */
export const REPORT_MODAL_ELEMENT_TYPES = {
  what_happened: "plain_text_input",
  discovered_at: "datetimepicker",
  occurred_at: "datetimepicker",
  system: "static_select",
  data_kinds: "checkboxes",
  people_affected: "number_input",
  stopped: "radio_buttons",
  recipient: "static_select",
} as const satisfies Record<keyof ReportModalFields, StateValue["type"]>;

export function selectedOption(input: OptionInput): SelectedOption {
  const { value, text } = typeof input === "string" ? { value: input, text: input } : input;
  return { text: { type: "plain_text", text: text ?? value, emoji: true }, value };
}

/**
 * `view.state.values` of the report modal as Slack sends it on submission.
 * Omitted fields appear empty the way Slack sends them (value null / selected_option null / selected_options []).
 */
export function reportModalState(fields: ReportModalFields): StateValues {
  const values: StateValues = {};
  const put = (id: keyof ReportModalFields, value: StateValue): void => {
    values[id] = { [id]: value };
  };
  put("what_happened", { type: "plain_text_input", value: fields.what_happened ?? null });
  put("discovered_at", { type: "datetimepicker", selected_date_time: fields.discovered_at ?? null });
  put("occurred_at", { type: "datetimepicker", selected_date_time: fields.occurred_at ?? null });
  put("system", { type: "static_select", selected_option: fields.system !== undefined ? selectedOption(fields.system) : null });
  put("data_kinds", { type: "checkboxes", selected_options: (fields.data_kinds ?? []).map(selectedOption) });
  put("people_affected", {
    type: "number_input",
    value: fields.people_affected !== undefined ? String(fields.people_affected) : null,
  });
  put("stopped", {
    type: "radio_buttons",
    selected_option: fields.stopped !== undefined ? selectedOption(fields.stopped) : null,
  });
  put("recipient", {
    type: "static_select",
    selected_option: fields.recipient !== undefined ? selectedOption(fields.recipient) : null,
  });
  return values;
}
