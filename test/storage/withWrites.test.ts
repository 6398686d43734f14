// How deferred writes ride with a transaction's next statement
// (src/core/storage/sql.ts): as data-modifying WITH queries in front of it,
// the statement's own WITH list joined on, the values in placeholder order.
import { describe, expect, it } from "vitest";
import { parameterised, withWrites } from "../../src/core/storage/sql.ts";

const template = (strings: TemplateStringsArray, ...values: unknown[]) => ({ strings: [...strings], values });

describe("withWrites", () => {
  it("puts the writes in front of a plain statement, numbering the values in order", () => {
    const combined = withWrites(
      [template`INSERT INTO a (x) VALUES (${1})`, template`UPDATE b SET y = ${2} WHERE z = ${3}`],
      template`SELECT pg_advisory_xact_lock(${4}::bigint)`,
    );
    expect(parameterised(combined.strings, combined.values)).toEqual({
      text: "WITH w0 AS (INSERT INTO a (x) VALUES ($1)), w1 AS (UPDATE b SET y = $2 WHERE z = $3) SELECT pg_advisory_xact_lock($4::bigint)",
      values: [1, 2, 3, 4],
    });
  });

  it("joins a statement's own WITH list, and keeps RECURSIVE in front of the whole list", () => {
    const own = withWrites(
      [template`DELETE FROM a WHERE x = ${1}`],
      template`
      WITH picked AS (SELECT ${2} AS y) SELECT * FROM picked`,
    );
    expect(parameterised(own.strings, own.values).text).toBe(
      "WITH w0 AS (DELETE FROM a WHERE x = $1), picked AS (SELECT $2 AS y) SELECT * FROM picked",
    );
    const recursive = withWrites([template`DELETE FROM a`], template`WITH RECURSIVE n(i) AS (SELECT 1) SELECT i FROM n`);
    expect(parameterised(recursive.strings, recursive.values).text).toBe(
      "WITH RECURSIVE w0 AS (DELETE FROM a), n(i) AS (SELECT 1) SELECT i FROM n",
    );
  });

  it("refuses a write with a WITH of its own (PostgreSQL allows data-modifying WITH only at the top)", () => {
    expect(() => withWrites([template`WITH x AS (UPDATE a SET b = 1) UPDATE c SET d = 2`], template`SELECT 1`)).toThrow(
      /WITH of its own/,
    );
  });
});
