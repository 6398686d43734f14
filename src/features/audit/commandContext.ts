// What a message or window built for the person who gave a command may
// read: their language and texts, the time, and the organisation's records.
import type { TCommandInput } from "../commands/command.ts";
import type { TFeatureDeps } from "../featureDeps.ts";
import type { TMessageContext } from "../messageContext.ts";

export function commandContext(
  deps: Pick<TFeatureDeps, "database" | "clock" | "roles" | "register" | "organisation">,
  input: Pick<TCommandInput, "locale" | "texts">,
): TMessageContext {
  return {
    locale: input.locale,
    texts: input.texts,
    now: deps.clock.now(),
    database: deps.database,
    register: deps.register,
    roles: deps.roles,
    organisation: deps.organisation,
  };
}
