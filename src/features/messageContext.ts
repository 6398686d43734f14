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

/** Reads each incident once per delivery round: a report's post, pages and receipt share one read. */
export function incidentLoaderFor(
  database: Database,
  round: Map<string, unknown>,
): (incidentId: string) => Promise<Incident | null> {
  return (incidentId) => {
    const key = `incident:${incidentId}`;
    let loading = round.get(key) as Promise<Incident | null> | undefined;
    if (!loading) {
      // Straight through the driver: read for every report's messages, where the ORM's mapping would cost most.
      loading = database.sql.$queryRaw<TRawRow[]>`SELECT * FROM incident WHERE id = ${incidentId}::uuid`.then(([row]) =>
        row ? modelFromRow<Incident>("Incident", row, database.keyRing) : null,
      );
      round.set(key, loading);
    }
    return loading;
  };
}
