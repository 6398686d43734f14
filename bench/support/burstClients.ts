// The clients of the burst bench (bench/burst.ts): reporters submitting the
// report modal back to back, and one person typing /datalek and waiting for
// the modal, each timing what Slack's user would wait for.
import { performance } from "node:perf_hooks";
import { reportModalState, type BotResponse, type SlackClientSimulator } from "../../src/devtools/slack/slackRequests.ts";
import type { SlackStandIn } from "../../src/devtools/slack/slackStandIn.ts";

/** How long the bench waits for one answer before it counts the request as failed (Slack itself gives up after 3 s). */
const ANSWER_TIMEOUT_MS = 30_000;
/** A trigger lives 3 s; a views.open that has not come this long after the trigger was issued cannot succeed any more. */
const OPEN_WAIT_MS = 5_000;

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export interface TSubmissionRun {
  /** ms from sending the view_submission to reading the whole answer, of every answered request. */
  latencies: number[];
  /** Submissions the form accepted (turned into the receipt): they must all be stored. */
  accepted: number;
  /** The view ids of the accepted submissions (the bot keeps a report's view id as its submission key). */
  acceptedKeys: string[];
  /** The view ids of the refused ones (a report stored after its form was answered shows up here). */
  refusedKeys: string[];
  /** Answers that took longer than Slack's 3 s (Slack would have shown the reporter an error). */
  overThreeSeconds: number;
  /** Answers that kept the form open, by error text (rate limit, "try again"...). */
  refused: Map<string, number>;
  /** HTTP errors and requests without an answer. */
  failures: Map<string, number>;
  startedAt: Date;
  endedAt: Date;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * `clients` reporters submitting the report modal back to back for `seconds`.
 * Every report has its own reporter and view (the bot limits reports per
 * person per hour and treats a repeated view as a double click).
 * `isAccepted` tells an accepting answer from a refusal (the bare app's ack is empty).
 */
export async function submitReports(options: {
  slack: SlackClientSimulator;
  clients: number;
  seconds: number;
  /** Unique per run, so reporters and views never repeat across phases. */
  tag: string;
  isAccepted: (response: BotResponse) => boolean;
}): Promise<TSubmissionRun> {
  const run: TSubmissionRun = {
    latencies: [],
    accepted: 0,
    acceptedKeys: [],
    refusedKeys: [],
    overThreeSeconds: 0,
    refused: new Map(),
    failures: new Map(),
    startedAt: new Date(),
    endedAt: new Date(),
  };
  const until = performance.now() + options.seconds * 1000;
  let sequence = 0;
  const client = async () => {
    while (performance.now() < until) {
      const n = (sequence++).toString(36).toUpperCase().padStart(6, "0");
      const viewId = `V0R${options.tag}${n}`;
      const started = performance.now();
      try {
        const response = await withTimeout(
          options.slack.viewSubmission({
            userId: `U0R${options.tag}${n}`,
            view: {
              id: viewId,
              callback_id: "datalek_report",
              state: {
                values: reportModalState({
                  what_happened: "Burst-bench: een synthetische melding zonder persoonsgegevens (phishingmail aan iedereen).",
                  discovered_at: Math.floor(Date.now() / 1000) - 600,
                  system: "zivver",
                  data_kinds: ["identity_contact"],
                  people_affected: "2",
                  stopped: "yes",
                  recipient: "known",
                } as never),
              },
            },
          }),
          ANSWER_TIMEOUT_MS,
        );
        const ms = performance.now() - started;
        run.latencies.push(ms);
        if (ms > 3000) run.overThreeSeconds += 1;
        if (response.status !== 200) count(run.failures, `HTTP ${response.status}`);
        else if (options.isAccepted(response)) {
          run.accepted += 1;
          run.acceptedKeys.push(viewId);
        } else {
          count(run.refused, refusalText(response.body));
          run.refusedKeys.push(viewId);
        }
      } catch (error) {
        count(run.failures, (error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  run.endedAt = new Date();
  return run;
}

function refusalText(body: unknown): string {
  const errors = (body as { errors?: Record<string, string> } | undefined)?.errors;
  if (errors) return Object.values(errors).join("; ").slice(0, 80);
  return JSON.stringify(body).slice(0, 80);
}

export interface TSlashRun {
  /** ms from sending /datalek to reading the acknowledgement. */
  acks: number[];
  /** ms from the trigger being issued (just before the command is sent) to the stand-in accepting views.open with it. */
  opens: number[];
  commands: number;
  /** views.open refused with expired_trigger_id. */
  expired: number;
  /** No views.open with the trigger at all within 5 s, or refused for another reason. */
  notOpened: Map<string, number>;
  failures: Map<string, number>;
}

/**
 * One person typing /datalek over and over until `stop()` resolves, each time
 * waiting until the modal is open (or cannot open any more) before the next.
 * With `expectModal` false (a target that does not open one) only the
 * acknowledgement is timed.
 */
export async function openModals(options: {
  slack: SlackClientSimulator;
  standIn: SlackStandIn;
  userId: string;
  until: () => boolean;
  expectModal: boolean;
}): Promise<TSlashRun> {
  const run: TSlashRun = { acks: [], opens: [], commands: 0, expired: 0, notOpened: new Map(), failures: new Map() };
  while (!options.until()) {
    run.commands += 1;
    const triggerId = options.standIn.issueTriggerId();
    const issuedAt = Date.now();
    const started = performance.now();
    try {
      const response = await withTimeout(
        options.slack.slashCommand({ userId: options.userId, text: "", triggerId }),
        ANSWER_TIMEOUT_MS,
      );
      if (response.status !== 200) {
        count(run.failures, `HTTP ${response.status}`);
        continue;
      }
      run.acks.push(performance.now() - started);
    } catch (error) {
      count(run.failures, (error as Error).message);
      continue;
    }
    if (!options.expectModal) continue;
    const waitMs = Math.max(0, issuedAt + OPEN_WAIT_MS - Date.now());
    try {
      const call = await options.standIn.waitForCall("views.open", (c) => c.args.trigger_id === triggerId, waitMs);
      run.opens.push(call.at.getTime() - issuedAt);
    } catch {
      const refused = options.standIn.callsTo("views.open").find((c) => c.args.trigger_id === triggerId);
      if (refused?.error === "expired_trigger_id") run.expired += 1;
      else count(run.notOpened, refused ? `views.open refused: ${refused.error ?? refused.status}` : "no views.open within 5 s");
    }
  }
  return run;
}
