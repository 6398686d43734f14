// `/datalek register` (or `systemen`): the register of systems, ephemeral
// and short enough to read on a phone; `/datalek register <key>` shows every
// column of one system.
import type { KnownBlock } from "@slack/types";
import type { TRegisterSystem } from "../../register/loadRegister.ts";
import { cadenceLabel } from "../duties/renderDutyMessage.ts";
import type { TSubcommand } from "./subcommands.ts";

function systemSummary(system: TRegisterSystem, nl: boolean): string {
  return [
    `*${system.name}* (\`${system.key}\`) — ${system.description}`,
    `${nl ? "Bewaartermijn" : "Retention"}: ${system.retention} · ${nl ? "controle" : "review"} ${cadenceLabel(system.retention_review, nl ? "nl" : "en")} · ${nl ? "eigenaar" : "owner"} <@${system.owner}>`,
  ].join("\n");
}

function systemDetail(system: TRegisterSystem, nl: boolean): string {
  const rows: [string, string][] = [
    [nl ? "Wat is het" : "What it is", system.description],
    [nl ? "Soorten gegevens" : "Data kinds", system.data_kinds],
    [nl ? "Gegevensverkeer" : "Data flow", system.data_flow],
    [nl ? "Beveiligingsmaatregelen" : "Security measures", system.security_measures.join("; ")],
    [nl ? "Betrokkenen" : "People concerned", system.people_concerned],
    [nl ? "Bewaartermijn" : "Retention term", system.retention],
    ...(system.retention_action
      ? [[nl ? "Bij controle verwijderen" : "Remove at review", system.retention_action] as [string, string]]
      : []),
    [nl ? "Controle" : "Review", cadenceLabel(system.retention_review, nl ? "nl" : "en")],
    [nl ? "Eigenaar" : "Owner", `<@${system.owner}>`],
  ];
  return [`*${system.name}* (\`${system.key}\`)`, ...rows.map(([label, value]) => `*${label}:* ${value}`)]
    .join("\n")
    .slice(0, 2900);
}

export const registerSubcommand: TSubcommand = {
  words: ["register", "systemen", "systems"],
  usage: "/datalek register [systeem]",
  description: {
    nl: "het register van systemen en hun bewaartermijnen",
    en: "the register of systems and their retention terms",
  },
  async run({ ack, bot, rest }) {
    const nl = bot.locale === "nl";
    const systems = bot.register.systems;
    const wanted = rest.trim().toLowerCase();
    const one = wanted ? systems.find((system) => system.key === wanted || system.name.toLowerCase() === wanted) : undefined;
    if (one) {
      await ack({
        response_type: "ephemeral",
        text: systemDetail(one, nl).replace(/\*/g, ""),
        blocks: [{ type: "section", text: { type: "mrkdwn", text: systemDetail(one, nl) } }],
      });
      return;
    }
    const blocks: KnownBlock[] = [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: nl
            ? `*Register van systemen* (${systems.length}). Alle kolommen van één systeem: \`/datalek register <naam>\`.`
            : `*Register of systems* (${systems.length}). Every column of one system: \`/datalek register <name>\`.`,
        },
      },
      ...systems.map((system) => ({
        type: "section" as const,
        text: { type: "mrkdwn" as const, text: systemSummary(system, nl) },
      })),
    ];
    await ack({
      response_type: "ephemeral",
      text: systems.map((system) => `${system.name}: ${system.retention}`).join("\n"),
      blocks: blocks.slice(0, 50),
    });
  },
};
