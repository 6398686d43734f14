// What the countdown's and the notifications' buttons and forms send, read
// with zod: the person, the trigger, the reference (the button's value, the
// form's private_metadata), where they clicked, and a form's values. Shared
// by the listeners of both folders.
import type { Logger } from "pino";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { TForm, TFormValue } from "../../../core/messages/form.ts";
import type { TTexts } from "../../../texts/index.ts";
import { slackPerson, slackWhere } from "../../identity.ts";
import { readFormValues, renderForm } from "../../render/renderForm.ts";

const ZClick = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().catch(""),
  actions: z.array(z.object({ value: z.string().max(40).catch("") })).min(1),
  channel: z.object({ id: z.string() }).optional().catch(undefined),
  message: z.object({ ts: z.string().optional(), thread_ts: z.string().optional() }).loose().optional().catch(undefined),
});

export interface TIncidentClick {
  userId: string;
  triggerId: string;
  reference: string;
  input: { reference: string; actor: string; where: string | null };
}

/** A click on a button whose value is an incident's reference; undefined when the payload does not parse. */
export function readIncidentClick(body: unknown): TIncidentClick | undefined {
  const click = ZClick.safeParse(body);
  if (!click.success) return undefined;
  const { user, trigger_id: triggerId, actions, channel, message } = click.data;
  const reference = actions[0]!.value;
  return {
    userId: user.id,
    triggerId,
    reference,
    input: { reference, actor: slackPerson(user.id), where: slackWhere(channel?.id, message?.thread_ts) },
  };
}

const ZSubmission = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({ private_metadata: z.string().max(40).catch(""), state: z.object({ values: z.unknown() }).optional() }),
});

export interface TIncidentSubmission {
  userId: string;
  reference: string;
  actor: string;
  values: Readonly<Record<string, TFormValue>>;
}

/** A submitted form that carries an incident's reference; undefined when the payload does not parse. */
export function readIncidentSubmission(body: unknown): TIncidentSubmission | undefined {
  const parsed = ZSubmission.safeParse(body);
  if (!parsed.success) return undefined;
  const { user, view } = parsed.data;
  return {
    userId: user.id,
    reference: view.private_metadata,
    actor: slackPerson(user.id),
    values: readFormValues(view.state?.values),
  };
}

export const textValue = (value: TFormValue | undefined): string | null => (typeof value === "string" ? value : null);
export const dateValue = (value: TFormValue | undefined): Date | null => (value instanceof Date ? value : null);

/** Opens a form with the click's trigger (it lives three seconds). */
export async function openForm(client: WebClient, triggerId: string, form: TForm, texts: TTexts, logger: Logger): Promise<void> {
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: renderForm(form, { links: new Map(), someone: texts.common.someone }),
    });
  } catch (error) {
    logger.warn({ form: form.id, error: (error as Error).message }, "opening a form failed");
  }
}

/** Errors keyed by field id, in the reader's words. */
export function fieldErrors<TProblem extends { code: string }>(
  errors: Partial<Record<string, TProblem>>,
  words: (problem: TProblem) => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).flatMap(([field, problem]) => (problem ? [[field, words(problem)] as const] : [])),
  );
}
