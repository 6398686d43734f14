// validateBlocks as a pure function: the element and composition-object rules that the
// WebClient tests in slackStandInStrictness.test.ts do not go through one by one.
import { describe, expect, it } from "vitest";

import { characterCount, validateBlocks } from "../../src/devtools/slack/blockKitLimits.ts";

const plain = (text: string) => ({ type: "plain_text", text });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const input = (element: Record<string, unknown>) => ({
  type: "input",
  block_id: "b",
  label: plain("Label"),
  element: { action_id: "a", ...element },
});
const modal = (blocks: unknown[]) => ({ type: "modal", title: plain("Titel"), submit: plain("Ok"), blocks });

describe("validateBlocks", () => {
  it("accepts the block and element types the bot uses", () => {
    const blocks = [
      { type: "header", text: plain("Datalek") },
      {
        type: "section",
        text: mrkdwn("*Melding*"),
        accessory: { type: "button", action_id: "open", text: plain("Open"), style: "primary" },
      },
      { type: "divider" },
      { type: "context", elements: [mrkdwn("klein"), { type: "image", image_url: "https://example.org/i.png", alt_text: "i" }] },
      { type: "actions", elements: [{ type: "users_select", action_id: "who", placeholder: plain("Wie?") }] },
    ];
    expect(validateBlocks("message", blocks)).toEqual([]);
    const view = modal([
      input({ type: "plain_text_input", multiline: true, max_length: 3000 }),
      { ...input({ type: "number_input", is_decimal_allowed: false }), block_id: "n" },
      { ...input({ type: "datetimepicker", initial_date_time: 1732370000 }), block_id: "dt" },
      { ...input({ type: "datepicker", initial_date: "2024-11-23" }), block_id: "d" },
      { ...input({ type: "static_select", options: [{ text: plain("ECD"), value: "ecd" }] }), block_id: "s" },
      {
        ...input({ type: "multi_static_select", options: [{ text: plain("BSN"), value: "bsn" }], max_selected_items: 3 }),
        block_id: "m",
      },
      { ...input({ type: "checkboxes", options: [{ text: mrkdwn("*ja*"), value: "yes" }] }), block_id: "c" },
      { ...input({ type: "radio_buttons", options: [{ text: plain("nee"), value: "no" }] }), block_id: "r" },
    ]);
    expect(validateBlocks("modal", view)).toEqual([]);
  });

  it("requires is_decimal_allowed on number_input and a YYYY-MM-DD initial_date on datepicker", () => {
    expect(validateBlocks("modal", modal([input({ type: "number_input" })]))).toContain(
      "[ERROR] missing required field: is_decimal_allowed [json-pointer:/view/blocks/0/element]",
    );
    expect(validateBlocks("modal", modal([input({ type: "datepicker", initial_date: "23-11-2024" })]))).toContain(
      "[ERROR] must match the format YYYY-MM-DD [json-pointer:/view/blocks/0/element/initial_date]",
    );
  });

  it("requires plain_text for select option text but allows mrkdwn in checkboxes", () => {
    expect(
      validateBlocks("modal", modal([input({ type: "static_select", options: [{ text: mrkdwn("*x*"), value: "x" }] })])),
    ).toContain("[ERROR] must be a valid enum value [json-pointer:/view/blocks/0/element/options/0/text/type]");
    expect(
      validateBlocks("modal", modal([input({ type: "checkboxes", options: [{ text: mrkdwn("*x*"), value: "x" }] })])),
    ).toEqual([]);
  });

  it("checks option groups (100 groups, label 75) and the confirm dialog (title 100, text 300, buttons 30)", () => {
    const group = (label: string) => ({ label: plain(label), options: [{ text: plain("a"), value: "a" }] });
    const select = (groups: unknown[]) => [
      { type: "section", text: mrkdwn("x"), accessory: { type: "static_select", action_id: "s", option_groups: groups } },
    ];
    expect(validateBlocks("message", select(Array.from({ length: 100 }, () => group("g"))))).toEqual([]);
    expect(validateBlocks("message", select(Array.from({ length: 101 }, () => group("g"))))).toContain(
      "[ERROR] no more than 100 items allowed [json-pointer:/blocks/0/accessory/option_groups]",
    );
    expect(validateBlocks("message", select([group("l".repeat(76))]))).toContain(
      "[ERROR] must be less than 76 characters [json-pointer:/blocks/0/accessory/option_groups/0/label/text]",
    );
    const confirm = (title: string, text: string, ok: string) => [
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: "b",
            text: plain("Wis"),
            confirm: { title: plain(title), text: mrkdwn(text), confirm: plain(ok), deny: plain("Nee") },
          },
        ],
      },
    ];
    expect(validateBlocks("message", confirm("t".repeat(100), "x".repeat(300), "o".repeat(30)))).toEqual([]);
    expect(validateBlocks("message", confirm("t".repeat(101), "x".repeat(301), "o".repeat(31)))).toEqual([
      "[ERROR] must be less than 101 characters [json-pointer:/blocks/0/elements/0/confirm/title/text]",
      "[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/elements/0/confirm/text]",
      "[ERROR] must be less than 301 characters [json-pointer:/blocks/0/elements/0/confirm/text/text]",
      "[ERROR] must be less than 31 characters [json-pointer:/blocks/0/elements/0/confirm/confirm/text]",
    ]);
  });

  it("refuses empty text, missing required fields and unknown element types", () => {
    expect(validateBlocks("message", [{ type: "section", text: mrkdwn("") }])).toContain(
      "[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]",
    );
    expect(validateBlocks("modal", modal([{ type: "input", element: { type: "plain_text_input", action_id: "a" } }]))).toContain(
      "[ERROR] missing required field: label [json-pointer:/view/blocks/0]",
    );
    expect(validateBlocks("message", [{ type: "actions", elements: [{ type: "slider", action_id: "s" }] }])).toContain(
      "[ERROR] unsupported type: slider [json-pointer:/blocks/0/elements/0/type]",
    );
  });

  it("wants a home view for the Home tab and a modal title for modals", () => {
    expect(validateBlocks("home", { type: "home", blocks: [] })).toEqual([]);
    expect(validateBlocks("home", { type: "modal", blocks: [] })).toContain(
      "[ERROR] must be a valid enum value [json-pointer:/view/type]",
    );
    expect(validateBlocks("modal", { type: "modal", blocks: [] })).toContain(
      "[ERROR] missing required field: title [json-pointer:/view]",
    );
  });

  it("counts characters, not UTF-16 units: 24 emoji fit a modal title", () => {
    const emoji = "🔒".repeat(24);
    expect(emoji.length).toBe(48);
    expect(characterCount(emoji)).toBe(24);
    expect(validateBlocks("modal", { ...modal([]), title: plain(emoji) })).toEqual([]);
  });
});
