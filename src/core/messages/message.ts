// A message as the core says it, before any chat platform: a summary line
// and blocks of headings, text, facts, quotes, notes and controls, each
// control with its action id and value. The Slack front end renders it to
// Block Kit, the Teams front end to an Adaptive Card; each enforces its own
// platform's limits in one renderer.
import type { TRichText } from "../text/richText.ts";

export interface TOption {
  value: string;
  label: string;
}

export type TControl =
  | {
      kind: "button";
      /** The action id the front end hands back when it is pressed. */
      action: string;
      label: string;
      /** What the press carries (a reference, an id, a choice). */
      value: string;
      style?: "primary" | "danger";
      /** Opens this address as well (a link button). */
      url?: string;
      /** Marked as the current choice (e.g. the answer given). */
      selected?: boolean;
    }
  | {
      kind: "select";
      action: string;
      placeholder: string;
      options: readonly TOption[];
      multiple?: boolean;
      selected?: readonly string[];
    }
  | {
      /** A whole number entered in the message itself (saved on Enter or with the button beside it). */
      kind: "number";
      action: string;
      label: string;
      min?: number;
      max?: number;
      initial?: number;
    };

export type TBlock =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: TRichText }
  | { kind: "facts"; facts: readonly { label: string; value: TRichText }[] }
  /** Free text a person wrote, shown as written (a quote). */
  | { kind: "quote"; text: string }
  /** Small print. */
  | { kind: "note"; text: TRichText }
  | { kind: "divider" }
  /** Controls side by side; `id` names the group (a question id, "incident_actions"). */
  | { kind: "controls"; id: string; controls: readonly TControl[] };

export interface TFileAttachment {
  filename: string;
  title: string;
  content: string;
}

export interface TMessage {
  /** One line: what notifications, screen readers and a chat list show. */
  summary: string;
  blocks: readonly TBlock[];
  /** Files sent with the message (drafts, exports), to the person it is for. */
  files?: readonly TFileAttachment[];
}
