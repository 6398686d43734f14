// `/datalek status [reference]`: without a reference the user's own reports;
// with one, that incident's state. The report's free text is shown only to
// the reporter, privacy officers and administrators, and only here, in an
// ephemeral answer nobody else sees.
import type { TLocale, TText } from "../../assessment/questions.ts";
import { userRoles } from "../../app/botContext.ts";
import { describeTimeLeft } from "../../domain/time/deadlines.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import { findIncidentByReference, listOwnReports } from "../../services/home/listIncidents.ts";
import { toHomeIncident, type THomeIncident } from "../../services/home/loadHomeData.ts";
import { NEXT_STEP_LABELS, statusLabel } from "../home/homeView.ts";
import { cachedLocaleFor } from "../i18n/localeFor.ts";
import { systemLabel } from "../vocabulary.ts";
import type { TSubcommand } from "./subcommands.ts";

export const STATUS_TEXTS = {
  ownTitle: { nl: "*Jouw meldingen*", en: "*Your reports*" },
  noOwn: {
    nl: "Je hebt nog niets gemeld. Melden doe je met `/datalek`.",
    en: "You have not reported anything yet. Report with `/datalek`.",
  },
  notFound: { nl: "Incident {reference} niet gevonden.", en: "Incident {reference} not found." },
  deadline: { nl: "Deadline melding AP", en: "Deadline to notify the AP" },
  owner: { nl: "Behandelaar", en: "Handled by" },
  notTaken: { nl: "nog niemand", en: "nobody yet" },
  nextStep: { nl: "Volgende stap", en: "Next step" },
  whatHappened: { nl: "Wat is er gebeurd", en: "What happened" },
  hint: {
    nl: "Details van één melding: `/datalek status DL-2026-0001`.",
    en: "Details of one report: `/datalek status DL-2026-0001`.",
  },
} satisfies Record<string, TText>;

function timeText(incident: THomeIncident, now: Date, zone: string, locale: TLocale): string {
  const deadline = formatLocal(incident.deadlineAt, zone, locale);
  return incident.countdownRunning ? `${deadline} (${describeTimeLeft(incident.deadlineAt, now, locale)})` : deadline;
}

export const statusSubcommand: TSubcommand = {
  words: ["status"],
  usage: "/datalek status [DL-…]",
  description: { nl: "de stand van je meldingen, of van één melding", en: "the state of your reports, or of one report" },
  async run({ ack, bot, command, rest }) {
    const locale = cachedLocaleFor(bot, command.user_id);
    const t = (text: TText) => text[locale];
    const now = bot.clock.now();
    const zone = bot.settings.TIMEZONE;
    const reference = rest.split(/\s+/)[0] ?? "";
    if (reference === "") {
      const own = await listOwnReports(bot, command.user_id);
      const lines = own.map(
        (incident) =>
          `• *${incident.reference}* · ${systemLabel(bot.register, incident.system, locale)} · ${statusLabel(incident, locale)}`,
      );
      const text =
        own.length === 0 ? t(STATUS_TEXTS.noOwn) : [t(STATUS_TEXTS.ownTitle), ...lines, t(STATUS_TEXTS.hint)].join("\n");
      await ack({ response_type: "ephemeral", text });
      return;
    }
    const incident = await findIncidentByReference(bot, reference);
    if (!incident) {
      await ack({ response_type: "ephemeral", text: t(STATUS_TEXTS.notFound).replace("{reference}", reference.slice(0, 40)) });
      return;
    }
    const view = toHomeIncident(incident, now);
    const roles = userRoles(bot, command.user_id);
    const mayReadFreeText = incident.reporterId === command.user_id || roles.includes("dpo") || roles.includes("admin");
    const lines = [
      `*${incident.reference}* · ${systemLabel(bot.register, incident.system, locale)}`,
      statusLabel(view, locale),
      `${t(STATUS_TEXTS.deadline)}: ${timeText(view, now, zone, locale)}`,
      `${t(STATUS_TEXTS.owner)}: ${incident.ownerId ? `<@${incident.ownerId}>` : t(STATUS_TEXTS.notTaken)}`,
    ];
    if (view.nextStep && (roles.includes("dpo") || roles.includes("admin"))) {
      lines.push(`${t(STATUS_TEXTS.nextStep)}: ${NEXT_STEP_LABELS[view.nextStep][locale]}`);
    }
    if (mayReadFreeText) lines.push(`${t(STATUS_TEXTS.whatHappened)}: ${incident.whatHappened.slice(0, 500)}`);
    await ack({ response_type: "ephemeral", text: lines.join("\n") });
  },
};
