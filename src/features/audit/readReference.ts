// A reference as someone typed it or a button carried it ("dl-2026-0007 "):
// trimmed and upper-cased; anything else is refused before the database.
import { REFERENCE_PATTERN } from "../../core/incidents/incidentReference.ts";

export function readReference(text: string | undefined): string | undefined {
  const candidate = (text ?? "").trim().toUpperCase();
  return candidate.length <= 40 && REFERENCE_PATTERN.test(candidate) ? candidate : undefined;
}
