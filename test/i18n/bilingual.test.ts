// English next to Dutch: every text exists in both languages. Renders the
// message builders and modals in both locales and compares them, checks the
// exported { nl, en } tables, and scans src/ for { nl: ..., en: ... } objects
// that lack one of the two keys.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildHomeView, DECISION_LABELS, HOME_TEXTS, NEXT_STEP_LABELS, STATUS_LABELS } from "../../src/slack/home/homeView.ts";
import { STATUS_TEXTS } from "../../src/slack/commands/statusSubcommand.ts";
import { LIST_TEXTS } from "../../src/slack/commands/listSubcommand.ts";
import { EXPORT_TEXTS } from "../../src/slack/commands/exportSubcommand.ts";
import {
  CSV_COLUMNS,
  EXPORT_DECISION_LABELS,
  EXPORT_STATUS_LABELS,
  LEVEL_LABELS,
  REPORT_TEXTS,
} from "../../src/features/export/exportRegister.ts";
import { SUBCOMMANDS } from "../../src/slack/commands/subcommands.ts";
import { renderHelp } from "../../src/slack/messages/helpMessage.ts";
import { NOTICES } from "../../src/slack/messages/notices.ts";
import { renderChannelPost } from "../../src/slack/messages/channelPost.ts";
import { renderReporterReceipt } from "../../src/slack/messages/reporterReceipt.ts";
import { buildReportModal } from "../../src/slack/views/reportModal.ts";
import type { THomeData } from "../../src/services/home/loadHomeData.ts";
import type { Incident } from "../../src/core/storage/generated/client.ts";
import { testRegister } from "../support/startTestBot.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
type TText = { nl: string; en: string };

/** Texts that may read the same in both languages (names, codes, loanwords). */
const SAME_IN_BOTH = new Set(["Status", "deadline", "E-mail", "Open", "Datalek", "status", "export"]);

function checkTable(name: string, table: Record<string, TText>) {
  for (const [key, text] of Object.entries(table)) {
    expect(typeof text.nl, `${name}.${key}.nl`).toBe("string");
    expect(typeof text.en, `${name}.${key}.en`).toBe("string");
    expect(text.nl.trim(), `${name}.${key}.nl is empty`).not.toBe("");
    expect(text.en.trim(), `${name}.${key}.en is empty`).not.toBe("");
    if (!SAME_IN_BOTH.has(text.nl)) expect(text.en, `${name}.${key} is not translated`).not.toBe(text.nl);
  }
}

function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) if (key === "text" || typeof item === "object") stringsOf(item, out);
  }
  return out;
}

/** The rendered texts in both locales: same count, none empty, and the two differ. */
function expectBilingual(name: string, render: (locale: "nl" | "en") => unknown) {
  const nl = stringsOf(render("nl"));
  const en = stringsOf(render("en"));
  expect(nl.length, `${name}: renders nothing`).toBeGreaterThan(0);
  expect(en.length, `${name}: different structure per language`).toBe(nl.length);
  for (const text of [...nl, ...en]) expect(text.trim(), `${name}: empty text`).not.toBe("");
  expect(JSON.stringify(en), `${name}: English equals Dutch`).not.toBe(JSON.stringify(nl));
}

const incident = {
  id: "00000000-0000-4000-8000-000000000001",
  reference: "DL-2026-0001",
  submissionKey: "V0X",
  reporterId: "U0STAFF01",
  whatHappened: "synthetisch",
  discoveredAt: new Date(NOW.getTime() - 7_200_000),
  occurredAt: null,
  awarenessAt: new Date(NOW.getTime() - 7_200_000),
  deadlineAt: new Date(NOW.getTime() + 70 * 3_600_000),
  system: "zivver",
  dataKinds: ["health"],
  peopleAffected: 3,
  stopped: "yes",
  recipient: "known",
  status: "reported",
  ownerId: null,
  takenAt: null,
  channelId: null,
  threadTs: null,
  decision: null,
  decidedAt: null,
  decidedBy: null,
  decisionReason: null,
  apReference: null,
  closedAt: null,
  closedBy: null,
  createdAt: NOW,
} as unknown as Incident;

