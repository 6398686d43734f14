/**
 * Block Kit validation as Slack's Web API applies it, for the local stand-in.
 *
 * `validateBlocks(surface, payload)` returns Slack-style `[ERROR] ... [json-pointer:...]` lines
 * (empty when the payload is valid). The stand-in answers `invalid_blocks` (messages) or
 * `invalid_arguments` (views) with these lines in `response_metadata.messages`, as Slack does.
 *
 * Sources for the limits (Slack's reference pages):
 *  - blocks per surface, view fields: https://docs.slack.dev/reference/views/modal-views
 *    ("title ... max length of 24 characters", "Max of 100 blocks", "submit is required when an
 *    input block is within the blocks array", "private_metadata ... Max length of 3000 characters",
 *    "callback_id ... Max length of 255"); messages: "Maximum of 50 blocks"
 *    (https://docs.slack.dev/reference/block-kit/blocks).
 *  - section (text 3000, at most 10 fields of 2000), header (150), context (10 elements),
 *    actions (25 elements), input (label 2000, hint 2000), block_id 255 and "should be unique for
 *    each message": https://docs.slack.dev/reference/block-kit/blocks/ (one page per block).
 *  - button (text 75, value 2000, url 3000), select menus (100 options or option groups, placeholder
 *    150), checkboxes and radio buttons ("A maximum of 10 options"), overflow (5 options),
 *    plain_text_input (max_length up to 3000), number_input (is_decimal_allowed required),
 *    action_id 255 and "Should be unique among all other action_ids in the containing block":
 *    https://docs.slack.dev/reference/block-kit/block-elements/ (one page per element).
 *  - option object (text 75, value 150, description 75) and confirm object (title 100, text 300,
 *    confirm and deny 30), text object (type `plain_text` or `mrkdwn`, at least 1 character):
 *    https://docs.slack.dev/reference/block-kit/composition-objects/
 *
 * The wording of the lines follows answers Slack has given (quoted in public bug reports):
 *  - `[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]` followed by
 *    `[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]` (section text
 *    over 3000: the text object may be one of two schemas, so Slack names it first);
 *  - `[ERROR] failed to match all allowed schemas [json-pointer:/view]` first for any view error,
 *    e.g. before `[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]`;
 *  - `[ERROR] no more than 50 items allowed [json-pointer:/blocks]`,
 *    `[ERROR] no more than 10 items allowed [json-pointer:/view/blocks/7/elements/0/options]`;
 *  - `[ERROR] missing required field: text [json-pointer:/blocks/3/elements/1]`,
 *    `[ERROR] must provide a string [...]`, `[ERROR] must provide an object [...]`,
 *    `[ERROR] unsupported type: sections [json-pointer:/blocks/0/type]`,
 *    `[ERROR] must be a valid enum value [...]`.
 * Where no public answer shows the wording (duplicate ids, empty arrays, numeric bounds) the lines
 * use the same style; tests should match on the limit and the pointer, which are what developers need.
 */

export type TBlockSurface = "message" | "modal" | "home";

/** Blocks per surface: 50 in a message, 100 in a modal or Home tab. */
export const MAX_BLOCKS: Readonly<Record<TBlockSurface, number>> = { message: 50, modal: 100, home: 100 };

/** The limits this module enforces, by name, so tests can build payloads at the boundary. */
export const BLOCK_KIT_LIMITS = {
  blockId: 255,
  actionId: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  textObject: 3000,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  accessibilityLabel: 75,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInputLength: 3000,
  selectOptions: 100,
  selectOptionGroups: 100,
  optionGroupLabel: 75,
  checkboxOptions: 10,
  radioOptions: 10,
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
} as const;

const L = BLOCK_KIT_LIMITS;

