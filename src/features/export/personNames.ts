// People in the export by name where the chat knows them: the front end
// gives a resolver (Slack asks users.info); without one (the command line)
// a person is shown by their id. The bot, the command line and an erased
// reporter are named in words.
import type { TPersonId } from "../../core/people/person.ts";
import type { TTexts } from "../../texts/index.ts";
import { actorSpan } from "../audit/timelineText.ts";

/** A person's name as the chat knows it; undefined when it does not. */
export type TNameOf = (person: TPersonId) => Promise<string | undefined>;

/** At most this many people are looked up per export; the rest are shown by id. */
const MAX_LOOKUPS = 500;

export class PersonNames {
  private readonly known = new Map<string, string | undefined>();

  constructor(
    private readonly texts: TTexts,
    private readonly nameOf?: TNameOf,
  ) {}

  /** Looks up everyone not looked up before (call once per page, before writing it). */
  async learn(people: Iterable<string | null | undefined>): Promise<void> {
    if (!this.nameOf) return;
    for (const candidate of people) {
      if (!candidate || this.known.has(candidate) || this.known.size >= MAX_LOOKUPS) continue;
      const span = actorSpan(candidate, this.texts);
      if (span === undefined || typeof span === "string") continue;
      this.known.set(candidate, await this.nameOf(candidate).catch(() => undefined));
    }
  }

  /** The name, the words for a non-person, or the id. */
  name(person: string | null | undefined): string {
    if (!person) return "";
    const span = actorSpan(person, this.texts);
    if (span === undefined) return this.texts.common.theBot;
    if (typeof span === "string") return span;
    return this.known.get(person) ?? person;
  }
}
