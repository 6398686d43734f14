// Telling the privacy officers that the Slack setup is not right yet: the
// bot cannot post in a channel it must post in.
import { defineTexts } from "../core/text/defineTexts.ts";

export const setupTexts = defineTexts({
  nl: {
    dpoChannel: "het kanaal van de privacyfunctionarissen",
    managementChannel: "het managementkanaal",
    archived: (p: { purpose: string; setting: string }) =>
      `⚠️ Ik kan niet posten in ${p.purpose} (${p.setting}): het kanaal is gearchiveerd. Haal het uit het archief of laat de beheerder een ander kanaal instellen. Meldingen komen tot die tijd alleen per direct bericht.`,
    notMember: (p: { purpose: string }) =>
      `⚠️ Ik ben geen lid van ${p.purpose}, dus ik kan daar niets posten. Typ in dat kanaal /invite @Datalek. Meldingen komen tot die tijd alleen per direct bericht.`,
    channel: "Kanaal: ",
  },
  en: {
    dpoChannel: "the privacy officers' channel",
    managementChannel: "the management channel",
    archived: (p: { purpose: string; setting: string }) =>
      `⚠️ I cannot post in ${p.purpose} (${p.setting}): the channel is archived. Unarchive it or ask the administrator to set another channel. Until then, pages arrive by direct message only.`,
    notMember: (p: { purpose: string }) =>
      `⚠️ I am not a member of ${p.purpose}, so I cannot post there. Type /invite @Datalek in that channel. Until then, pages arrive by direct message only.`,
    channel: "Channel: ",
  },
});
