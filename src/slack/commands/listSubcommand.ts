// `/datalek lijst` (or `list`): the open incidents for privacy officers and
// administrators, overdue first, as an ephemeral answer.
import type { TText } from "../../assessment/questions.ts";
import { userRoles } from "../../app/botContext.ts";
import { describeTimeLeft } from "../../domain/time/deadlines.ts";
import { listOpenIncidents } from "../../services/home/listIncidents.ts";
import { NEXT_STEP_LABELS, statusLabel } from "../home/homeView.ts";
import { cachedLocaleFor } from "../i18n/localeFor.ts";
import { systemLabel } from "../vocabulary.ts";
import type { TSubcommand } from "./subcommands.ts";

export const LIST_TEXTS = {
  refused: {
    nl: ":no_entry: Alleen privacyfunctionarissen en beheerders zien de lijst. Je eigen meldingen: `/datalek status`.",
    en: ":no_entry: Only privacy officers and administrators see the list. Your own reports: `/datalek status`.",
  },
  title: { nl: "*Open incidenten ({count})*", en: "*Open incidents ({count})*" },
  none: { nl: "Geen open incidenten. :tada:", en: "No open incidents. :tada:" },
  overdue: { nl: "TE LAAT", en: "OVERDUE" },
  more: { nl: "… en nog {count} meer.", en: "… and {count} more." },
} satisfies Record<string, TText>;

export const listSubcommand: TSubcommand = {
  words: ["lijst", "list"],
  usage: "/datalek lijst",
  description: { nl: "open incidenten (privacyfunctionaris)", en: "open incidents (privacy officer)" },
  async run({ ack, bot, command }) {
    const locale = cachedLocaleFor(bot, command.user_id);
    const t = (text: TText) => text[locale];
    const roles = userRoles(bot, command.user_id);
    if (!roles.includes("dpo") && !roles.includes("admin")) {
      await ack({ response_type: "ephemeral", text: t(LIST_TEXTS.refused) });
      return;
    }
    const now = bot.clock.now();
    const { incidents, total } = await listOpenIncidents(bot);
    if (total === 0) {
      await ack({ response_type: "ephemeral", text: t(LIST_TEXTS.none) });
      return;
    }
    const lines = incidents.map((incident) => {
      const left = incident.countdownRunning ? describeTimeLeft(incident.deadlineAt, now, locale) : "";
      const flag = incident.overdue ? `:red_circle: *${t(LIST_TEXTS.overdue)}* ` : "";
      const next = incident.nextStep ? ` → ${NEXT_STEP_LABELS[incident.nextStep][locale]}` : "";
      return `• ${flag}*${incident.reference}* · ${systemLabel(bot.register, incident.system, locale)} · ${statusLabel(incident, locale)}${left ? ` · ${left}` : ""}${next}`;
    });
    if (total > incidents.length) lines.push(t(LIST_TEXTS.more).replace("{count}", String(total - incidents.length)));
    await ack({ response_type: "ephemeral", text: [t(LIST_TEXTS.title).replace("{count}", String(total)), ...lines].join("\n") });
  },
};
