// What the follow-up's and the duties' listeners read from a button click:
// who, the button's value, where (for the answer), and the trigger to open
// a form with. A field of the wrong type reads as absent.
import { z } from "zod";
import { textsFor, type TTexts } from "../../../texts/index.ts";
import type { TLocale } from "../../../core/text/locale.ts";
import { slackPerson, slackWhere } from "../../identity.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import type { TMrkdwnContext } from "../../render/mrkdwn.ts";

const ZButtonClick = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().catch(""),
  actions: z.array(z.object({ value: z.string().max(200).catch("") }).loose()).min(1),
  channel: z.object({ id: z.string() }).loose().optional().catch(undefined),
  message: z.object({ ts: z.string().optional(), thread_ts: z.string().optional() }).loose().optional().catch(undefined),
});

export interface TButtonClick {
  userId: string;
  actor: string;
  value: string;
  triggerId: string;
  channelId: string | undefined;
  /** The front end's note of where the click was: the channel, and the thread when it was in one. */
  where: string | null;
  locale: TLocale;
  texts: TTexts;
  render: TMrkdwnContext;
}

export function readButtonClick(body: unknown, locales: SlackLocales): TButtonClick | undefined {
  const parsed = ZButtonClick.safeParse(body);
  if (!parsed.success) return undefined;
  const { user, trigger_id: triggerId, actions, channel, message } = parsed.data;
  // The person's language when known; the three seconds never wait on Slack for it.
  const locale = locales.cached(user.id);
  const texts = textsFor(locale);
  return {
    userId: user.id,
    actor: slackPerson(user.id),
    value: actions[0]!.value,
    triggerId,
    channelId: channel?.id,
    where: slackWhere(channel?.id, message?.thread_ts),
    locale,
    texts,
    render: { links: new Map(), someone: texts.common.someone },
  };
}

const ZFormSubmission = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({ private_metadata: z.string().max(3000).catch(""), state: z.object({ values: z.unknown() }).optional() }),
});

/** A submitted form: who, what it carries (the reference), and its raw state for readFormValues. */
export function readFormSubmission(body: unknown, locales: SlackLocales) {
  const parsed = ZFormSubmission.safeParse(body);
  if (!parsed.success) return undefined;
  const { user, view } = parsed.data;
  const locale = locales.cached(user.id);
  const texts = textsFor(locale);
  return {
    userId: user.id,
    actor: slackPerson(user.id),
    context: view.private_metadata,
    state: view.state?.values,
    locale,
    texts,
    render: { links: new Map<string, string>(), someone: texts.common.someone },
  };
}
