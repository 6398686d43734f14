// A form as the core asks it (the report, a decision, a measure): fields
// with ids, labels and hints, and what the front end hands back. Slack shows
// it as a modal, Teams as a dialog with an Adaptive Card; both answer
// invalid input field by field, keyed by the field ids.
import type { TBlock, TOption } from "./message.ts";

interface TFieldBase {
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
}

export type TField =
  | (TFieldBase & { kind: "text"; multiline?: boolean; maxLength?: number; initial?: string; placeholder?: string })
  | (TFieldBase & { kind: "datetime"; initial?: Date })
  | (TFieldBase & { kind: "date"; initial?: string })
  | (TFieldBase & { kind: "number"; min?: number; max?: number; initial?: number })
  | (TFieldBase & {
      kind: "choice";
      options: readonly TOption[];
      /** One answer from a list (a select), or one shown as radio buttons, or several. */
      style: "select" | "radio" | "multiple";
      placeholder?: string;
      initial?: readonly string[];
    })
  /** A person chosen from the workspace (a measure's owner). */
  | (TFieldBase & { kind: "person"; initial?: string; placeholder?: string });

export interface TForm {
  /** Names the form when it is submitted (Slack's callback_id). */
  id: string;
  title: string;
  submit: string;
  close: string;
  /** Carried through the front end untouched (a reference): not for personal data. */
  context?: string;
  /** Text above the fields. */
  intro?: readonly TBlock[];
  fields: readonly TField[];
}

/** A form that is done: it shows what happened instead of fields. */
export interface TFormDone {
  title: string;
  close: string;
  blocks: readonly TBlock[];
}

/** What a submitted form holds, by field id: text, numbers as text, instants, choices and people. */
export type TFormValue = string | Date | readonly string[] | null;
export type TFormValues = Readonly<Record<string, TFormValue>>;

/** The answer to a submitted form. */
export type TFormAnswer =
  { kind: "errors"; errors: Readonly<Record<string, string>> } | { kind: "done"; done: TFormDone } | { kind: "close" };
