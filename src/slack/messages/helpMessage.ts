// `/datalek help`, and the answer to any text the command does not know.
import type { TLocale } from "../../assessment/questions.ts";
import { SUBCOMMANDS } from "../commands/subcommands.ts";

export function renderHelp(locale: TLocale, unknownText?: string): string {
  const nl = locale === "nl";
  const intro = unknownText
    ? nl
      ? `Ik ken \`/datalek ${unknownText}\` niet. Dit kan wel:`
      : `I don't know \`/datalek ${unknownText}\`. This is what I can do:`
    : nl
      ? "*Datalek melden met /datalek*"
      : "*Report a data breach with /datalek*";
  const commands = [
    nl
      ? "• `/datalek`: meld een (mogelijk) datalek. Er opent een formulier; het kost minder dan een minuut."
      : "• `/datalek`: report a (possible) data breach. A form opens; it takes less than a minute.",
    ...SUBCOMMANDS.map((subcommand) => `• \`${subcommand.usage}\`: ${subcommand.description[locale]}`),
  ];
  const explanation = nl
    ? "Een datalek is elke situatie waarin persoonsgegevens bij de verkeerde persoon komen, verloren gaan, of onbedoeld gewijzigd worden: een e-mail naar de verkeerde ouder, een kwijtgeraakte USB-stick, een gehackt account. Twijfel je? Meld het toch: de privacyfunctionaris beoordeelt het."
    : "A data breach is any situation in which personal data reach the wrong person, are lost, or are changed by mistake: an e-mail to the wrong parent, a lost USB stick, a hacked account. In doubt? Report it anyway: the privacy officer will assess it.";
  return [intro, ...commands, explanation].join("\n");
}
