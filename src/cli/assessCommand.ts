// `datalek assess --input FILE|- [--lang nl|en]`: the assessment as a command,
// for scripts, audits and the tests. Reads one JSON object
// { "answers": {...}, "context": { "sector": "care" } } and prints the
// assessment as JSON (the reasons in the chosen language, from the text
// catalogue). Exit codes: 0 success, 2 invalid usage or input.
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import type { TLocale } from "../core/text/locale.ts";
import { assessBreach } from "../features/checklist/assessBreach.ts";
import { ZAssessInput } from "../features/checklist/questions.ts";

export interface TCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const ASSESS_USAGE = [
  "Gebruik / usage: datalek assess --input FILE [--lang nl|en]",
  '  --input FILE   JSON-bestand met { "answers": {...}, "context": { "sector": "care" } }; "-" leest standaardinvoer',
  '                 JSON file with { "answers": {...}, "context": { "sector": "care" } }; "-" reads standard input',
  "  --lang nl|en   taal van de redenen / language of the reasons (standaard/default: nl)",
].join("\n");

const EXIT_OK = 0;
const EXIT_INVALID = 2;

class UsageError extends Error {}

interface TAssessOptions {
  input: string;
  locale: TLocale;
}

function parseOptions(argv: string[]): TAssessOptions | "help" {
  // Accept both `assess --input x` and `--input x` (the dispatcher strips the word).
  const args = argv[0] === "assess" ? argv.slice(1) : argv;
  let input: string | undefined;
  let locale: TLocale = "nl";
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const [name, inlineValue] = arg.startsWith("--") && arg.includes("=") ? splitOnce(arg, "=") : [arg, undefined];
    const takeValue = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = args[index + 1];
      if (next === undefined || (next.startsWith("-") && next !== "-")) {
        throw new UsageError(`${name} needs a value`);
      }
      index += 1;
      return next;
    };
    switch (name) {
      case "--help":
      case "-h":
        return "help";
      case "--input":
      case "-i":
        input = takeValue();
        break;
      case "--lang": {
        const value = takeValue();
        if (value !== "nl" && value !== "en") throw new UsageError(`--lang: must be nl or en, got "${value}"`);
        locale = value;
        break;
      }
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  if (input === undefined) throw new UsageError('--input FILE is required (use "-" for standard input)');
  return { input, locale };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** `answers.breach_types[0]` from ['answers', 'breach_types', 0]. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text;
}

/** One line per problem, each naming the field, e.g. `answers.people_affected: must not be negative`. */
export function formatInputIssues(error: z.ZodError): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) lines.push(`${formatPath([...issue.path, key])}: ${issue.message}`);
    } else {
      lines.push(`${formatPath(issue.path) || "(input)"}: ${issue.message}`);
    }
  }
  return lines;
}

export async function assessCommand(argv: string[], io: TCommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`datalek assess: ${message}\n`);
    return EXIT_INVALID;
  };

  let options: TAssessOptions | "help";
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n${ASSESS_USAGE}`);
    throw error;
  }
  if (options === "help") {
    io.stdout.write(`${ASSESS_USAGE}\n`);
    return EXIT_OK;
  }

  let text: string;
  try {
    text = options.input === "-" ? await readStream(io.stdin) : await readFile(options.input, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`cannot read ${options.input === "-" ? "standard input" : options.input}: ${reason}`);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`input is not valid JSON: ${reason}`);
  }

  const parsed = ZAssessInput.safeParse(json);
  if (!parsed.success) {
    return fail(formatInputIssues(parsed.error).join("\ndatalek assess: "));
  }

  const assessment = assessBreach(parsed.data.answers, parsed.data.context, options.locale);
  io.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
  return EXIT_OK;
}
