// The help: what the bot's command does, and what a data breach is.
import { defineTexts } from "../core/text/defineTexts.ts";

export const helpTexts = defineTexts({
  nl: {
    title: "Datalek melden met /datalek",
    unknown: (p: { text: string }) => `Ik ken "/datalek ${p.text}" niet. Dit kan wel:`,
    report: {
      call: "/datalek",
      description: "meld een (mogelijk) datalek. Er opent een formulier; het kost minder dan een minuut.",
    },
    help: { call: "/datalek help", description: "deze uitleg" },
    explanation:
      "Een datalek is elke situatie waarin persoonsgegevens bij de verkeerde persoon komen, verloren gaan of onbedoeld gewijzigd worden: een e-mail naar de verkeerde ouder, een kwijtgeraakte USB-stick, een gehackt account. Twijfel je? Meld het toch: de privacyfunctionaris beoordeelt het.",
  },
  en: {
    title: "Report a data breach with /datalek",
    unknown: (p: { text: string }) => `I don't know "/datalek ${p.text}". This is what I can do:`,
    report: { call: "/datalek", description: "report a (possible) data breach. A form opens; it takes less than a minute." },
    help: { call: "/datalek help", description: "this explanation" },
    explanation:
      "A data breach is any situation in which personal data reach the wrong person, are lost, or are changed by mistake: an e-mail to the wrong parent, a lost USB stick, a hacked account. In doubt? Report it anyway: the privacy officer will assess it.",
  },
});
