// References look like DL-2026-0007: the organisation's year of the report
// and a sequence that restarts every year and is never reused.
export const REFERENCE_PATTERN = /^DL-(\d{4})-(\d{4,})$/;

export function formatIncidentReference(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`invalid sequence ${sequence}`);
  return `DL-${year}-${String(sequence).padStart(4, "0")}`;
}

export function parseIncidentReference(text: string): { year: number; sequence: number } | undefined {
  const match = REFERENCE_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}
