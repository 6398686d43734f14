// What the checklist's listeners read from Slack: a click on a button or an
// answer element (who, which element, its value or choices, where, the
// trigger, the typed numbers) and a submitted form. Anything that does not
// parse reads as absent, and the listener acknowledges and ignores it.
import { z } from "zod";
import type { TLocale } from "../../../core/text/locale.ts";
import { textsFor, type TTexts } from "../../../texts/index.ts";
import { slackPerson, slackWhere } from "../../identity.ts";
import type { SlackLocales } from "../../locale/SlackLocales.ts";
import type { TMrkdwnContext } from "../../render/mrkdwn.ts";

const ZOption = z.object({ value: z.string().max(150) });

const ZClick = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().catch(""),
  actions: z
    .array(
      z
        .object({
          action_id: z.string().max(255),
          type: z.string().catch(""),
          value: z.string().max(2000).nullish().catch(undefined),
          selected_option: ZOption.nullish().catch(undefined),
          selected_options: z.array(ZOption).max(100).nullish().catch(undefined),
        })
        .loose(),
    )
    .min(1),
  channel: z.object({ id: z.string() }).loose().optional().catch(undefined),
  message: z.object({ ts: z.string().optional(), thread_ts: z.string().optional() }).loose().optional().catch(undefined),
  container: z
    .object({ message_ts: z.string().optional(), thread_ts: z.string().optional() })
    .loose()
    .optional()
    .catch(undefined),
  state: z.object({ values: z.unknown() }).loose().optional().catch(undefined),
});

export interface TChecklistClick {
  actor: string;
  action: z.infer<typeof ZClick>["actions"][number];
  triggerId: string;
  channelId: string | undefined;
  /** The thread the click was in, and the message clicked. */
  threadTs: string | undefined;
  messageTs: string | undefined;
  /** The front end's note of where the click was, to answer there. */
  where: string | null;
  stateValues: unknown;
  locale: TLocale;
  texts: TTexts;
  render: TMrkdwnContext;
}

export function readChecklistClick(body: unknown, locales: SlackLocales): TChecklistClick | undefined {
  const parsed = ZClick.safeParse(body);
  if (!parsed.success) return undefined;
  const { user, trigger_id: triggerId, actions, channel, message, container, state } = parsed.data;
  // The person's language when known; the three seconds never wait on Slack for it.
  const locale = locales.cached(user.id);
  const texts = textsFor(locale);
  const threadTs = message?.thread_ts ?? container?.thread_ts;
  return {
    actor: slackPerson(user.id),
    action: actions[0]!,
    triggerId,
    channelId: channel?.id,
    threadTs,
    messageTs: message?.ts ?? container?.message_ts,
    where: slackWhere(channel?.id, threadTs),
    stateValues: state?.values,
    locale,
    texts,
    render: { links: new Map(), someone: texts.common.someone },
  };
}

const ZFormSubmission = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    callback_id: z.string().catch(""),
    private_metadata: z.string().max(3000).catch(""),
    state: z.object({ values: z.unknown() }).optional(),
  }),
});

/** A submitted form: who, which form, the reference it carries, and its raw state for readFormValues. */
export function readChecklistForm(body: unknown, locales: SlackLocales) {
  const parsed = ZFormSubmission.safeParse(body);
  if (!parsed.success) return undefined;
  const { user, view } = parsed.data;
  const locale = locales.cached(user.id);
  return {
    actor: slackPerson(user.id),
    formId: view.callback_id,
    reference: view.private_metadata,
    state: view.state?.values,
    texts: textsFor(locale),
  };
}
