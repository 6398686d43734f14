// Labels for the values that appear in reports and messages: systems from
// the register, the other values from the checklist's vocabulary.
import { valueLabel, type TLocale, type TText } from "../assessment/questions.ts";
import type { TRegister } from "../register/loadRegister.ts";

export const EXTRA_SYSTEMS: { key: string; label: TText }[] = [
  { key: "email", label: { nl: "E-mail", en: "E-mail" } },
  { key: "paper", label: { nl: "Papier (dossier, brief, print)", en: "Paper (file, letter, print)" } },
  { key: "other", label: { nl: "Anders / weet ik niet", en: "Other / not sure" } },
];

export const STOPPED_LABELS: Record<string, TText> = {
  yes: { nl: "Ja, het lek is gestopt", en: "Yes, it has been stopped" },
  no: { nl: "Nee, het loopt nog", en: "No, it is still going on" },
  unknown: { nl: "Weet ik niet", en: "I don't know" },
};

export function text(value: TText, locale: TLocale): string {
  return value[locale];
}

export function systemKeys(register: TRegister): string[] {
  return [...register.systems.map((system) => system.key), ...EXTRA_SYSTEMS.map((system) => system.key)];
}

export function systemLabel(register: TRegister, key: string, locale: TLocale): string {
  const system = register.systems.find((candidate) => candidate.key === key);
  if (system) return system.name;
  const extra = EXTRA_SYSTEMS.find((candidate) => candidate.key === key);
  return extra ? extra.label[locale] : key;
}

export function dataKindsLabel(kinds: readonly string[], locale: TLocale): string {
  return kinds.map((kind) => valueLabel("data_categories", kind, locale)).join(", ");
}

export function recipientLabel(value: string, locale: TLocale): string {
  return valueLabel("recipient", value, locale);
}
