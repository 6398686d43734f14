// The one place that knows how to reach the database: embedded PGlite by
// default, a PostgreSQL server when DATABASE_URL is set. Everything else
// gets a Prisma client and, for migrations, a raw connection.
// Each driver is loaded only when it is used: PGlite alone is some 40 MB of
// code, which an installation on a PostgreSQL server does not carry.
import { withFieldEncryption } from "../security/encryptionExtension.ts";
import { auditCommitTail } from "../audit/recordAuditEvent.ts";
import { overviewRefreshCommitTail } from "../incidents/requestOverviewRefresh.ts";
import { withCommitTail } from "./commitTail.ts";
import { yieldingPglite } from "./yieldingPglite.ts";
import type { TKeyRing } from "../security/fieldCipher.ts";
import type { TCommitTail } from "./commitTail.ts";
import {
  INT8_ARRAY_OID,
  INT8_OID,
  parameterised,
  parseInt8,
  withWrites,
  type TSql,
  type TSqlTransaction,
  type TTemplate,
} from "./sql.ts";
import { PrismaClient } from "./generated/client.ts";
import { PGLITE_SETTINGS, prepareDataDir } from "./pgliteDataDir.mjs";

export type TDatabaseKind = "pglite" | "postgresql";

/** A raw connection used to apply migrations: plain SQL, no Prisma. */
export interface RawConnection {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
}

export interface Database {
  kind: TDatabaseKind;
  prisma: PrismaClient;
  /** The key ring the client encrypts with; a raw statement that writes an encrypted field uses it too. */
  keyRing?: TKeyRing;
  /**
   * Runs `work` on one raw connection while holding the migration lock, so
   * two instances starting at once against one server never both migrate.
   */
  withMigrationLock<T>(work: (connection: RawConnection) => Promise<T>): Promise<T>;
  /**
   * A read straight through the driver, without Prisma's result mapping,
   * for SQL put together at run time (the export's tables). Rows are typed
   * as `sql` types them (snake_case names; int8 as bigint).
   */
  readRows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Raw statements on the driver, each on its own (src/core/storage/sql.ts): for the hot path. */
  sql: TSql;
  /**
   * A transaction on the driver, with the same commit tail as the client's
   * (refresh requests and the audit trail written last): for the hot path.
   */
  sqlTransaction<T>(work: (tx: TSqlTransaction) => Promise<T>, options?: TSqlTransactionOptions): Promise<T>;
  /** True when a trivial query succeeds. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface TSqlTransactionOptions {
  /**
   * Wall-clock ms: a connection not had by then is given up, and a
   * transaction still running 500 ms after it loses its connection, so the
   * server rolls it back (a stalled database). The work checks the deadline
   * itself before it may commit.
   */
  deadline?: number;
}

/** A transaction given up at its deadline (TSqlTransactionOptions): nothing of it was committed. */
export class TransactionDeadlineError extends Error {
  constructor(what: string) {
    super(`${what} before the transaction's deadline; nothing was committed`);
  }
}

// What Prisma's interactive transactions allowed the report's intake beyond its deadline.
const MIN_CONNECTION_WAIT_MS = 100;
const TRANSACTION_GRACE_MS = 500;

export type TDatabaseOptions =
  { kind: "pglite"; dataDir?: string /* omitted: in memory */ } | { kind: "postgresql"; url: string; poolSize?: number };

/**
 * Deadlines for the server: a connection is made within 5 s; no statement
 * runs longer than 30 s (a lock wait included), and no transaction stays
 * idle for more than 60 s (a client that died holding locks). A report's
 * own deadline is shorter (receiveReport).
 */
export const POSTGRES_TIMEOUTS = {
  connectionTimeoutMillis: 5_000,
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 60_000,
} as const;

/** How long closing waits for the pool's clients to come back. */
const POOL_END_DEADLINE_MS = 5_000;

// Any fixed number: the key of PostgreSQL's advisory lock for migrations.
const MIGRATION_LOCK_KEY = 727_073_690;

/**
 * With a key ring, the fields in src/security/encryptedFields.ts are
 * encrypted at rest (the bot always passes one); without, the client is
 * plain (migrations, and tools that work on ciphertext themselves).
 */
export async function openDatabase(options: TDatabaseOptions, keyRing?: TKeyRing): Promise<Database> {
  const database =
    options.kind === "pglite" ? await openPglite(options.dataDir) : await openPostgres(options.url, options.poolSize);
  if (keyRing) {
    database.prisma = withFieldEncryption(database.prisma, keyRing);
    database.keyRing = keyRing;
  }
  // Refresh requests and audit entries are written last in each transaction (no deadlocks through their locks).
  database.prisma = withCommitTail(database.prisma, COMMIT_TAILS);
  return database;
}

