// A person as the core knows them: an opaque id issued by a chat front end
// ("slack:U012AB3CD", "teams:<Entra object id>"). The core stores and
// compares it and never looks inside; only the front end that issued it
// resolves it to a user of its platform.
export type TPersonId = string;

/** Who did something that no person did: the bot itself, or the command-line tool. */
export const BOT_ACTOR: TPersonId = "bot";
export const CLI_ACTOR: TPersonId = "cli";

export function platformOf(person: TPersonId): string | undefined {
  const colon = person.indexOf(":");
  return colon > 0 ? person.slice(0, colon) : undefined;
}