describe("English next to Dutch", () => {
  const register = testRegister();

  it("has both languages in every text table of the home, commands and export", () => {
    const tables: Record<string, Record<string, TText>> = {
      HOME_TEXTS,
      STATUS_LABELS,
      DECISION_LABELS,
      NEXT_STEP_LABELS,
      STATUS_TEXTS,
      LIST_TEXTS,
      EXPORT_TEXTS,
      REPORT_TEXTS,
      LEVEL_LABELS,
      EXPORT_STATUS_LABELS,
      EXPORT_DECISION_LABELS,
      CSV_HEADERS: Object.fromEntries(CSV_COLUMNS.map((column) => [column.key, column.header])),
      SUBCOMMANDS: Object.fromEntries(SUBCOMMANDS.map((subcommand) => [subcommand.usage, subcommand.description])),
      NOTICES: Object.fromEntries(
        Object.entries(NOTICES).map(([key, template]) => [key, template({ reference: "DL-2026-0001", ownerId: "U0DPO0001" })]),
      ),
    };
    for (const [name, table] of Object.entries(tables)) checkTable(name, table);
  });

  it("renders every message and modal in both languages", () => {
    const render = { register, zone: "Europe/Amsterdam", now: NOW };
    expectBilingual("report modal", (locale) => buildReportModal(register, locale, NOW));
    expectBilingual("channel post", (locale) => renderChannelPost(incident, { ...render, locale }));
    expectBilingual("reporter receipt", (locale) => renderReporterReceipt(incident, { ...render, locale }));
    expectBilingual("help", (locale) => renderHelp(locale));
    const home: THomeData = {
      userId: "U0DPO0001",
      isDpo: true,
      isManagement: true,
      now: NOW,
      openIncidents: [
        {
          reference: "DL-2026-0001",
          system: "zivver",
          status: "reported",
          decision: null,
          ownerId: null,
          deadlineAt: incident.deadlineAt,
          closedAt: null,
          overdue: false,
          countdownRunning: true,
          nextStep: "take",
          channelId: "C0X",
          threadTs: "1.2",
        },
      ],
      openIncidentsMore: 3,
      ownReports: [],
      summary: { open: 1, overdue: 0, awaitingDecision: 1, notifiedToAp: 0, closed: 0, total: 1 },
      parked: { count: 2, errors: ["not_in_channel"] },
    };
    expectBilingual("home", (locale) => buildHomeView(home, { register, locale, zone: "Europe/Amsterdam" }));
  });

  it("finds no { nl, en } object in src/ that lacks one of the two", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== "generated") walk(full);
        else if (entry.name.endsWith(".ts")) files.push(full);
      }
    };
    walk("src");
    const problems: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      // An object literal that opens with `nl:` (or `en:`) as its first key: find its matching brace.
      const opener = /\{\s*(nl|en)\s*:/g;
      for (let match = opener.exec(source); match; match = opener.exec(source)) {
        let depth = 0;
        let end = match.index;
        for (; end < source.length; end++) {
          const c = source[end];
          if (c === "{") depth++;
          else if (c === "}" && --depth === 0) break;
        }
        const body = source.slice(match.index + 1, end);
        // Keys at the top level of this object only.
        let level = 0;
        let top = "";
        for (const c of body) {
          if ("{[(".includes(c)) level++;
          else if ("}])".includes(c)) level--;
          else if (level === 0) top += c;
        }
        const hasNl = /(^|[,\s])nl\s*:/.test(top);
        const hasEn = /(^|[,\s])en\s*:/.test(top);
        if (hasNl !== hasEn) {
          const line = source.slice(0, match.index).split("\n").length;
          problems.push(`${file}:${line} has only ${hasNl ? "nl" : "en"}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