const COMMIT_TAILS: readonly TCommitTail[] = [overviewRefreshCommitTail, auditCommitTail];

/** Runs `work` as a driver transaction's body: the commit tails begin before it and are written after it, and no deferred write is left. */
async function withTails<T>(
  run: TRunStatement,
  keyRing: TKeyRing | undefined,
  work: (tx: TSqlTransaction) => Promise<T>,
): Promise<T> {
  const tx = sqlTransactionOver(run, keyRing);
  for (const tail of COMMIT_TAILS) tail.begin(tx);
  const result = await work(tx);
  for (const tail of COMMIT_TAILS) await tail.flush(tx);
  await tx.sendWrites();
  return result;
}

type TPgliteQueryable = Pick<import("@electric-sql/pglite").Transaction, "query">;

/** Prisma's types for raw results: int8 as bigint (PGlite would give a number, pg a string). */
const PGLITE_PARSERS = {
  [INT8_OID]: parseInt8,
  [INT8_ARRAY_OID]: (text: string) =>
    text === "{}"
      ? []
      : text
          .slice(1, -1)
          .split(",")
          .map((item) => (item === "NULL" ? null : parseInt8(item))),
};

/** One statement on a driver connection, its rows typed as Prisma types raw results. */
type TRunStatement = (text: string, params: readonly unknown[]) => Promise<{ rows: unknown[]; affected: number }>;

function runOnPglite(target: TPgliteQueryable): TRunStatement {
  return async (text, params) => {
    const result = await target.query(text, [...params], { parsers: PGLITE_PARSERS });
    return { rows: result.rows, affected: result.affectedRows ?? 0 };
  };
}

type TPgQueryable = Pick<import("pg").PoolClient, "query">;

function runOnPg(target: TPgQueryable, types: import("pg").CustomTypesConfig): TRunStatement {
  return async (text, params) => {
    const result = await target.query({ text, values: [...params], types });
    return { rows: result.rows, affected: result.rowCount ?? 0 };
  };
}

/** One statement as a tagged template's parts, sent as `$1`, `$2`, ... with its values. */
type TRunTemplate = (strings: readonly string[], values: readonly unknown[]) => ReturnType<TRunStatement>;

function templatesOn(run: TRunStatement): TRunTemplate {
  return (strings, values) => {
    const { text, values: params } = parameterised(strings, values);
    return run(text, params);
  };
}

/** Prisma's tagged-template shape over one driver's statements. */
function sqlOver(runTemplate: TRunTemplate): TSql {
  return {
    async $queryRaw<T>(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await runTemplate(strings, values)).rows as T;
    },
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await runTemplate(strings, values)).affected;
    },
  };
}

