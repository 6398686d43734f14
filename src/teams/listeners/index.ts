// Every Teams listener is registered here, one file each beside this one.
// Each is thin: it reads the activity with zod, calls one use case (or a
// table of them: forms/, actions/), and answers in Teams' terms.
import type { App } from "@microsoft/teams.apps";
import { cardAction } from "./cardAction.ts";
import { dialogOpen } from "./dialogOpen.ts";
import { dialogSubmit } from "./dialogSubmit.ts";
import { fileConsent } from "./fileConsent.ts";
import { installation } from "./installation.ts";
import { messageCommand } from "./messageCommand.ts";
import { rememberSender } from "./rememberSender.ts";
import type { TTeamsListenerDeps } from "./teamsListenerDeps.ts";

export type { TTeamsListenerDeps };

type TContext = { activity: unknown; send: (activity: never) => Promise<unknown>; next: () => unknown };

export function registerTeamsListeners(app: App, deps: TTeamsListenerDeps): void {
  const remember = rememberSender(deps);
  const install = installation(deps);
  const message = messageCommand(deps);
  const open = dialogOpen(deps);
  const submit = dialogSubmit(deps);
  const action = cardAction(deps);
  const consent = fileConsent(deps);
  // The SDK's handler types are per activity; each listener reads its activity with zod instead.
  const on = (name: string, handler: (context: TContext) => Promise<unknown>) => app.on(name as never, handler as never);
  app.use((async (context: TContext) => {
    await remember(context.activity);
    return context.next();
  }) as never);
  on("install.add", (context) => install(context.activity, (activity) => context.send(activity as never)));
  on("message", (context) => message(context.activity, (activity) => context.send(activity as never)));
  on("dialog.open", (context) => open(context.activity));
  on("message.ext.open", (context) => open(context.activity));
  on("dialog.submit", (context) => submit(context.activity));
  on("message.ext.submit", (context) => submit(context.activity));
  on("card.action", (context) => action(context.activity));
  on("file.consent", (context) => consent(context.activity));
}
