// `/datalek register` (or `systemen`): the register of systems, short
// enough to read on a phone, only to the one who asked; `/datalek register
// <key or name>` shows every column of one system.
import type { TBlock, TMessage } from "../../core/messages/message.ts";
import type { TRoleDirectory } from "../../core/people/roles.ts";
import { person, spansOf, type TRichText } from "../../core/text/richText.ts";
import { formatNumber } from "../../core/time/formatLocal.ts";
import type { TTexts } from "../../texts/index.ts";
import type { TCommand } from "../commands/command.ts";
import type { TRegister, TRegisterSystem } from "./loadRegister.ts";
import { systemOwnerPerson } from "./systemOwner.ts";

export interface TRegisterCommandDeps {
  register: TRegister;
  roles: TRoleDirectory;
}

function ownerText(deps: TRegisterCommandDeps, system: TRegisterSystem, texts: TTexts): TRichText {
  const owner = systemOwnerPerson(deps, system.key);
  return owner ? [person(owner)] : texts.register.command.unknownOwner;
}

function systemSummary(deps: TRegisterCommandDeps, system: TRegisterSystem, texts: TTexts): TBlock {
  const t = texts.register.command;
  const line = t.line({ retention: system.retention, cadence: texts.register.cadences[system.retention_review] });
  return {
    kind: "text",
    text: [
      ...spansOf(t.title({ name: system.name, key: system.key })),
      ` — ${system.description}\n`,
      ...spansOf(line),
      ...spansOf(ownerText(deps, system, texts)),
    ],
  };
}

function systemDetail(deps: TRegisterCommandDeps, system: TRegisterSystem, texts: TTexts): TMessage {
  const t = texts.register.command;
  const columns = t.columns;
  return {
    summary: `${system.name}: ${system.retention}`,
    blocks: [
      { kind: "text", text: t.title({ name: system.name, key: system.key }) },
      {
        kind: "facts",
        facts: [
          { label: columns.description, value: system.description },
          { label: columns.dataKinds, value: system.data_kinds },
          { label: columns.dataFlow, value: system.data_flow },
          { label: columns.securityMeasures, value: system.security_measures.join("; ") },
          { label: columns.peopleConcerned, value: system.people_concerned },
          { label: columns.retention, value: system.retention },
          ...(system.retention_action ? [{ label: columns.retentionAction, value: system.retention_action }] : []),
          { label: columns.review, value: texts.register.cadences[system.retention_review] },
          { label: columns.owner, value: ownerText(deps, system, texts) },
        ],
      },
    ],
  };
}

export const registerCommand: TCommand<TRegisterCommandDeps> = {
  words: ["register", "systemen", "systems"],
  usage: (texts) => texts.register.command.usage,
  async run(deps, input) {
    const t = input.texts.register.command;
    const systems = deps.register.systems;
    const wanted = input.args.trim().toLowerCase();
    const one = wanted ? systems.find((system) => system.key === wanted || system.name.toLowerCase() === wanted) : undefined;
    if (one) return { kind: "reply", message: systemDetail(deps, one, input.texts) };
    const heading = t.heading({ count: formatNumber(systems.length, input.locale) });
    return {
      kind: "reply",
      message: {
        summary: systems.map((system) => `${system.name}: ${system.retention}`).join("\n"),
        blocks: [
          { kind: "text", text: [{ strong: heading }] },
          { kind: "text", text: wanted ? t.notFound({ text: input.args.trim().slice(0, 50) }) : t.intro() },
          ...systems.map((system) => systemSummary(deps, system, input.texts)),
        ],
      },
    };
  },
};
