// Prisma CLI configuration. Prisma 6.19 with the JavaScript engine and driver
// adapters works offline; the native engines cannot be downloaded here.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // The CLI is only used to generate the client and diff schemas; an
  // in-memory database is enough. The bot applies migrations itself
  // (src/core/storage/migrateDatabase.ts), on PGlite and on PostgreSQL alike.
  async adapter() {
    // pglite-prisma-adapter 0.6 bundles its own copy of the adapter types.
    return new PrismaPGlite(new PGlite()) as never;
  },
});
