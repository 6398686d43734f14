// The message to the people concerned (Art. 34(2) AVG) in plain Dutch:
// what happened, whom to contact, the likely consequences, the measures
// taken, and what they can do themselves. A draft: the DPO adapts it.
import { formatLocal } from "../time/formatLocal.ts";
import { renderDraftText, toFill, type TDraft, type TDraftSection, type TNotificationDraftInput } from "./draftInput.ts";

export const SUBJECT_NOTICE_SECTION_IDS = ["what_happened", "consequences", "measures", "self_help", "contact"] as const;

/** What could happen, per kind of data, in words anyone understands. */
const CONSEQUENCES_NL: Record<string, string> = {
  identity_contact: "Iemand kan uw naam en contactgegevens gebruiken om u nep-berichten te sturen (phishing).",
  national_id: "Met uw burgerservicenummer (BSN) kan iemand proberen zich als u voor te doen (identiteitsfraude).",
  id_document: "Met een kopie van uw identiteitsbewijs kan iemand proberen zich als u voor te doen (identiteitsfraude).",
  financial: "Iemand kan uw financiële gegevens misbruiken, bijvoorbeeld om u op te lichten.",
  payment_card: "Iemand kan proberen met uw betaalkaartgegevens te betalen.",
  credentials: "Iemand kan met uw inloggegevens in uw account komen.",
  health:
    "Iemand die dat niet mag, kan informatie over uw gezondheid of zorg hebben gezien. Dat kan vervelend of beschamend zijn.",
  special_other: "Iemand kan gevoelige informatie over u hebben gezien. Dat kan vervelend of beschamend zijn.",
  criminal: "Iemand kan gevoelige informatie over u hebben gezien. Dat kan vervelend zijn of tot vooroordelen leiden.",
  location_behaviour: "Iemand kan weten waar u was of wat u deed.",
  other: "Iemand kan gegevens over u hebben gezien die niet voor hem of haar bedoeld waren.",
};

/** What people can do themselves, per kind of data. */
const SELF_HELP_NL: Record<string, string> = {
  identity_contact:
    "Wees extra alert op e-mails, sms'jes en telefoontjes die vragen om gegevens of een betaling. Klik niet op links als u twijfelt.",
  national_id:
    "Let op verdachte post of berichten van instanties. Twijfelt u? Neem contact op met het Centraal Meldpunt Identiteitsfraude.",
  id_document:
    "Twijfelt u of iemand uw identiteitsbewijs misbruikt? Neem contact op met het Centraal Meldpunt Identiteitsfraude en uw gemeente.",
  financial: "Controleer uw bankafschriften en meld verdachte afschrijvingen aan uw bank.",
  payment_card: "Neem contact op met uw bank om uw kaart te laten blokkeren en controleer uw afschrijvingen.",
  credentials: "Verander uw wachtwoord, ook op andere plekken waar u hetzelfde wachtwoord gebruikt.",
  health: "U hoeft zelf niets te doen. Hebt u vragen of zorgen, neem dan contact met ons op.",
};

export function buildSubjectNoticeDraft(input: TNotificationDraftInput): TDraft {
  const { incident, answers } = input;
  const day = (date: Date) => formatLocal(date, input.zone, "nl");
  const categories = answers.data_categories ?? incident.dataKinds;
  const organisation = input.organisationName ?? "wij";

  const whatHappened = [
    `Op ${day(incident.discoveredAt)} ontdekten wij dat er iets mis is gegaan met uw persoonsgegevens. ${
      organisation === "wij" ? "" : `(${organisation})`
    }`.trim(),
    toFill("leg in gewone woorden en zonder namen van anderen uit wat er is gebeurd"),
    `(Ter informatie voor u als opsteller, uit de melding: ${incident.whatHappened})`,
  ];

  const consequences = [
    ...categories.map((category) => CONSEQUENCES_NL[category]).filter((line): line is string => Boolean(line)),
    ...(categories.length === 0 ? [toFill("wat de mogelijke gevolgen voor de ontvanger zijn")] : []),
  ];

  const stoppedLine =
    incident.stopped === "yes"
      ? "Wij hebben het lek gestopt."
      : incident.stopped === "no"
        ? "Wij werken eraan het lek te stoppen."
        : "Wij zoeken uit of het lek gestopt is.";
  const measures = [
    stoppedLine,
    ...(answers.recipient === "trusted"
      ? ["De ontvanger heeft de gegevens teruggegeven of verwijderd en heeft geheimhouding beloofd."]
      : []),
    ...(input.measures.length > 0
      ? input.measures.map((measure) => `- ${measure.what}`)
      : [toFill("welke maatregelen wij hebben genomen om de gevolgen te beperken en herhaling te voorkomen")]),
  ];

  const selfHelp = [
    ...new Set(categories.map((category) => SELF_HELP_NL[category]).filter((line): line is string => Boolean(line))),
  ];
  if (selfHelp.length === 0) selfHelp.push("U hoeft zelf niets te doen. Hebt u vragen of zorgen, neem dan contact met ons op.");

  const contact = [
    input.privacyContact
      ? `Hebt u vragen? Neem contact op met ${input.privacyContact}.`
      : `Hebt u vragen? Neem contact op met ${toFill("naam, telefoonnummer en e-mailadres van de privacyfunctionaris")}.`,
    `Noem daarbij ons kenmerk ${input.reference}.`,
    "U hebt ook het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens.",
  ];

  const sections: TDraftSection[] = [
    { id: "what_happened", title: "Wat is er gebeurd?", lines: whatHappened },
    { id: "consequences", title: "Wat kan dit voor u betekenen?", lines: consequences },
    { id: "measures", title: "Wat hebben wij gedaan?", lines: measures },
    { id: "self_help", title: "Wat kunt u zelf doen?", lines: selfHelp },
    { id: "contact", title: "Vragen?", lines: contact },
  ];
  const title = `Concept bericht aan de betrokkenen (${input.reference})`;
  const intro = [
    `Opgesteld op ${day(input.now)}. Pas de tekst aan voor de ontvanger en vul aan wat met "NOG INVULLEN" gemarkeerd is.`,
    "",
    "Beste meneer, mevrouw,",
    "",
    `Wij moeten u helaas laten weten dat er een fout is gemaakt met gegevens over u. Wij vinden dat heel vervelend en bieden u onze excuses aan.`,
  ];
  return {
    title,
    sections,
    text: renderDraftText(title, intro, sections),
    filename: `concept-bericht-betrokkenen-${input.reference}.txt`,
  };
}
