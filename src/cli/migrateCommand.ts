// `datalek migrate`: applies pending migrations (the bot also does this at
// start), on the embedded database or on DATABASE_URL.
import { databaseOptionsFor } from "../app/startFromEnvironment.ts";
import { migrateDatabase } from "../core/storage/migrateDatabase.ts";
import { openDatabase } from "../core/storage/openDatabase.ts";
import type { TCommandIo } from "./assessCommand.ts";

export async function migrateCommand(env: NodeJS.ProcessEnv, io: TCommandIo): Promise<number> {
  const url = env.DATABASE_URL || undefined;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    io.stderr.write("DATABASE_URL must be a postgresql:// connection string\n");
    return 2;
  }
  const database = await openDatabase(databaseOptionsFor({ DATABASE_URL: url, DATA_DIR: env.DATA_DIR || "./data" }));
  try {
    const result = await migrateDatabase(database);
    io.stdout.write(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}\n`
        : `Database is up to date (${result.alreadyApplied.length} migration(s) applied earlier).\n`,
    );
    return 0;
  } catch (error) {
    io.stderr.write(`migrate failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
