// What every message builder may read when a message is delivered: the
// reader's language and texts, the time, the organisation's zone and
// records, the register, and who holds which role.
import type { TPersonId } from "../core/people/person.ts";
import type { TRoleDirectory } from "../core/people/roles.ts";
import type { Database } from "../core/storage/openDatabase.ts";
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
}
