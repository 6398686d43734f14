// English next to Dutch: every text exists in both languages. Walks the
// whole text catalogue and compares the two languages word for word,
// renders the messages, forms and windows in both locales and compares
// them, and scans src/ for { nl: ..., en: ... } objects that lack one of
// the two keys.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TLocale } from "../../src/core/text/locale.ts";
import type { Incident } from "../../src/core/storage/generated/client.ts";
import type { Database } from "../../src/core/storage/openDatabase.ts";
import { incidentDetailsView } from "../../src/features/audit/incidentDetailsView.ts";
import { helpMessage } from "../../src/features/commands/helpCommand.ts";
import { COMMANDS } from "../../src/features/index.ts";
import type { TMessageContext } from "../../src/features/messageContext.ts";
import type { TOverview } from "../../src/features/overview/loadOverview.ts";
import { overviewBlocks } from "../../src/features/overview/overviewBlocks.ts";
import { incidentPageMessage, incidentPostMessage } from "../../src/features/paging/pagingMessages.ts";
import { reportForm } from "../../src/features/report/reportForm.ts";
import { reportReceiptMessage } from "../../src/features/report/reportMessages.ts";
import { CATALOGUE, textsFor } from "../../src/texts/index.ts";
import { testRegister } from "../support/startTestBot.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

/** Words that read the same in both languages: a text of only these (and numbers) need not differ. */
const SAME_IN_BOTH = new Set(["status", "deadline", "e-mail", "open", "datalek", "export", "checklist", "enisa", "ap"]);
const readsTheSame = (text: string) => (text.toLowerCase().match(/[\p{L}-]{2,}/gu) ?? []).every((word) => SAME_IN_BOTH.has(word));

/** Any parameter a text function asks for: a small number, which every template can print. */
const ANY_PARAMS: object = new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? undefined : 2) });

/** Every text of the catalogue by its path, functions called with sample parameters. */
function leaves(value: unknown, at: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === "string") out.set(at, value);
  else if (typeof value === "function") {
    try {
      const said = (value as (p: unknown) => unknown)(ANY_PARAMS);
      if (typeof said === "string") out.set(`${at}()`, said);
    } catch {
      // A template that needs a real parameter (a problem object, a time left) is checked where it is rendered.
    }
  } else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) leaves(item, at ? `${at}.${key}` : key, out);
  return out;
}

function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value && typeof value === "object") for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

/** The rendered texts in both locales: same count, none empty, and the two differ. */
async function expectBilingual(name: string, render: (locale: TLocale) => unknown) {
  const nl = stringsOf(await render("nl")).filter((text) => !/^[a-z_]+$/.test(text));
  const en = stringsOf(await render("en")).filter((text) => !/^[a-z_]+$/.test(text));
  expect(nl.length, `${name}: renders nothing`).toBeGreaterThan(0);
  expect(en.length, `${name}: different structure per language`).toBe(nl.length);
  expect(JSON.stringify(en), `${name}: English equals Dutch`).not.toBe(JSON.stringify(nl));
}

const incident = {
  id: "00000000-0000-4000-8000-000000000001",
  reference: "DL-2026-0001",
  submissionKey: "V0X",
  reporterId: "slack:U0STAFF01",
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
  decision: null,
  decidedAt: null,
  decidedBy: null,
  decisionReason: null,
  apReference: null,
  closedAt: null,
  closedBy: null,
  createdAt: NOW,
} as unknown as Incident;

/** A database that knows this one incident, for the message builders. */
const database = {
  prisma: { incident: { findUnique: async () => incident } },
} as unknown as Database;

describe("English next to Dutch", () => {
  const register = testRegister();
  const context = (locale: TLocale): TMessageContext => ({
    locale,
    texts: textsFor(locale),
    now: NOW,
    database,
    register,
    roles: { dpos: ["slack:U0DPO0001"], admins: [], management: [], systemOwners: [] },
    organisation: { sector: "care", zone: "Europe/Amsterdam" },
  });

  it("has every text of the catalogue in both languages, and translated", () => {
    for (const [area, texts] of Object.entries(CATALOGUE)) {
      const nl = leaves(texts.nl, area, new Map());
      const en = leaves(texts.en, area, new Map());
      expect([...en.keys()], `${area}: the same texts in both languages`).toEqual([...nl.keys()]);
      for (const [at, dutch] of nl) {
        const english = en.get(at)!;
        expect.soft(dutch.trim(), `${at}.nl is empty`).not.toBe("");
        expect.soft(english.trim(), `${at}.en is empty`).not.toBe("");
        // A command as typed (/datalek help) is the same in both languages.
        if (!readsTheSame(dutch) && !dutch.startsWith("/")) expect.soft(english, `${at} is not translated`).not.toBe(dutch);
      }
    }
  });

  it("renders every message, form and window in both languages", async () => {
    await expectBilingual("report form", (locale) => reportForm(register, textsFor(locale), NOW));
    await expectBilingual("channel post", (locale) => incidentPostMessage.build({ incidentId: incident.id }, context(locale)));
    await expectBilingual("page", (locale) =>
      incidentPageMessage.build({ incidentId: incident.id, person: "slack:U0DPO0001" }, context(locale)),
    );
    await expectBilingual("reporter receipt", (locale) =>
      reportReceiptMessage.build({ incidentId: incident.id }, context(locale)),
    );
    await expectBilingual("help", (locale) => helpMessage(textsFor(locale), COMMANDS));
    await expectBilingual("details window", (locale) =>
      incidentDetailsView(
        {
          outcome: "shown",
          access: "full",
          incident,
          assessment: null,
          timeline: [{ id: 1n, incidentId: incident.id, at: NOW, actorId: incident.reporterId, kind: "reported", details: {} }],
        },
        context(locale),
      ),
    );
    const overview: TOverview = {
      person: "slack:U0DPO0001",
      isDpo: true,
      isManagement: true,
      now: NOW,
      openIncidents: [
        {
          id: incident.id,
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
        },
      ],
      openIncidentsMore: 3,
      ownReports: [],
      summary: { open: 1, overdue: 0, awaitingDecision: 1, notifiedToAp: 0, closed: 0, total: 1 },
      parked: { count: 2, errors: ["not_in_channel"] },
    };
    await expectBilingual("overview", (locale) =>
      overviewBlocks(overview, { texts: textsFor(locale), locale, zone: "Europe/Amsterdam", register }),
    );
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
