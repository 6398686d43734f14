// The report modal (`/datalek`): callback_id and block ids are a stable
// interface (shared/spec/interfaces.md). Written for a care worker on a
// phone: short labels, hints that say what not to type.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { questionById, type TLocale } from "../../assessment/questions.ts";
import { MAX_DESCRIPTION_LENGTH, STOPPED_VALUES } from "../../domain/incidents/reportInput.ts";
import type { TRegister } from "../../register/loadRegister.ts";
import { STOPPED_LABELS, systemKeys, systemLabel } from "../vocabulary.ts";

export const REPORT_CALLBACK_ID = "datalek_report";

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });

function option(value: string, label: string): PlainTextOption {
  return { text: plain(label.slice(0, 75)), value };
}

export function buildReportModal(register: TRegister, locale: TLocale, now: Date): ModalView {
  const nl = locale === "nl";
  const dataKinds = questionById("data_categories").values;
  const recipients = questionById("recipient").values;
  const blocks: KnownBlock[] = [
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: nl
            ? ":lock: Typ *geen namen, BSN's of andere gegevens* van cliënten of collega's. De privacyfunctionaris vraagt zelf door."
            : ":lock: Do *not* type names, citizen service numbers (BSN) or other details of clients or colleagues. The privacy officer will ask.",
        },
      ],
    },
    {
      type: "input",
      block_id: "what_happened",
      label: plain(nl ? "Wat is er gebeurd?" : "What happened?"),
      hint: plain(
        nl
          ? "Beschrijf het kort en zonder namen, bijvoorbeeld: 'zorgplan naar verkeerde ouder gemaild'."
          : "Describe it briefly without names, for example: 'care plan e-mailed to the wrong parent'.",
      ),
      element: {
        type: "plain_text_input",
        action_id: "what_happened",
        multiline: true,
        max_length: MAX_DESCRIPTION_LENGTH,
      },
    },
    {
      type: "input",
      block_id: "discovered_at",
      label: plain(nl ? "Wanneer ontdekt?" : "When was it discovered?"),
      hint: plain(nl ? "Standaard nu. Mag in het verleden liggen." : "Defaults to now. May lie in the past."),
      element: {
        type: "datetimepicker",
        action_id: "discovered_at",
        initial_date_time: Math.floor(now.getTime() / 1000),
      },
    },
    {
      type: "input",
      block_id: "occurred_at",
      optional: true,
      label: plain(nl ? "Wanneer gebeurd (als je het weet)?" : "When did it happen (if known)?"),
      element: { type: "datetimepicker", action_id: "occurred_at" },
    },
    {
      type: "input",
      block_id: "system",
      label: plain(nl ? "Welk systeem of kanaal?" : "Which system or channel?"),
      element: {
        type: "static_select",
        action_id: "system",
        placeholder: plain(nl ? "Kies een systeem" : "Choose a system"),
        options: systemKeys(register).map((key) => option(key, systemLabel(register, key, locale))),
      },
    },
    {
      type: "input",
      block_id: "data_kinds",
      label: plain(nl ? "Welke soorten gegevens?" : "Which kinds of data?"),
      hint: plain(nl ? "Kies alles wat klopt; 'overige' als je het niet weet." : "Choose all that apply; 'other' if unsure."),
      element: {
        type: "multi_static_select",
        action_id: "data_kinds",
        placeholder: plain(nl ? "Kies soorten gegevens" : "Choose kinds of data"),
        options: dataKinds.map((value) => option(value.value, value.label[locale])),
      },
    },
    {
      type: "input",
      block_id: "people_affected",
      label: plain(nl ? "Om hoeveel personen gaat het ongeveer?" : "Roughly how many people are concerned?"),
      hint: plain(
        nl ? "Een schatting is goed; neem liever te veel dan te weinig." : "An estimate is fine; rather too many than too few.",
      ),
      element: {
        type: "number_input",
        action_id: "people_affected",
        is_decimal_allowed: false,
        min_value: "0",
        max_value: "10000000",
      },
    },
    {
      type: "input",
      block_id: "stopped",
      label: plain(nl ? "Is het lek gestopt?" : "Has the breach been stopped?"),
      element: {
        type: "radio_buttons",
        action_id: "stopped",
        options: STOPPED_VALUES.map((value) => option(value, STOPPED_LABELS[value]![locale])),
      },
    },
    {
      type: "input",
      block_id: "recipient",
      label: plain(nl ? "Wie kan de gegevens gezien of gekregen hebben?" : "Who may have seen or received the data?"),
      element: {
        type: "static_select",
        action_id: "recipient",
        placeholder: plain(nl ? "Kies wat het best past" : "Choose the best fit"),
        options: recipients.map((value) => option(value.value, value.label[locale])),
      },
    },
  ];
  return {
    type: "modal",
    callback_id: REPORT_CALLBACK_ID,
    title: plain(nl ? "Datalek melden" : "Report a data breach"),
    submit: plain(nl ? "Melden" : "Report"),
    close: plain(nl ? "Annuleren" : "Cancel"),
    blocks,
  };
}
