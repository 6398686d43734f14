// A dialog's submit (task/submit, or the message extension's submitAction):
// the form's values read back by their kinds, handed to the form's use case;
// errors show the dialog again with what was typed and each error under its
// field, "done" shows what happened, anything else closes it.
import { z } from "zod";
import type { TForm } from "../../core/messages/form.ts";
import { textsFor } from "../../texts/index.ts";
import { readDialogValues, renderDoneDialog, renderFormDialog, type TTaskResponse } from "../render/renderDialog.ts";
import { FORM_SUBMISSIONS } from "./forms/formSubmissions.ts";
import { localeOf, readIncoming } from "./incoming.ts";
import type { TTeamsListenerDeps } from "./teamsListenerDeps.ts";

const ZField = z.object({ id: z.string().max(100), kind: z.string(), label: z.string() }).loose();
const ZSubmit = z
  .object({
    data: z
      .object({
        formId: z.string().max(100),
        context: z.string().max(3000).optional().catch(undefined),
        submission: z.string().uuid(),
        form: z
          .object({ id: z.string(), title: z.string(), submit: z.string(), close: z.string(), fields: z.array(ZField).max(30) })
          .loose(),
      })
      .loose(),
  })
  .loose();

export function dialogSubmit(deps: TTeamsListenerDeps) {
  return async (activity: unknown): Promise<TTaskResponse | undefined> => {
    const incoming = readIncoming(activity);
    const parsed = ZSubmit.safeParse(incoming?.value);
    if (!incoming?.actor || !parsed.success) return undefined;
    const { data } = parsed.data;
    const form = data.form as unknown as TForm;
    const submit = FORM_SUBMISSIONS.get(data.formId);
    if (!submit || form.id !== data.formId) return undefined;
    const locale = localeOf(incoming, deps.defaultLocale);
    const texts = textsFor(locale);
    const answer = await submit(deps, {
      actor: incoming.actor,
      context: form.context ?? data.context ?? "",
      values: readDialogValues(form, data, deps.zone),
      submissionKey: `teams:${data.submission}`,
      texts,
      locale,
    });
    deps.logger.info({ form: data.formId, answer: answer.kind }, "dialog submitted");
    const context = deps.dialogContext(locale);
    if (answer.kind === "errors") return renderFormDialog(form, context, data.submission, { data, errors: answer.errors });
    if (answer.kind === "done") return renderDoneDialog(answer.done, context);
    return undefined;
  };
}
