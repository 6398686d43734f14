// What every message builder may read when a message is delivered: the
// reader's language and texts, the time, the organisation's zone and
// records, the register, and who holds which role.
import type { TPersonId } from "../core/people/person.ts";
import type { TRoleDirectory } from "../core/people/roles.ts";
import type { Incident } from "../core/storage/generated/client.ts";
import type { Database } from "../core/storage/openDatabase.ts";
import { modelFromRow, type TRawRow } from "../core/storage/modelFromRow.ts";
import type { TLocale } from "../core/text/locale.ts";
import type { TTexts } from "../texts/index.ts";
import { ROUND_INCIDENT_IDS } from "../core/outbox/postedMessages.ts";
import type { TRegister } from "./register/loadRegister.ts";

export interface TOrganisation {
  /** Named in the drafted AP notification and the letter to the people concerned. */
  name?: string | undefined;
  privacyContact?: string | undefined;
  sector: "care" | "general";
  zone: string;
}

export interface TMessageContext {
  locale: TLocale;
  /** A person's name as the reader's chat knows it (the export names people); absent: people are shown by id. */
  nameOf?: (person: TPersonId) => Promise<string | undefined>;
  texts: TTexts;
  now: Date;
  database: Database;
  register: TRegister;
  roles: TRoleDirectory;
  organisation: TOrganisation;
  /** Reads an incident; a delivery gives one that reads each incident once per round. */
  loadIncident?: (incidentId: string) => Promise<Incident | null>;
}

/** The incident a message is about, as of this delivery round. */
export function incidentFor(
  context: Pick<TMessageContext, "database" | "loadIncident">,
  incidentId: string,
): Promise<Incident | null> {
  return context.loadIncident
    ? context.loadIncident(incidentId)
    : context.database.prisma.incident.findUnique({ where: { id: incidentId } });
}

/**
 * Reads each incident once per delivery round: a report's post, pages and
 * receipt share one read, and the first read of a round takes every incident
 * the round is about (ROUND_INCIDENT_IDS) in one statement.
 */
export function incidentLoaderFor(
  database: Database,
  round: Map<string, unknown>,
): (incidentId: string) => Promise<Incident | null> {
  const keyOf = (incidentId: string) => `incident:${incidentId}`;
  return (incidentId) => {
    const cached = round.get(keyOf(incidentId)) as Promise<Incident | null> | undefined;
    if (cached) return cached;
    const roundIds = (round.get(ROUND_INCIDENT_IDS) as string[] | undefined) ?? [];
    const ids = [incidentId, ...roundIds.filter((id) => id !== incidentId && !round.has(keyOf(id)))];
    // Straight through the driver: read for every report's messages, where the ORM's mapping would cost most.
    const loading = database.sql.$queryRaw<TRawRow[]>`SELECT * FROM incident WHERE id = ANY(${ids}::uuid[])`.then((rows) => {
      const byId = new Map(rows.map((row) => [String(row.id), modelFromRow<Incident>("Incident", row, database.keyRing)]));
      return (id: string) => byId.get(id) ?? null;
    });
    for (const id of ids) {
      const one = loading.then((found) => found(id));
      // A failed read fails whoever asks for one of these; unasked, it must not be an unhandled rejection.
      one.catch(() => undefined);
      round.set(keyOf(id), one);
    }
    return round.get(keyOf(incidentId)) as Promise<Incident | null>;
  };
}
