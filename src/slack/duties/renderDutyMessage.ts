// Renders the recurring duties' messages when they are delivered, from the
// current records where there are any. Dutch or English per the bot's locale.
import type { KnownBlock } from "@slack/types";
import { DateTime } from "luxon";
import type { TBotContext } from "../../app/botContext.ts";
import type { TLocale } from "../../assessment/questions.ts";
import { SUMMARY_LEVELS, type TYearSummary } from "../../domain/duties/yearSummary.ts";
import { formatLocal } from "../../domain/time/formatLocal.ts";
import type { TDigestData } from "../../services/digest/weeklyDigest.ts";
import { DUTY_ACTIONS } from "./dutyIds.ts";

export interface TRendered {
  text: string;
  blocks: KnownBlock[];
}

type TParams = Record<string, unknown>;

const CADENCE_LABELS: Record<string, { nl: string; en: string }> = {
  monthly: { nl: "maandelijks", en: "monthly" },
  quarterly: { nl: "per kwartaal", en: "quarterly" },
  half_yearly: { nl: "halfjaarlijks", en: "half-yearly" },
  yearly: { nl: "jaarlijks", en: "yearly" },
};

const LEVEL_LABELS: Record<string, { nl: string; en: string }> = {
  high_risk: { nl: "hoog risico", en: "high risk" },
  risk: { nl: "risico", en: "risk" },
  no_risk: { nl: "geen risico", en: "no risk" },
  not_a_breach: { nl: "geen datalek", en: "not a breach" },
  unassessed: { nl: "niet beoordeeld", en: "not assessed" },
};

const DECISION_LABELS: Record<string, { nl: string; en: string }> = {
  ap_notified: { nl: "gemeld bij de AP", en: "notified to the AP" },
  not_notifiable: { nl: "niet meldplichtig", en: "not notifiable" },
  not_a_breach: { nl: "geen datalek", en: "not a breach" },
};

export function cadenceLabel(cadence: string, locale: TLocale): string {
  return CADENCE_LABELS[cadence]?.[locale] ?? cadence;
}

export function formatLocalDate(date: string, zone: string, locale: TLocale): string {
  return DateTime.fromISO(date, { zone })
    .setLocale(locale === "nl" ? "nl-NL" : "en-GB")
    .toFormat("ccc d LLL yyyy");
}

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function button(actionId: string, value: string, label: string, primary = false) {
  return {
    type: "button" as const,
    action_id: actionId,
    value,
    text: { type: "plain_text" as const, text: label },
    ...(primary ? { style: "primary" as const } : {}),
  };
}

function plain(blocks: KnownBlock[]): string {
  return blocks
    .map((block) => ("text" in block && block.text && typeof block.text === "object" ? block.text.text : ""))
    .filter(Boolean)
    .join("\n")
    .replace(/[*_]/g, "")
    .slice(0, 2900);
}

function rendered(blocks: KnownBlock[]): TRendered {
  return { text: plain(blocks), blocks };
}

