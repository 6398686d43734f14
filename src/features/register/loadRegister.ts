// The register of systems is a YAML file the administrator edits. It is
// validated with zod; errors name the line and the field.
import fs from "node:fs";
import { LineCounter, parseDocument, isMap, isSeq, type Node } from "yaml";
import { z } from "zod";

export const RETENTION_REVIEW_CADENCES = ["monthly", "quarterly", "half_yearly", "yearly"] as const;

export const ZRegisterSystem = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_-]{1,40}$/, "must be lower-case letters, digits, - or _ (2 to 41 characters)"),
    name: z.string().min(1).max(75),
    description: z.string().min(1),
    data_kinds: z.string().min(1),
    data_flow: z.string().min(1),
    security_measures: z.array(z.string().min(1)).min(1),
    people_concerned: z.string().min(1),
    retention: z.string().min(1),
    /** What the owner removes at a retention review, e.g. "berichten ouder dan 6 maanden na het laatste bericht" (optional). */
    retention_action: z.string().min(1).optional(),
    retention_review: z.enum(RETENTION_REVIEW_CADENCES).default("quarterly"),
    owner: z.string().regex(/^[UW][A-Z0-9]{2,}$/, "must be a Slack user id such as U012AB3CD"),
  })
  .strict();

export const ZRegister = z
  .object({ systems: z.array(ZRegisterSystem).min(1, "must list at least one system") })
  .strict()
  .superRefine((register, context) => {
    const seen = new Set<string>();
    register.systems.forEach((system, index) => {
      if (seen.has(system.key) || ["email", "paper", "other"].includes(system.key))
        context.addIssue({
          code: "custom",
          path: ["systems", index, "key"],
          message: `"${system.key}" is used twice or reserved`,
        });
      seen.add(system.key);
    });
  });

export type TRegisterSystem = z.infer<typeof ZRegisterSystem>;
export type TRegister = z.infer<typeof ZRegister>;

export type TRegisterResult = { ok: true; register: TRegister } | { ok: false; problems: string[] };

/** Parses register text; problems read "line 12, systems[3].owner: ...". */
export function parseRegister(text: string): TRegisterResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return `line ${position.line}: ${error.message.split("\n")[0]}`;
      }),
    };
  }
  const parsed = ZRegister.safeParse(document.toJS());
  if (parsed.success) return { ok: true, register: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const node = nodeAt(document.contents, issue.path);
      const line = node?.range ? `line ${lineCounter.linePos(node.range[0]).line}, ` : "";
      return `${line}${formatPath(issue.path)}: ${issue.message}`;
    }),
  };
}

export function loadRegisterFile(file: string): TRegisterResult {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    return { ok: false, problems: [`cannot read ${file}: ${(error as Error).message}`] };
  }
  return parseRegister(text);
}

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${String(part)}`)).join("") ||
    "(file)"
  );
}

/** The deepest YAML node along the path, to name its line. */
function nodeAt(root: unknown, path: readonly PropertyKey[]): Node | undefined {
  let current = root as Node | undefined;
  for (const part of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => (item.key as { value?: unknown })?.value === part);
      if (!pair) return current;
      current = (pair.value as Node | undefined) ?? (pair.key as Node);
    } else if (isSeq(current) && typeof part === "number") {
      const item = current.items[part] as Node | undefined;
      if (!item) return current;
      current = item;
    } else return current;
  }
  return current;
}
