// The systems a report can name: the register's, plus e-mail, paper and
// "other", each with its label.
import type { TTexts } from "../../texts/index.ts";
import { EXTRA_SYSTEM_KEYS, type TExtraSystem } from "../../texts/vocabulary.ts";
import type { TRegister } from "./loadRegister.ts";

export function systemKeys(register: TRegister): string[] {
  return [...register.systems.map((system) => system.key), ...EXTRA_SYSTEM_KEYS];
}

export function systemLabel(register: TRegister, key: string, texts: TTexts): string {
  const system = register.systems.find((candidate) => candidate.key === key);
  if (system) return system.name;
  return (EXTRA_SYSTEM_KEYS as readonly string[]).includes(key) ? texts.vocabulary.extraSystems[key as TExtraSystem] : key;
}