/** Block types Slack accepts that this validator does not model field by field (the bot does not use them). */
const UNMODELLED_BLOCK_TYPES = new Set(["image", "rich_text", "file", "video", "markdown", "table", "call"]);
/** Element types Slack accepts that this validator only checks for action_id and placeholder. */
const LIGHT_ELEMENT_TYPES = new Set([
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
  "external_select",
  "multi_external_select",
  "timepicker",
  "email_text_input",
  "url_text_input",
  "rich_text_input",
  "file_input",
  "workflow_button",
]);

/**
 * Validates the blocks of a message (`payload` = the `blocks` array) or a view
 * (`payload` = the view object, surface `modal` or `home`). Returns Slack-style error lines.
 */
export function validateBlocks(surface: TBlockSurface, payload: unknown): string[] {
  const check = new Checker();
  if (surface === "message") {
    check.blocks(payload, "/blocks", MAX_BLOCKS.message);
  } else {
    check.view(payload, surface);
    // Every error inside a view is reported after this line (the view is one of several schemas).
    if (check.errors.length > 0) check.errors.unshift(line("failed to match all allowed schemas", "/view"));
  }
  return check.errors;
}

/** Slack counts characters, not UTF-16 units or bytes. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function line(message: string, pointer: string): string {
  return `[ERROR] ${message} [json-pointer:${pointer}]`;
}

type TTextKind = "plain_text" | "any";

class Checker {
  readonly errors: string[] = [];
  private readonly blockIds = new Set<string>();

  private error(message: string, pointer: string): void {
    this.errors.push(line(message, pointer));
  }

  view(view: unknown, surface: "modal" | "home"): void {
    const at = "/view";
    if (!isObject(view)) return this.error("must provide an object", at);
    if (view.type !== surface) {
      if (view.type === undefined) this.error("missing required field: type", at);
      else this.error("must be a valid enum value", `${at}/type`);
    }
    if (surface === "modal") {
      if (view.title === undefined) this.error("missing required field: title", at);
      else this.text(view.title, `${at}/title`, L.modalTitle, "plain_text");
      if (view.submit !== undefined) this.text(view.submit, `${at}/submit`, L.modalSubmit, "plain_text");
      if (view.close !== undefined) this.text(view.close, `${at}/close`, L.modalClose, "plain_text");
      const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === "input");
      if (hasInput && view.submit === undefined) this.error("missing required field: submit", at);
    }
    this.optionalString(view.private_metadata, `${at}/private_metadata`, L.privateMetadata);
    this.optionalString(view.callback_id, `${at}/callback_id`, L.callbackId);
    this.optionalString(view.external_id, `${at}/external_id`, L.externalId);
    if (view.blocks === undefined) this.error("missing required field: blocks", at);
    else this.blocks(view.blocks, `${at}/blocks`, MAX_BLOCKS[surface]);
  }

  blocks(blocks: unknown, at: string, max: number): void {
    if (!Array.isArray(blocks)) return this.error("must provide an array", at);
    if (blocks.length > max) this.error(`no more than ${max} items allowed`, at);
    blocks.forEach((block, index) => this.block(block, `${at}/${index}`));
  }

  private block(block: unknown, at: string): void {
    if (!isObject(block)) return this.error("must provide an object", at);
    if (block.block_id !== undefined) {
      if (this.string(block.block_id, `${at}/block_id`, L.blockId) && typeof block.block_id === "string") {
        // https://docs.slack.dev/reference/block-kit/blocks: "block_id should be unique for each message".
        if (this.blockIds.has(block.block_id)) this.error(`duplicate block_id: ${block.block_id}`, `${at}/block_id`);
        this.blockIds.add(block.block_id);
      }
    }
    switch (block.type) {
      case undefined:
        return this.error("missing required field: type", at);
      case "section":
        return this.section(block, at);
      case "header":
        if (block.text === undefined) return this.error("missing required field: text", at);
        return this.text(block.text, `${at}/text`, L.headerText, "plain_text");
      case "divider":
        return;
      case "context":
        return this.context(block, at);
      case "actions":
        return this.actions(block, at);
      case "input":
        return this.input(block, at);
      default:
        if (typeof block.type === "string" && UNMODELLED_BLOCK_TYPES.has(block.type)) return;
        return this.error(`unsupported type: ${String(block.type)}`, `${at}/type`);
    }
  }

  private section(block: Record<string, unknown>, at: string): void {
    if (block.text === undefined && block.fields === undefined) this.error("missing required field: text", at);
    if (block.text !== undefined) this.text(block.text, `${at}/text`, L.sectionText, "any");
    if (block.fields !== undefined) {
      if (!Array.isArray(block.fields)) this.error("must provide an array", `${at}/fields`);
      else {
        if (block.fields.length > L.sectionFields) this.error(`no more than ${L.sectionFields} items allowed`, `${at}/fields`);
        block.fields.forEach((field, i) => this.text(field, `${at}/fields/${i}`, L.sectionFieldText, "any"));
      }
    }
    if (block.accessory !== undefined) this.element(block.accessory, `${at}/accessory`, new Set());
  }

  private context(block: Record<string, unknown>, at: string): void {
    const elements = this.array(block.elements, `${at}/elements`, at, "elements", 1, L.contextElements);
    elements?.forEach((element, i) => {
      const where = `${at}/elements/${i}`;
      if (isObject(element) && element.type === "image") {
        if (element.image_url === undefined && element.slack_file === undefined)
          this.error("missing required field: image_url", where);
        if (element.alt_text === undefined) this.error("missing required field: alt_text", where);
        return;
      }
      this.text(element, where, L.textObject, "any");
    });
  }

  private actions(block: Record<string, unknown>, at: string): void {
    const elements = this.array(block.elements, `${at}/elements`, at, "elements", 1, L.actionsElements);
    const actionIds = new Set<string>();
    elements?.forEach((element, i) => this.element(element, `${at}/elements/${i}`, actionIds));
  }

  private input(block: Record<string, unknown>, at: string): void {
    if (block.label === undefined) this.error("missing required field: label", at);
    else this.text(block.label, `${at}/label`, L.inputLabel, "plain_text");
    if (block.hint !== undefined) this.text(block.hint, `${at}/hint`, L.inputHint, "plain_text");
    if (block.optional !== undefined && typeof block.optional !== "boolean")
      this.error("must provide a boolean", `${at}/optional`);
    if (block.element === undefined) this.error("missing required field: element", at);
    else this.element(block.element, `${at}/element`, new Set());
  }

  /** One interactive element; `actionIds` collects the action_ids of its containing block. */
  private element(element: unknown, at: string, actionIds: Set<string>): void {
    if (!isObject(element)) return this.error("must provide an object", at);
    if (element.action_id !== undefined) {
      if (this.string(element.action_id, `${at}/action_id`, L.actionId) && typeof element.action_id === "string") {
        // Documented scope of uniqueness: "Should be unique among all other action_ids in the
        // containing block" (https://docs.slack.dev/reference/block-kit/block-elements/button-element).
        if (actionIds.has(element.action_id)) this.error(`duplicate action_id: ${element.action_id}`, `${at}/action_id`);
        actionIds.add(element.action_id);
      }
    }
    if (element.placeholder !== undefined) this.text(element.placeholder, `${at}/placeholder`, L.placeholder, "plain_text");
    if (element.confirm !== undefined) this.confirm(element.confirm, `${at}/confirm`);
    switch (element.type) {
      case undefined:
        return this.error("missing required field: type", at);
      case "button":
        if (element.text === undefined) this.error("missing required field: text", at);
        else this.text(element.text, `${at}/text`, L.buttonText, "plain_text");
        this.optionalString(element.value, `${at}/value`, L.buttonValue);
        this.optionalString(element.url, `${at}/url`, L.url);
        this.optionalString(element.accessibility_label, `${at}/accessibility_label`, L.accessibilityLabel);
        if (element.style !== undefined && element.style !== "primary" && element.style !== "danger") {
          this.error("must be a valid enum value", `${at}/style`);
        }
        return;
      case "static_select":
      case "multi_static_select":
        return this.staticSelect(element, at);
      case "checkboxes":
      case "radio_buttons": {
        const max = element.type === "checkboxes" ? L.checkboxOptions : L.radioOptions;
        const options = this.array(element.options, `${at}/options`, at, "options", 1, max);
        options?.forEach((option, i) => this.option(option, `${at}/options/${i}`, "any"));
        return;
      }
      case "overflow": {
        const options = this.array(element.options, `${at}/options`, at, "options", 1, L.overflowOptions);
        options?.forEach((option, i) => this.option(option, `${at}/options/${i}`, "plain_text"));
        return;
      }
      case "plain_text_input":
        this.integerAtMost(element.max_length, `${at}/max_length`, 1, L.plainTextInputLength);
        this.integerAtMost(element.min_length, `${at}/min_length`, 0, L.plainTextInputLength);
        this.optionalString(element.initial_value, `${at}/initial_value`, L.plainTextInputLength);
        return;
      case "number_input":
        if (element.is_decimal_allowed === undefined) this.error("missing required field: is_decimal_allowed", at);
        else if (typeof element.is_decimal_allowed !== "boolean")
          this.error("must provide a boolean", `${at}/is_decimal_allowed`);
        for (const field of ["initial_value", "min_value", "max_value"] as const) {
          if (element[field] !== undefined && typeof element[field] !== "string")
            this.error("must provide a string", `${at}/${field}`);
        }
        return;
      case "datepicker":
        if (
          element.initial_date !== undefined &&
          !(typeof element.initial_date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(element.initial_date))
        ) {
          this.error("must match the format YYYY-MM-DD", `${at}/initial_date`);
        }
        return;
      case "datetimepicker":
        if (element.initial_date_time !== undefined && !Number.isInteger(element.initial_date_time)) {
          this.error("must provide an integer", `${at}/initial_date_time`);
        }
        return;
      default:
        if (typeof element.type === "string" && LIGHT_ELEMENT_TYPES.has(element.type)) return;
        return this.error(`unsupported type: ${String(element.type)}`, `${at}/type`);
    }
  }

  private staticSelect(element: Record<string, unknown>, at: string): void {
    if (element.options === undefined && element.option_groups === undefined) {
      this.error("missing required field: options", at);
    }
    if (element.options !== undefined) {
      const options = this.array(element.options, `${at}/options`, at, "options", 1, L.selectOptions);
      options?.forEach((option, i) => this.option(option, `${at}/options/${i}`, "plain_text"));
    }
    if (element.option_groups !== undefined) {
      const groups = this.array(element.option_groups, `${at}/option_groups`, at, "option_groups", 1, L.selectOptionGroups);
      groups?.forEach((group, g) => {
        const where = `${at}/option_groups/${g}`;
        if (!isObject(group)) return this.error("must provide an object", where);
        if (group.label === undefined) this.error("missing required field: label", where);
        else this.text(group.label, `${where}/label`, L.optionGroupLabel, "plain_text");
        const options = this.array(group.options, `${where}/options`, where, "options", 1, L.selectOptions);
        options?.forEach((option, i) => this.option(option, `${where}/options/${i}`, "plain_text"));
      });
    }
    if (element.initial_option !== undefined) this.option(element.initial_option, `${at}/initial_option`, "plain_text");
    if (element.type === "multi_static_select" && element.max_selected_items !== undefined) {
      if (!Number.isInteger(element.max_selected_items) || (element.max_selected_items as number) < 1) {
        this.error("must be more than 0", `${at}/max_selected_items`);
      }
    }
  }

  private option(option: unknown, at: string, kind: TTextKind): void {
    if (!isObject(option)) return this.error("must provide an object", at);
    if (option.text === undefined) this.error("missing required field: text", at);
    else this.text(option.text, `${at}/text`, L.optionText, kind);
    if (option.value === undefined) this.error("missing required field: value", at);
    else this.string(option.value, `${at}/value`, L.optionValue);
    if (option.description !== undefined) this.text(option.description, `${at}/description`, L.optionDescription, kind);
    this.optionalString(option.url, `${at}/url`, L.url);
  }

  private confirm(confirm: unknown, at: string): void {
    if (!isObject(confirm)) return this.error("must provide an object", at);
    const parts = [
      ["title", L.confirmTitle, "plain_text"],
      ["text", L.confirmText, "any"],
      ["confirm", L.confirmButton, "plain_text"],
      ["deny", L.confirmButton, "plain_text"],
    ] as const;
    for (const [field, max, kind] of parts) {
      if (confirm[field] === undefined) this.error(`missing required field: ${field}`, at);
      else this.text(confirm[field], `${at}/${field}`, max, kind);
    }
  }

  /**
   * A text object. Where both `plain_text` and `mrkdwn` are allowed, Slack reports the object
   * itself first ("failed to match all allowed schemas"), then the field that broke.
   */
  private text(value: unknown, at: string, max: number, kind: TTextKind): void {
    const problems: string[] = [];
    if (!isObject(value)) {
      this.error("must provide an object", at);
      return;
    }
    const allowed = kind === "plain_text" ? ["plain_text"] : ["plain_text", "mrkdwn"];
    if (value.type === undefined) problems.push(line("missing required field: type", at));
    else if (typeof value.type !== "string" || !allowed.includes(value.type))
      problems.push(line("must be a valid enum value", `${at}/type`));
    if (value.text === undefined) problems.push(line("missing required field: text", at));
    else if (typeof value.text !== "string") problems.push(line("must provide a string", `${at}/text`));
    else {
      const length = characterCount(value.text);
      if (length === 0) problems.push(line("must be more than 0 characters", `${at}/text`));
      if (length > max) problems.push(line(`must be less than ${max + 1} characters`, `${at}/text`));
    }
    if (problems.length === 0) return;
    if (kind === "any") this.error("failed to match all allowed schemas", at);
    this.errors.push(...problems);
  }

  /** Checks a string field; returns true when it is a string within bounds. */
  private string(value: unknown, at: string, max: number): boolean {
    if (typeof value !== "string") {
      this.error("must provide a string", at);
      return false;
    }
    const length = characterCount(value);
    if (length === 0) {
      this.error("must be more than 0 characters", at);
      return false;
    }
    if (length > max) {
      this.error(`must be less than ${max + 1} characters`, at);
      return false;
    }
    return true;
  }

  /** Like `string`, but absent is fine and an empty string is allowed (private_metadata may be ""). */
  private optionalString(value: unknown, at: string, max: number): void {
    if (value === undefined) return;
    if (typeof value !== "string") return this.error("must provide a string", at);
    if (characterCount(value) > max) this.error(`must be less than ${max + 1} characters`, at);
  }

  private integerAtMost(value: unknown, at: string, min: number, max: number): void {
    if (value === undefined) return;
    if (!Number.isInteger(value)) return this.error("must provide an integer", at);
    const n = value as number;
    if (n < min) this.error(`must be more than ${min - 1}`, at);
    if (n > max) this.error(`must be less than ${max + 1}`, at);
  }

  /** An array field with item bounds; returns the array when it is one. */
  private array(value: unknown, at: string, parent: string, field: string, min: number, max: number): unknown[] | undefined {
    if (value === undefined) {
      this.error(`missing required field: ${field}`, parent);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.error("must provide an array", at);
      return undefined;
    }
    if (value.length < min) this.error(`must provide at least ${min} items`, at);
    if (value.length > max) this.error(`no more than ${max} items allowed`, at);
    return value;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
