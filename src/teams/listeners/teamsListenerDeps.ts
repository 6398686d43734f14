// What every Teams listener may be given: the features' dependencies, the
// conversation references, the delivery (to rebuild a message for a
// refresh or a file), the renderers' contexts in a reader's language, and a
// way to wake the outbox. Each listener reads what it needs.
import type { TFeatureDeps } from "../../features/featureDeps.ts";
import type { TLocale } from "../../core/text/locale.ts";
import type { TTeamsDelivery } from "../delivery/deliverToTeams.ts";
import type { TeamsConversations } from "../delivery/teamsConversations.ts";
import type { TDialogContext } from "../render/renderDialog.ts";

export interface TTeamsListenerDeps extends TFeatureDeps {
  conversations: TeamsConversations;
  delivery: TTeamsDelivery;
  defaultLocale: TLocale;
  /** The configured channels, to know a click in the management channel. */
  channels: { dpo: string; management: string };
  dialogContext: (locale: TLocale) => TDialogContext;
  /** Asks the outbox to run now. */
  wakeOutbox: () => void;
  /** What the commands are given. */
  commandDeps: unknown;
}