export async function renderDutyMessage(context: TBotContext, message: string, params: TParams): Promise<TRendered> {
  const locale = context.locale;
  const nl = locale === "nl";
  const zone = context.settings.TIMEZONE;
  const at = (iso: unknown) => formatLocal(new Date(String(iso)), zone, locale);
  const prisma = context.database.prisma;

  switch (message) {
    case "retention_nudge":
    case "retention_answered":
    case "retention_escalation": {
      const review = await prisma.retentionReview.findUniqueOrThrow({ where: { id: String(params.reviewId) } });
      const system = context.register.systems.find((candidate) => candidate.key === review.systemKey);
      const name = system?.name ?? review.systemKey;
      const title = nl ? `Bewaartermijn-controle ${name} (${review.period})` : `Retention review ${name} (${review.period})`;
      const action =
        system?.retention_action ?? (nl ? `gegevens die de bewaartermijn voorbij zijn` : `data past its retention term`);
      if (message === "retention_nudge") {
        const blocks: KnownBlock[] = [
          section(
            `${params.reminder ? (nl ? ":alarm_clock: Herinnering: " : ":alarm_clock: Reminder: ") : ":broom: "}*${title}*`,
          ),
          section(
            nl
              ? `Verwijder nu uit *${name}*: ${action}.\nBewaartermijn volgens het register: ${system?.retention ?? "?"} (controle ${cadenceLabel(system?.retention_review ?? "", locale)}).`
              : `Remove from *${name}* now: ${action}.\nRetention term in the register: ${system?.retention ?? "?"} (reviewed ${cadenceLabel(system?.retention_review ?? "", locale)}).`,
          ),
          {
            type: "actions",
            block_id: "retention_review",
            elements: [
              button(DUTY_ACTIONS.retentionDone, review.id, nl ? "Gedaan" : "Done", true),
              button(DUTY_ACTIONS.retentionSnoozeDay, review.id, nl ? "Herinner me morgen" : "Remind me tomorrow"),
              button(DUTY_ACTIONS.retentionSnoozeWeek, review.id, nl ? "Herinner me volgende week" : "Remind me next week"),
            ],
          },
        ];
        return { text: `${title}: ${action}`, blocks };
      }
      if (message === "retention_answered") {
        const line =
          params.answer === "done"
            ? nl
              ? `:white_check_mark: *${title}* afgerond door <@${review.completedBy}> op ${at(review.completedAt)}.`
              : `:white_check_mark: *${title}* completed by <@${review.completedBy}> on ${at(review.completedAt)}.`
            : nl
              ? `:alarm_clock: *${title}*: ik herinner je er op ${at(params.until)} weer aan.`
              : `:alarm_clock: *${title}*: I will remind you on ${at(params.until)}.`;
        return rendered([section(line)]);
      }
      return rendered([
        section(
          nl
            ? `:warning: *${title}* is na ${params.days} dagen nog niet bevestigd door <@${review.ownerId}> (eerste herinnering ${at(review.firstNudgeAt)}). Wat verwijderd moet worden: ${action}.`
            : `:warning: *${title}* has not been confirmed by <@${review.ownerId}> after ${params.days} days (first nudge ${at(review.firstNudgeAt)}). To remove: ${action}.`,
        ),
      ]);
    }
    case "measure_assigned":
    case "measure_reminder":
    case "measure_done": {
      const measure = await prisma.correctiveMeasure.findUniqueOrThrow({ where: { id: String(params.measureId) } });
      const incident = await prisma.incident.findUniqueOrThrow({ where: { id: measure.incidentId } });
      const due = formatLocalDate(measure.dueDate, zone, locale);
      if (message === "measure_done")
        return rendered([
          section(
            nl
              ? `:white_check_mark: Maatregel bij ${incident.reference} afgerond door <@${measure.doneBy}> op ${at(measure.doneAt)}: ${measure.what}`
              : `:white_check_mark: Measure for ${incident.reference} completed by <@${measure.doneBy}> on ${at(measure.doneAt)}: ${measure.what}`,
          ),
        ]);
      const intro =
        message === "measure_assigned"
          ? nl
            ? `:clipboard: Je bent eigenaar van een corrigerende maatregel bij *${incident.reference}*, uiterlijk *${due}*:`
            : `:clipboard: You own a corrective measure for *${incident.reference}*, due *${due}*:`
          : params.overdue
            ? nl
              ? `:warning: Te laat: de maatregel bij *${incident.reference}* had op *${due}* klaar moeten zijn:`
              : `:warning: Overdue: the measure for *${incident.reference}* was due on *${due}*:`
            : nl
              ? `:alarm_clock: Vandaag (${due}) moet de maatregel bij *${incident.reference}* klaar zijn:`
              : `:alarm_clock: The measure for *${incident.reference}* is due today (${due}):`;
      return rendered([
        section(`${intro}\n>${measure.what}`),
        {
          type: "actions",
          block_id: "measure",
          elements: [button(DUTY_ACTIONS.measureDone, measure.id, nl ? "Afgerond" : "Done", true)],
        },
      ]);
    }
    case "evaluation_request": {
      const incident = await prisma.incident.findUniqueOrThrow({ where: { id: String(params.incidentId) } });
      return rendered([
        section(
          nl
            ? `:mag: *Evaluatie van ${incident.reference}* (protocol, paragraaf 8). Het incident is afgesloten op ${at(incident.closedAt)}. Hebben de genomen maatregelen gewerkt, en moet de procedure voor datalekken worden bijgewerkt?`
            : `:mag: *Evaluation of ${incident.reference}* (protocol, section 8). The incident was closed on ${at(incident.closedAt)}. Did the measures work, and does the breach procedure need to change?`,
        ),
        {
          type: "actions",
          block_id: "evaluation",
          elements: [
            button(DUTY_ACTIONS.evaluationStart, incident.reference, nl ? "Evaluatie invullen" : "Record evaluation", true),
          ],
        },
      ]);
    }
    case "policy_evaluation_request": {
      const summary = params.summary as TYearSummary;
      const levels = SUMMARY_LEVELS.filter((level) => (summary.byLevel[level] ?? 0) > 0)
        .map((level) => `${LEVEL_LABELS[level]![locale]}: ${summary.byLevel[level]}`)
        .join(", ");
      const title = nl ? `Jaarlijkse evaluatie ${params.year}` : `Yearly evaluation ${params.year}`;
      const blocks: KnownBlock[] = [
        section(`:calendar: *${title}*${Number(params.repeat) > 0 ? (nl ? " (herinnering)" : " (reminder)") : ""}`),
        section(
          nl
            ? "Evalueer en werk bij (dataverkeerbeleid, paragraaf 8):\n• het dataverkeerbeleid\n• het verwerkingsregister (`/datalek register`)\n• de beveiligingsmaatregelen\n• de procedure bij datalekken"
            : "Review and update (data-traffic policy, section 8):\n• the data-traffic policy\n• the processing register (`/datalek register`)\n• the security measures\n• the breach procedure",
        ),
        section(
          nl
            ? `*Incidenten in ${summary.year}:* ${summary.total}${levels ? ` (${levels})` : ""}\n• gemeld bij de AP: ${summary.notifiedToAp}, waarvan te laat: ${summary.notifiedLate}\n• betrokkenen geïnformeerd: ${summary.peopleInformed}\n• maatregelen nog open: ${summary.measuresOpen}`
            : `*Incidents in ${summary.year}:* ${summary.total}${levels ? ` (${levels})` : ""}\n• notified to the AP: ${summary.notifiedToAp}, late: ${summary.notifiedLate}\n• people informed: ${summary.peopleInformed}\n• measures still open: ${summary.measuresOpen}`,
        ),
        {
          type: "actions",
          block_id: "policy_evaluation",
          elements: [
            button(DUTY_ACTIONS.policyEvaluationDone, String(params.year), nl ? "Evaluatie afgerond" : "Evaluation done", true),
          ],
        },
      ];
      return rendered(blocks);
    }
    case "policy_evaluation_done": {
      const evaluation = await prisma.policyEvaluation.findUniqueOrThrow({ where: { year: Number(params.year) } });
      return rendered([
        section(
          nl
            ? `:white_check_mark: Jaarlijkse evaluatie ${evaluation.year} afgerond door <@${evaluation.completedBy}> op ${at(evaluation.completedAt)}.`
            : `:white_check_mark: Yearly evaluation ${evaluation.year} completed by <@${evaluation.completedBy}> on ${at(evaluation.completedAt)}.`,
        ),
      ]);
    }
    case "weekly_digest": {
      const digest = params as unknown as TDigestData;
      const none = nl ? "geen" : "none";
      const incidents =
        digest.openIncidents
          .map(
            (incident) =>
              `${incident.reference} (${incident.status})${incident.overdue ? (nl ? " :warning: deadline verstreken zonder besluit" : " :warning: deadline passed without decision") : ""}`,
          )
          .join(", ") || none;
      const decisions =
        digest.decisions
          .map((item) => `${item.reference}: ${DECISION_LABELS[item.decision]?.[locale] ?? item.decision}`)
          .join(", ") || none;
      const reviews =
        digest.reviewsOpen
          .map((review) => {
            const name = context.register.systems.find((system) => system.key === review.systemKey)?.name ?? review.systemKey;
            return `${name} (${review.period})${review.escalated ? " :warning:" : ""}`;
          })
          .join(", ") || none;
      return rendered([
        section(nl ? ":newspaper: *Weekoverzicht datalekken*" : ":newspaper: *Weekly breach digest*"),
        section(
          nl
            ? `*Open incidenten (${digest.openIncidents.length}):* ${incidents}\n*Besluiten afgelopen week:* ${decisions}\n*Open maatregelen:* ${digest.measuresOpen}, waarvan te laat: ${digest.measuresOverdue}\n*Bewaartermijn-controles open:* ${reviews}`
            : `*Open incidents (${digest.openIncidents.length}):* ${incidents}\n*Decisions in the past week:* ${decisions}\n*Open measures:* ${digest.measuresOpen}, overdue: ${digest.measuresOverdue}\n*Retention reviews open:* ${reviews}`,
        ),
      ]);
    }
    case "register_broken": {
      const problems = (params.problems as string[]).map((problem) => `• ${problem}`).join("\n");
      return rendered([
        section(
          nl
            ? `:warning: *Het registerbestand heeft fouten* (\`${params.file}\`). Ik gebruik het laatste goede register (geladen ${at(params.lastGoodAt)}) tot het bestand is hersteld en de bot opnieuw is gestart:\n${problems}`
            : `:warning: *The register file has problems* (\`${params.file}\`). I am using the last good register (loaded ${at(params.lastGoodAt)}) until the file is fixed and the bot restarted:\n${problems}`,
        ),
      ]);
    }
    default:
      throw Object.assign(new Error(`unknown duty message ${message}`), { code: "datalek_undeliverable" });
  }
}
