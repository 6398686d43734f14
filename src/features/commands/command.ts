// A word after the bot's command (`/datalek status`, or "datalek status" in
// a Teams chat): what it does, chat-neutral. Each front end parses the
// words, calls `run`, and shows the answer its own way.
import type { TForm, TFormDone } from "../../core/messages/form.ts";
import type { TMessage } from "../../core/messages/message.ts";
import type { TPersonId } from "../../core/people/person.ts";
import type { TLocale } from "../../core/text/locale.ts";
import type { TTexts } from "../../texts/index.ts";

export type TCommandAnswer =
  /** An answer only the person sees. */
  | { kind: "reply"; message: TMessage }
  /** A window with information (the details of an incident). */
  | { kind: "view"; view: TFormDone }
  /** A form to fill in. */
  | { kind: "form"; form: TForm };

export interface TCommandInput {
  actor: TPersonId;
  /** The words after the command's own word. */
  args: string;
  locale: TLocale;
  texts: TTexts;
  /** The front end's note of where the command was given. */
  where: string | null;
}

export interface TCommand<TDeps> {
  /** The words that call it, Dutch and English (e.g. ["lijst", "list"]). */
  words: readonly string[];
  /** How to call it, and what it does, for the help. */
  usage: (texts: TTexts) => { call: string; description: string };
  run(deps: TDeps, input: TCommandInput): Promise<TCommandAnswer>;
}
