// A neutral form to a Slack modal, and a submitted modal's state back to
// the form's values. Each input block's block_id equals its element's
// action_id equals the field id (shared/spec/interfaces.md). Titles and
// buttons are cut to 24 characters, labels and hints to 2000, options to
// Slack's limits; a form done shows its blocks without fields.
import type { KnownBlock, ModalView, InputBlock } from "@slack/types";
import { z } from "zod";
import type { TField, TForm, TFormDone, TFormValues, TFormValue } from "../../core/messages/form.ts";
import { slackPerson } from "../identity.ts";
import type { TMrkdwnContext } from "./mrkdwn.ts";
import { option, renderBlocks } from "./renderMessage.ts";
import { cut, SLACK_LIMITS as L } from "./slackLimits.ts";

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: cut(text, max), emoji: true });

function inputBlock(field: TField): InputBlock {
  const common = {
    type: "input" as const,
    block_id: field.id,
    label: plain(field.label, L.inputLabel),
    ...(field.hint ? { hint: plain(field.hint, L.inputHint) } : {}),
    ...(field.optional ? { optional: true } : {}),
  };
  switch (field.kind) {
    case "text":
      return {
        ...common,
        element: {
          type: "plain_text_input",
          action_id: field.id,
          ...(field.multiline ? { multiline: true } : {}),
          ...(field.maxLength ? { max_length: Math.min(field.maxLength, L.plainTextInputMax) } : {}),
          ...(field.initial ? { initial_value: field.initial } : {}),
          ...(field.placeholder ? { placeholder: plain(field.placeholder, L.placeholder) } : {}),
        },
      };
    case "datetime":
      return {
        ...common,
        element: {
          type: "datetimepicker",
          action_id: field.id,
          ...(field.initial ? { initial_date_time: Math.floor(field.initial.getTime() / 1000) } : {}),
        },
      };
    case "date":
      return {
        ...common,
        element: { type: "datepicker", action_id: field.id, ...(field.initial ? { initial_date: field.initial } : {}) },
      };
    case "number":
      return {
        ...common,
        element: {
          type: "number_input",
          action_id: field.id,
          is_decimal_allowed: false,
          ...(field.min !== undefined ? { min_value: String(field.min) } : {}),
          ...(field.max !== undefined ? { max_value: String(field.max) } : {}),
          ...(field.initial !== undefined ? { initial_value: String(field.initial) } : {}),
        },
      };
    case "person":
      return {
        ...common,
        element: {
          type: "users_select",
          action_id: field.id,
          ...(field.placeholder ? { placeholder: plain(field.placeholder, L.placeholder) } : {}),
        },
      };
    case "choice": {
      const options = field.options
        .slice(0, field.style === "radio" ? L.radioOptions : L.options)
        .map((candidate) => option(candidate.value, candidate.label));
      const initial = options.filter((candidate) => field.initial?.includes(candidate.value ?? ""));
      const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, L.placeholder) } : {};
      if (field.style === "radio")
        return {
          ...common,
          element: { type: "radio_buttons", action_id: field.id, options, ...(initial[0] ? { initial_option: initial[0] } : {}) },
        };
      if (field.style === "multiple")
        return {
          ...common,
          element: {
            type: "multi_static_select",
            action_id: field.id,
            options,
            ...placeholder,
            ...(initial.length ? { initial_options: initial } : {}),
          },
        };
      return {
        ...common,
        element: {
          type: "static_select",
          action_id: field.id,
          options,
          ...placeholder,
          ...(initial[0] ? { initial_option: initial[0] } : {}),
        },
      };
    }
  }
}

export function renderForm(form: TForm, context: TMrkdwnContext): ModalView {
  const blocks: KnownBlock[] = [...renderBlocks(form.intro ?? [], context, L.viewBlocks), ...form.fields.map(inputBlock)];
  return {
    type: "modal",
    callback_id: form.id,
    title: plain(form.title, L.viewTitle),
    submit: plain(form.submit, L.viewButton),
    close: plain(form.close, L.viewButton),
    ...(form.context ? { private_metadata: form.context.slice(0, L.privateMetadata) } : {}),
    blocks: blocks.slice(0, L.viewBlocks),
  };
}

export function renderFormDone(done: TFormDone, context: TMrkdwnContext): ModalView {
  return {
    type: "modal",
    title: plain(done.title, L.viewTitle),
    close: plain(done.close, L.viewButton),
    blocks: renderBlocks(done.blocks, context, L.viewBlocks),
  };
}

// What Slack sends in view.state.values: per block, per action, the element's state.
const ZOption = z.object({ value: z.string() });
const ZElementState = z
  .object({
    type: z.string().optional(),
    value: z.string().nullish(),
    selected_date_time: z.number().nullish(),
    selected_date: z.string().nullish(),
    selected_option: ZOption.nullish(),
    selected_options: z.array(ZOption).nullish(),
    selected_user: z.string().nullish(),
  })
  .loose();
export const ZViewStateValues = z.record(z.string(), z.record(z.string(), ZElementState));

function elementValue(state: z.infer<typeof ZElementState>): TFormValue {
  if (state.selected_options) return state.selected_options.map((selected) => selected.value);
  if (state.selected_option !== undefined) return state.selected_option?.value ?? null;
  if (state.selected_date_time !== undefined)
    return state.selected_date_time == null ? null : new Date(state.selected_date_time * 1000);
  if (state.selected_date !== undefined) return state.selected_date ?? null;
  if (state.selected_user !== undefined) return state.selected_user ? slackPerson(state.selected_user) : null;
  if (state.type === "multi_static_select" || state.type === "checkboxes") return [];
  return state.value ?? null;
}

/** A submitted modal's values by field id; anything that does not parse reads as "not filled in". */
export function readFormValues(rawValues: unknown): TFormValues {
  const parsed = ZViewStateValues.safeParse(rawValues);
  if (!parsed.success) return {};
  const values: Record<string, TFormValue> = {};
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    const state = actions[blockId] ?? Object.values(actions)[0];
    if (state) values[blockId] = elementValue(state);
  }
  return values;
}
