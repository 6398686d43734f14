// `/datalek details <reference>` (or `details`/`inzien`): the details modal
// at the caller's access level; a refusal is answered ephemerally through
// the outbox and recorded in the audit trail.
import { openIncidentDetails } from "../../services/audit/openIncidentDetails.ts";
import { renderContextOf, ZReference } from "../security/detailsInput.ts";
import { buildIncidentDetailsModal } from "../security/incidentDetailsModal.ts";
import { renderNotice } from "../messages/notices.ts";
import type { TSubcommand } from "./subcommands.ts";

export const detailsSubcommand: TSubcommand = {
  words: ["details", "inzien"],
  usage: "/datalek details DL-2026-0007",
  description: { nl: "de volledige melding bekijken (alleen wie dat mag)", en: "view the full report (only those allowed)" },
  async run({ ack, bot, rest, command, client }) {
    const nl = bot.locale === "nl";
    const reference = ZReference.safeParse(rest.split(/\s+/)[0] ?? "");
    if (!reference.success) {
      await ack({
        response_type: "ephemeral",
        text: nl ? "Gebruik: `/datalek details DL-2026-0007`" : "Usage: `/datalek details DL-2026-0007`",
      });
      return;
    }
    // A refusal is answered in the acknowledgement: an ephemeral post in the
    // channel where the command was typed fails where the bot is not a member.
    const result = await openIncidentDetails(bot, { reference: reference.data, userId: command.user_id, via: "command" });
    if (result.outcome === "not_found") {
      await ack({
        response_type: "ephemeral",
        text: nl ? `Incident ${reference.data} niet gevonden.` : `Incident ${reference.data} not found.`,
      });
      return;
    }
    if (result.outcome === "refused") {
      await ack({ response_type: "ephemeral", text: renderNotice("details_refused", { reference: reference.data }, bot.locale) });
      return;
    }
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: buildIncidentDetailsModal(result, renderContextOf(bot)) });
  },
};
