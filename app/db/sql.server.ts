// The one interface for hand-written SQL, the same on both engines. Statements are
// Prisma.sql fragments written once in standard SQL with double-quoted identifiers; each
// engine runs them its own fastest way (better-sqlite3 prepared statements on SQLite, named
// prepared statements on a pg Pool on PostgreSQL) and hands back values of the same types:
//
//   integers   number, or bigint beyond 2^53 (rank keys); PostgreSQL int8/numeric alike
//   booleans   1 / 0 (SQLite stores them so; PostgreSQL's true/false are mapped)
//   DateTime   Date (SQLite's ISO text and PostgreSQL's timestamp(3) alike)
//
// Parameters may be Date (stored as the Prisma adapter of that engine stores it), boolean,
// bigint, number, string, Uint8Array or null.
import type { Prisma } from "~/generated/prisma/client";

export { engineOf, type Engine } from "~/utils/database-file.server";
import type { Engine } from "~/utils/database-file.server";

export type SqlValue = string | number | bigint | boolean | Date | Uint8Array | null;

export interface Sql {
  readonly engine: Engine;
  /** Every row of a query. */
  rows<T>(query: Prisma.Sql): Promise<T[]>;
  /** The first row, or undefined. */
  one<T>(query: Prisma.Sql): Promise<T | undefined>;
  /** Runs a statement; returns the number of rows it changed. */
  run(query: Prisma.Sql): Promise<number>;
}

/**
 * Rows already in an engine's load form (made where the rows are checked, perhaps on another
 * thread, so the thread that loads them does no per-value work): on SQLite `values`, the rows'
 * values one after another, each a string, a number (an integer one stored as INTEGER by the
 * column's affinity; booleans as 1/0) or null; on PostgreSQL `copy`, COPY's text format in
 * UTF-8, one line per row (copyField, copyDate), which the loading thread writes to the
 * server as it is. `count`: the rows.
 */
export type PreparedRows =
  | { readonly count: number; readonly values: (string | number | null)[] }
  | { readonly count: number; readonly copy: Uint8Array };

/** How the Prisma adapter stores DateTime in SQLite, for rows written outside Prisma. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A timestamp(3) in COPY's text format (UTC, as the pg adapter stores DateTime). */
export function copyDate(date: Date): string {
  return date.toISOString().replace("Z", "");
}

/** A text in COPY's text format: backslash escapes for the separators. */
export function copyField(text: string): string {
  if (!hasCopySpecial(text)) return text;
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
}

/**
 * Whether the text holds a character COPY's text format escapes (backslash, line feed,
 * carriage return, tab); most values hold none and go as they are. Told from the character
 * codes: a roster import asks of four cells a row, a million rows, and the pattern
 * /[\\\n\r\t]/ cost more on such short text.
 */
function hasCopySpecial(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 || c === 10 || c === 13 || c === 9) return true;
  }
  return false;
}

/** A write transaction that can also load many rows at once. */
export interface Bulk extends Sql {
  /**
   * Appends rows to a table: prepared INSERTs on SQLite, COPY … FROM STDIN on PostgreSQL.
   * `columns` are the table's column names; each row gives their values in that order.
   */
  load(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly SqlValue[]>,
  ): Promise<number>;
  /**
   * A Date as this engine's load stores it, for a caller that loads the same date many times
   * (a roster's birth days): made once, it passes through load unchanged, where a Date is
   * turned into text for every row it is in.
   */
  loadedDate(date: Date): string;
  /**
   * Appends rows already in this engine's load form (PreparedRows: values on SQLite, COPY
   * text on PostgreSQL); the other engine's form is refused. Returns the number of rows.
   */
  loadPrepared(table: string, columns: readonly string[], rows: PreparedRows): Promise<number>;
  /**
   * Runs `work`, a load of many rows into `table`, with the table's secondary indexes (and on
   * PostgreSQL its foreign keys) dropped, then builds them again from their stored definitions:
   * one sort per index instead of a random-order insert per row and index (and one join instead
   * of a foreign-key look-up per row). Only inside a write transaction, which keeps it all or
   * nothing: an index that cannot be built (a duplicate for a unique one) fails the transaction
   * as the insert would have, with the same unique-violation code.
   */
  withIndexesDeferred<T>(table: string, work: () => Promise<T>): Promise<T>;
  /**
   * The two halves of withIndexesDeferred, for a load that learns only as it goes whether it
   * is worth it: drops the indexes now; `rebuild` builds them again before the transaction
   * ends, and `release` (always, once the load is over) puts back the connection settings the
   * load changed.
   */
  deferIndexes(table: string): Promise<DeferredIndexes>;
  /**
   * Runs the transaction's last statements in order, as runAll does, and ends the transaction
   * with them: it commits once they have run (and rolls back if one fails), and a statement
   * issued in it afterwards is refused. On PostgreSQL the COMMIT travels in the same pipeline,
   * so the transaction's locks (a sheet save's event lock) are let go as soon as the server
   * has committed, not one more round trip through this process's busy event loop later; on
   * SQLite the commit follows as ever, when the transaction's function returns.
   */
  finish(statements: readonly Prisma.Sql[]): Promise<number[]>;
}

/** A table's indexes while a load runs without them (Bulk.deferIndexes). */
export type DeferredIndexes = { rebuild(): Promise<void>; release(): void };

/** Bulk.withIndexesDeferred from Bulk.deferIndexes, for both engines. */
export async function deferringIndexes<T>(
  bulk: Bulk,
  table: string,
  work: () => Promise<T>,
): Promise<T> {
  const deferred = await bulk.deferIndexes(table);
  try {
    const out = await work();
    await deferred.rebuild();
    return out;
  } finally {
    deferred.release();
  }
}

/**
 * What a write serialises on. Without one, a write runs alone, as every write does on SQLite.
 * With `{ event }` (PostgreSQL) it runs beside writes of other events and waits only for
 * writes of the same event and for unscoped ones; `{ quiz }` likewise for one quiz's attempts,
 * answers, boards and re-scoring chunks.
 */
export type WriteScope = { event: number } | { quiz: number };

/** bigint beyond 2^53, else number: the one integer rule of this interface. */
export function integer(value: bigint): number | bigint {
  return value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER ? value : Number(value);
}

/**
 * Runs statements in the order given and resolves when all have run; the first failure
 * rejects it (inside a transaction, which then rolls back). On PostgreSQL they are all sent
 * before the first answer comes back (one round trip on the pipelined connection); on SQLite
 * they run one after another as ever.
 */
export function runAll(sql: Sql, statements: readonly Prisma.Sql[]): Promise<number[]> {
  return Promise.all(statements.map((statement) => sql.run(statement)));
}
