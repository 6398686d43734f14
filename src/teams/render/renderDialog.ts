// A neutral form to a Teams dialog (an Adaptive Card in a task module), and
// a submitted dialog's data back to the form's values. Input ids are the
// field ids (a date and time are two inputs, `<id>__date` and `<id>__time`,
// read in the organisation's time zone). After a refusal the dialog is shown
// again with what was typed and each error under its field.
import { DateTime } from "luxon";
import type { TField, TForm, TFormDone, TFormValue, TFormValues } from "../../core/messages/form.ts";
import { teamsPerson } from "../identity.ts";
import { adaptiveCard, renderBody, type TCard, type TCardContext, type TCardElement } from "./renderCard.ts";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "./cardTypes.ts";
import { cut, TEAMS_LIMITS as L } from "./teamsLimits.ts";

export interface TDialogContext extends TCardContext {
  zone: string;
}

/** What a dialog's submit button carries besides the inputs: which form, and what it is about. */
export interface TDialogData {
  formId: string;
  context?: string;
  /** Names this one dialog: a second submit of it (a double click) is the same submission. */
  submission: string;
  /** The form itself, to read the values by their kinds and to show it again with errors. */
  form: TForm;
}

export interface TDialogState {
  /** What was submitted, by input id: shown again after a refusal. */
  data?: Readonly<Record<string, unknown>>;
  /** Errors by field id. */
  errors?: Readonly<Record<string, string>>;
}

export type TTaskResponse =
  | {
      task: {
        type: "continue";
        value: { title: string; card: { contentType: string; content: TCard }; width?: string; height?: string };
      };
    }
  | { task: { type: "message"; value: string } };

const DATE_SUFFIX = "__date";
const TIME_SUFFIX = "__time";

function given(state: TDialogState, id: string): string | undefined {
  const value = state.data?.[id];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

function inputsOf(field: TField, context: TDialogContext, state: TDialogState): TCardElement[] {
  const required = !field.optional;
  const common = { id: field.id, label: field.label, isRequired: required };
  switch (field.kind) {
    case "text": {
      const value = given(state, field.id) ?? field.initial;
      return [
        {
          type: "Input.Text",
          ...common,
          ...(field.multiline ? { isMultiline: true } : {}),
          ...(field.maxLength ? { maxLength: field.maxLength } : {}),
          ...(field.placeholder ? { placeholder: field.placeholder } : {}),
          ...(value ? { value } : {}),
        },
      ];
    }
    case "datetime": {
      // A form read back from a submit carries its instants as text.
      const initial = field.initial ? DateTime.fromJSDate(new Date(field.initial), { zone: context.zone }) : undefined;
      const date = given(state, `${field.id}${DATE_SUFFIX}`) ?? initial?.toFormat("yyyy-MM-dd");
      const time = given(state, `${field.id}${TIME_SUFFIX}`) ?? initial?.toFormat("HH:mm");
      return [
        {
          type: "Input.Date",
          id: `${field.id}${DATE_SUFFIX}`,
          label: field.label,
          isRequired: required,
          ...(date ? { value: date } : {}),
        },
        { type: "Input.Time", id: `${field.id}${TIME_SUFFIX}`, isRequired: required, ...(time ? { value: time } : {}) },
      ];
    }
    case "date": {
      const value = given(state, field.id) ?? field.initial;
      return [{ type: "Input.Date", ...common, ...(value ? { value } : {}) }];
    }
    case "number": {
      const value = given(state, field.id) ?? (field.initial !== undefined ? String(field.initial) : undefined);
      return [
        {
          type: "Input.Number",
          ...common,
          ...(field.min !== undefined ? { min: field.min } : {}),
          ...(field.max !== undefined ? { max: field.max } : {}),
          ...(value !== undefined && value !== "" ? { value: Number(value) } : {}),
        },
      ];
    }
    case "choice": {
      const value = given(state, field.id) ?? field.initial?.join(",");
      return [
        {
          type: "Input.ChoiceSet",
          ...common,
          style: field.style === "radio" ? "expanded" : "compact",
          ...(field.style === "multiple" ? { isMultiSelect: true } : {}),
          ...(field.placeholder ? { placeholder: field.placeholder } : {}),
          choices: field.options.slice(0, L.choices).map((option) => ({ title: option.label, value: option.value })),
          ...(value ? { value } : {}),
        },
      ];
    }
    case "person": {
      // Teams' people picker: the value is the person's Entra object id.
      const value = given(state, field.id) ?? field.initial;
      return [
        {
          type: "Input.ChoiceSet",
          ...common,
          style: "compact",
          ...(field.placeholder ? { placeholder: field.placeholder } : {}),
          choices: [],
          "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
          ...(value ? { value } : {}),
        },
      ];
    }
  }
}

export function renderDialogCard(form: TForm, context: TDialogContext, submission: string, state: TDialogState = {}): TCard {
  const body: TCardElement[] = [...renderBody(form.intro ?? [], context)];
  for (const field of form.fields) {
    body.push(...inputsOf(field, context, state));
    if (field.hint)
      body.push({ type: "TextBlock", text: field.hint, size: "Small", isSubtle: true, wrap: true, spacing: "None" });
    const error = state.errors?.[field.id];
    if (error) body.push({ type: "TextBlock", text: error, color: "Attention", weight: "Bolder", wrap: true, spacing: "Small" });
  }
  const data: TDialogData = { formId: form.id, ...(form.context ? { context: form.context } : {}), submission, form };
  return adaptiveCard(body, { actions: [{ type: "Action.Submit", title: cut(form.submit, L.buttonTitle), data }] });
}

export function dialogResponse(title: string, card: TCard): TTaskResponse {
  return {
    task: {
      type: "continue",
      value: {
        title: cut(title, L.dialogTitle),
        card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card },
        width: "medium",
        height: "large",
      },
    },
  };
}

export function renderFormDialog(
  form: TForm,
  context: TDialogContext,
  submission: string,
  state: TDialogState = {},
): TTaskResponse {
  return dialogResponse(form.title, renderDialogCard(form, context, submission, state));
}

export function renderDoneDialog(done: TFormDone, context: TDialogContext): TTaskResponse {
  return dialogResponse(done.title, adaptiveCard(renderBody(done.blocks, context)));
}

function text(data: Readonly<Record<string, unknown>>, id: string): string | undefined {
  const value = data[id];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** A submitted dialog's values by field id; anything missing or malformed reads as "not filled in". */
export function readDialogValues(form: TForm, data: Readonly<Record<string, unknown>>, zone: string): TFormValues {
  const values: Record<string, TFormValue> = {};
  for (const field of form.fields) {
    switch (field.kind) {
      case "datetime": {
        const date = text(data, `${field.id}${DATE_SUFFIX}`);
        const time = text(data, `${field.id}${TIME_SUFFIX}`);
        const instant = date && time ? DateTime.fromISO(`${date}T${time}`, { zone }) : undefined;
        values[field.id] = instant?.isValid ? instant.toJSDate() : null;
        break;
      }
      case "choice": {
        const value = text(data, field.id);
        values[field.id] =
          field.style === "multiple"
            ? (value ?? "")
                .split(",")
                .map((part) => part.trim())
                .filter(Boolean)
            : (value ?? null);
        break;
      }
      case "person": {
        const value = text(data, field.id);
        values[field.id] = value && /^[0-9a-f-]{36}$/i.test(value) ? teamsPerson(value) : null;
        break;
      }
      default:
        values[field.id] = text(data, field.id) ?? null;
    }
  }
  return values;
}