/** The same over one transaction's connection, with its queue of deferred writes (deferredWrites in sql.ts). */
function sqlTransactionOver(run: TRunStatement, keyRing: TKeyRing | undefined): TSqlTransaction {
  const send = templatesOn(run);
  let queued: TTemplate[] = [];
  // Each statement takes the queued writes with it.
  const runTemplate: TRunTemplate = (strings, values) => {
    if (queued.length === 0) return send(strings, values);
    const combined = withWrites(queued, { strings, values });
    queued = [];
    return send(combined.strings, combined.values);
  };
  return {
    ...sqlOver(runTemplate),
    driverTransaction: true,
    ...(keyRing ? { keyRing } : {}),
    writeLater(strings, values) {
      queued.push({ strings, values });
    },
    async sendWrites() {
      if (queued.length > 0) await runTemplate(["SELECT 1"], []);
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  // A new data directory comes from the install-time template (or a child
  // process): initdb in this process would cost seconds and ~500 MB.
  if (dataDir) prepareDataDir(dataDir);
  const options = { postgresqlconf: PGLITE_SETTINGS };
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
  const pglite = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  await pglite.waitReady;
  yieldingPglite(pglite);
  // pglite-prisma-adapter 0.6 bundles its own copy of Prisma's adapter types.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as never });
  const connection: RawConnection = {
    async query(sql, params) {
      return (await pglite.query(sql, params)).rows as never;
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
  };
  const run = runOnPglite(pglite);
  const database: Database = {
    kind: "pglite",
    prisma,
    // One process owns a PGlite data directory, so no lock is needed.
    withMigrationLock: (work) => work(connection),
    readRows: async (sql, params = []) => (await run(sql, params)).rows as never,
    sql: sqlOver(templatesOn(run)),
    sqlTransaction: (work) => pglite.transaction((transaction) => withTails(runOnPglite(transaction), database.keyRing, work)),
    ping: async () => {
      try {
        await pglite.query("SELECT 1");
        return !pglite.closed;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
  return database;
}

/**
 * A client whose connection ends while checked out goes back to the pool
 * (which discards it) at once. Prisma's adapter releases a transaction's
 * client only after its ROLLBACK succeeds, which on a cut connection it never
 * does: each transaction cut by a failover or a dropped connection would
 * otherwise hold a pool slot for good, until no request could get a
 * connection, and closing would wait for ever (test/faults/databaseStall).
 * A second release of such a client is then a no-op.
 */
function releaseClientsWhoseConnectionEnds(pool: import("pg").Pool): void {
  const connect = pool.connect.bind(pool) as (callback?: unknown) => unknown;
  // pool.query() uses the callback form; it releases its client itself.
  (pool as { connect: unknown }).connect = (callback?: unknown) => {
    if (callback) return connect(callback);
    return (connect() as Promise<import("pg").PoolClient>).then((client) => {
      const release = client.release.bind(client);
      let released = false;
      const releaseOnce = (error?: Error | boolean) => {
        if (released) return;
        released = true;
        client.removeListener("end", onEnd);
        release(error);
      };
      const onEnd = () => releaseOnce(new Error("the connection ended while the client was checked out"));
      client.once("end", onEnd);
      client.release = releaseOnce;
      return client;
    });
  };
}

/** Rejects with `late()` when `work` has not settled within `ms`. */
async function raceDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A pool connection by `deadline` (at least a short wait), or TransactionDeadlineError; one had later goes straight back. */
async function connectBefore(pool: import("pg").Pool, deadline: number): Promise<import("pg").PoolClient> {
  const connecting = pool.connect();
  return raceDeadline(connecting, Math.max(MIN_CONNECTION_WAIT_MS, deadline - Date.now()), () => {
    connecting.then(
      (client) => client.release(),
      () => undefined,
    );
    return new TransactionDeadlineError("no database connection was free");
  });
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A server that does not answer is found out in seconds, not after the
    // operating system gives up: a new connection waits at most this long,
    ...POSTGRES_TIMEOUTS,
    // and a connection whose server went away (a failover) is noticed and replaced.
    keepAlive: true,
  });
  // An idle client that loses its server must not crash the process.
  pool.on("error", () => undefined);
  releaseClientsWhoseConnectionEnds(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  // Prisma's types for raw results: int8 as bigint (pg gives a string); the rest as pg parses them.
  const types: import("pg").CustomTypesConfig = {
    getTypeParser: ((oid: number, format?: "text" | "binary") => {
      if (oid === INT8_OID) return parseInt8;
      if (oid === INT8_ARRAY_OID) {
        const parseArray = pg.types.getTypeParser(oid as never, "text") as (text: string) => string[];
        return (text: string) => parseArray(text).map(parseInt8);
      }
      return pg.types.getTypeParser(oid, format ?? "text");
    }) as import("pg").CustomTypesConfig["getTypeParser"],
  };
  const run = runOnPg(pool, types);
  const database: Database = {
    kind: "postgresql",
    prisma,
    sql: sqlOver(templatesOn(run)),
    async sqlTransaction(work, options = {}) {
      const { deadline } = options;
      const client = deadline === undefined ? await pool.connect() : await connectBefore(pool, deadline);
      let failure: Error | undefined;
      const transaction = (async () => {
        try {
          await client.query("BEGIN");
          const result = await withTails(runOnPg(client, types), database.keyRing, work);
          await client.query("COMMIT");
          return result;
        } catch (error) {
          // A connection that cannot roll back is broken: it leaves the pool.
          await client.query("ROLLBACK").catch((rollbackFailure: Error) => (failure = rollbackFailure));
          throw error;
        } finally {
          client.release(failure);
        }
      })();
      if (deadline === undefined) return transaction;
      return raceDeadline(transaction, deadline + TRANSACTION_GRACE_MS - Date.now(), () => {
        // The server rolls back what the dropped connection had begun; COMMIT was never sent.
        transaction.catch(() => undefined);
        client.release(new TransactionDeadlineError("the transaction did not finish"));
        return new TransactionDeadlineError("the transaction did not finish");
      });
    },
    async withMigrationLock(work) {
      const client = await pool.connect();
      try {
        // Waiting for another replica's migration, and a migration itself, may take longer than a statement may.
        await client.query("SET statement_timeout = 0");
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        try {
          return await work({
            async query(sql, params) {
              return (await client.query(sql, params as unknown[])).rows;
            },
            async exec(sql) {
              await client.query(sql);
            },
          });
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
          await client.query("RESET statement_timeout");
        }
      } finally {
        client.release();
      }
    },
    readRows: async (sql, params = []) => (await run(sql, params)).rows as never,
    ping: async () => {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
      // pool.end() waits for every client to come back; one that a
      // transaction cut by a lost connection never gave back would hold a
      // closing process for ever. Its connection dies with the process.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        pool.end(),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, POOL_END_DEADLINE_MS))),
      ]).finally(() => clearTimeout(timer));
    },
  };
  return database;
}
