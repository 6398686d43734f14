// The direct message to each privacy officer when the bot cannot post in a
// configured channel: what is wrong and what to type.
import type { TLocale } from "../../assessment/questions.ts";

export interface TSetupNotice {
  setting: string;
  channelId: string;
  state: "not_member" | "not_found" | "archived";
  name?: string | null | undefined;
}

export function renderSetupNotice(notice: TSetupNotice, locale: TLocale): string {
  const channel = `<#${notice.channelId}>`;
  const purpose =
    notice.setting === "DPO_CHANNEL_ID"
      ? { nl: "het kanaal van de privacyfunctionarissen", en: "the privacy officers' channel" }
      : { nl: "het managementkanaal", en: "the management channel" };
  if (notice.state === "archived")
    return locale === "nl"
      ? `:warning: Ik kan niet posten in ${purpose.nl} ${channel}: het kanaal is gearchiveerd. Haal het uit het archief of laat de beheerder een ander kanaal instellen (${notice.setting}). Meldingen komen tot die tijd alleen per direct bericht.`
      : `:warning: I cannot post in ${purpose.en} ${channel}: the channel is archived. Unarchive it or ask the administrator to set another channel (${notice.setting}). Until then, pages arrive by direct message only.`;
  return locale === "nl"
    ? `:warning: Ik ben geen lid van ${purpose.nl} ${channel}, dus ik kan daar niets posten. Typ in dat kanaal \`/invite @Datalek\`. Meldingen komen tot die tijd alleen per direct bericht.`
    : `:warning: I am not a member of ${purpose.en} ${channel}, so I cannot post there. Type \`/invite @Datalek\` in that channel. Until then, pages arrive by direct message only.`;
}
