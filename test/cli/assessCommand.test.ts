import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { ZAssessment } from "../../src/features/checklist/assessBreach.ts";
import { assessCommand } from "../../src/cli/assessCommand.ts";
import { main } from "../../src/cli/main.ts";

/** Synthetic input: a lost USB stick with client files. */
const GOOD_INPUT = {
  answers: {
    personal_data: "yes",
    breach_types: ["confidentiality"],
    data_categories: ["identity_contact", "health"],
    people_affected: 35,
    vulnerable_people: "yes",
    identifiability: "maximum",
    unintelligible: "no",
    recipient: "unknown",
    malicious: "no",
    contained: "no",
    harm_observed: "no",
  },
  context: { sector: "care" },
};

interface TRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function run(argv: string[], stdinText = "", entry: "command" | "main" = "command"): Promise<TRun> {
  const stdout = collect();
  const stderr = collect();
  const io = { stdin: Readable.from([stdinText]), stdout: stdout.stream, stderr: stderr.stream };
  const code = entry === "command" ? await assessCommand(argv, io) : await main(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const scratch = mkdtempSync(path.join(tmpdir(), "datalek-assess-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
function writeInput(name: string, content: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

describe("assessCommand: good input", () => {
  it('reads standard input with "-" and prints the assessment as JSON', async () => {
    const result = await run(["--input", "-"], JSON.stringify(GOOD_INPUT));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const assessment = ZAssessment.parse(JSON.parse(result.stdout));
    // Health data of vulnerable clients with unknown recipients: high risk.
    expect(assessment.level).toBe("high_risk");
    expect(assessment.notify_authority).toBe(true);
    expect(assessment.notify_subjects).toBe(true);
    expect(assessment.reasons[0]).toMatch(/^Hoog risico/);
  });

  it("reads a file and writes English reasons with --lang en", async () => {
    const file = writeInput("good.json", JSON.stringify(GOOD_INPUT));
    const result = await run(["--input", file, "--lang", "en"]);
    expect(result.code).toBe(0);
    const assessment = ZAssessment.parse(JSON.parse(result.stdout));
    expect(assessment.reasons[0]).toMatch(/^High risk/);
  });

  it('accepts the word "assess" in front, --input=FILE, and a missing context (care)', async () => {
    const file = writeInput("no-context.json", JSON.stringify({ answers: { personal_data: "no" } }));
    const result = await run(["assess", `--input=${file}`]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).level).toBe("not_a_breach");
  });

  it("accepts the number of recipients and the profile category, and weighs them", async () => {
    // A CV sent by mistake to one known addressee who deleted it, against the
    // same CV sent to a mailing list of 3,000 (shared/spec/assessment.md).
    const cv = {
      personal_data: "yes",
      breach_types: ["confidentiality"],
      data_categories: ["identity_contact", "profile"],
      people_affected: 1,
      vulnerable_people: "no",
      identifiability: "maximum",
      unintelligible: "no",
      recipient: "known",
      malicious: "no",
      contained: "yes",
      harm_observed: "no",
    };
    const one = await run(
      ["--input", "-"],
      JSON.stringify({ answers: { ...cv, recipients_count: 1 }, context: { sector: "general" } }),
    );
    expect(one.code, one.stderr).toBe(0);
    expect(ZAssessment.parse(JSON.parse(one.stdout)).level).toBe("no_risk");
    const list = await run(
      ["--input", "-", "--lang", "en"],
      JSON.stringify({ answers: { ...cv, recipients_count: 3_000 }, context: { sector: "general" } }),
    );
    expect(list.code, list.stderr).toBe(0);
    const assessment = ZAssessment.parse(JSON.parse(list.stdout));
    expect(assessment.level).toBe("risk");
    expect(assessment.reasons.join(" ")).toMatch(/3,000 recipients: that is close to publication/);
    expect(assessment.reasons.join(" ")).toMatch(/rich personal profile/);
    // The arithmetic is printed apart from the reasons.
    expect(assessment.scoring.join(" ")).toMatch(/likelihood .* x severity/);
  });

  it("runs through the dispatcher", async () => {
    const result = await run(["assess", "--input", "-"], JSON.stringify(GOOD_INPUT), "main");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).level).toBe("high_risk");
  });
});

describe("assessCommand: bad input exits 2 and names the problem", () => {
  const withAnswers = (answers: Record<string, unknown>) =>
    JSON.stringify({ answers: { ...GOOD_INPUT.answers, ...answers }, context: { sector: "care" } });

  it.each([
    ["unknown question id", withAnswers({ colour: "red" }), /answers\.colour: unknown question id/],
    ["value outside the list", withAnswers({ recipient: "neighbour" }), /answers\.recipient: must be one of none, trusted/],
    ["value outside a several-list", withAnswers({ breach_types: ["leak"] }), /answers\.breach_types\[0\]: must be one of/],
    ["negative count", withAnswers({ people_affected: -3 }), /answers\.people_affected: must not be negative/],
    ["fractional count", withAnswers({ people_affected: 2.5 }), /answers\.people_affected: must be a whole number/],
    ["count as text", withAnswers({ people_affected: "12" }), /answers\.people_affected: must be a whole number/],
    ["too large a count", withAnswers({ people_affected: 20_000_000 }), /answers\.people_affected: must be at most/],
    ["negative recipients", withAnswers({ recipients_count: -1 }), /answers\.recipients_count: must not be negative/],
    ["recipients as text", withAnswers({ recipients_count: "many" }), /answers\.recipients_count: must be a whole number/],
    [
      "unknown data category",
      withAnswers({ data_categories: ["cv"] }),
      /answers\.data_categories\[0\]: must be one of .*profile/,
    ],
    [
      "unknown context key",
      JSON.stringify({ answers: {}, context: { sector: "care", colour: "red" } }),
      /context\.colour: unknown context key/,
    ],
    [
      "unknown sector",
      JSON.stringify({ answers: {}, context: { sector: "retail" } }),
      /context\.sector: must be one of care, general/,
    ],
    ["unknown top-level key", JSON.stringify({ answers: {}, extra: true }), /extra: unknown key/],
    ["answers missing", JSON.stringify({ context: { sector: "care" } }), /answers: must be an object/],
    ["not an object", JSON.stringify([1, 2]), /\(input\): must be a JSON object/],
    ["not JSON", '{ "answers": ', /not valid JSON/],
  ])("%s", async (_name, input, message) => {
    const result = await run(["--input", "-"], input);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });

  it("requires --input", async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--input FILE is required/);
  });

  it("reports an unreadable file", async () => {
    const result = await run(["--input", path.join(scratch, "does-not-exist.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read .*does-not-exist\.json/);
  });

  it("refuses an unknown language and unknown arguments", async () => {
    expect((await run(["--input", "-", "--lang", "de"], "{}")).code).toBe(2);
    const unknown = await run(["--input", "-", "--verbose"], "{}");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown argument "--verbose"/);
  });

  it("prints usage for an unknown command in the dispatcher", async () => {
    const result = await run(["asses"], "", "main");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "asses"/);
    expect(result.stderr).toMatch(/datalek <command>/);
  });
});

describe("datalek assess as a process", () => {
  it("exits 0 with JSON on stdout, and 2 on bad input", async () => {
    const runProcess = (input: string) =>
      new Promise<TRun>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "assess", "--input", "-"], {
          cwd: path.resolve(import.meta.dirname, "../.."),
          stdio: ["pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
        child.stdin.end(input);
      });
    const good = await runProcess(JSON.stringify(GOOD_INPUT));
    expect(good.code, good.stderr).toBe(0);
    expect(JSON.parse(good.stdout).level).toBe("high_risk");
    const bad = await runProcess(JSON.stringify({ answers: { people_affected: -1 } }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/answers\.people_affected/);
  });
});
