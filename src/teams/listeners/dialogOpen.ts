// A button asked for a dialog (task/fetch, or the message extension's
// fetchTask): the form its action opens, the details window, or, when the
// use case refused, one line (the reason is told in the chat with the bot).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { OVERVIEW_REPORT_ACTION } from "../../features/overview/overviewActions.ts";
import { textsFor } from "../../texts/index.ts";
import { renderDoneDialog, renderFormDialog, type TTaskResponse } from "../render/renderDialog.ts";
import { FORM_OPENERS } from "./forms/formOpeners.ts";
import { localeOf, readIncoming } from "./incoming.ts";
import type { TTeamsListenerDeps } from "./teamsListenerDeps.ts";

const ZFetch = z
  .object({ data: z.object({ action: z.string().max(100), value: z.string().max(200).catch("") }).loose() })
  .loose();

/** The message extension's action command that reports a breach from any chat's compose box. */
export const REPORT_EXTENSION_COMMAND = "reportBreach";

export function dialogOpen(deps: TTeamsListenerDeps) {
  return async (activity: unknown): Promise<TTaskResponse | undefined> => {
    const incoming = readIncoming(activity);
    if (!incoming?.actor) return undefined;
    const locale = localeOf(incoming, deps.defaultLocale);
    const texts = textsFor(locale);
    const extension = z.object({ commandId: z.string() }).loose().safeParse(incoming.value);
    const request = extension.success
      ? extension.data.commandId === REPORT_EXTENSION_COMMAND
        ? { action: OVERVIEW_REPORT_ACTION, value: "" }
        : undefined
      : ZFetch.safeParse(incoming.value).data?.data;
    const opener = request ? FORM_OPENERS.get(request.action) : undefined;
    if (!request || !opener) return undefined;
    const opened = await opener(deps, { actor: incoming.actor, value: request.value, where: incoming.where, texts, locale });
    deps.logger.info({ action: request.action, outcome: opened.kind }, "dialog requested");
    const context = deps.dialogContext(locale);
    switch (opened.kind) {
      case "form":
        return renderFormDialog(opened.form, context, randomUUID());
      case "view":
        return renderDoneDialog(opened.view, context);
      case "refused":
        deps.wakeOutbox();
        return { task: { type: "message", value: texts.teams.formRefusedInChat } };
    }
  };
}
