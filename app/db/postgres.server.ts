// The PostgreSQL side of the Sql interface (sql.server.ts): the same Prisma.sql fragments
// as named prepared statements on a pg Pool (prepared once per connection), values mapped
// to the interface's types, bulk loads through COPY … FROM STDIN.
//
// The pool's connections are pipelined (pg's `pipeline: true`): a statement is sent when it is
// issued, not when the one before it has answered, and the server runs them in order. Code
// that awaits each statement works as before; code that issues several before awaiting them
// (Promise.all over reads that do not depend on each other, a batch of writes) pays one round
// trip for all of them. On a busy machine each round trip costs two wake-ups (the server's
// backend and this process), which made a 26-statement sheet save ten times its own work.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Prisma } from "~/generated/prisma/client";
import {
  copyDate,
  copyField,
  deferringIndexes,
  integer,
  type Bulk,
  type DeferredIndexes,
  type PreparedRows,
  type Sql,
  type SqlValue,
} from "~/db/sql.server";

const OID = { bool: 16, int8: 20, numeric: 1700, timestamp: 1114, timestamptz: 1184 } as const;

// Results in the interface's types: int8 and numeric (COUNT, SUM) as number or bigint,
// booleans as 1/0 like SQLite, timestamp(3) — which the Prisma adapter writes in UTC — as Date.
const parsers: Record<number, (text: string) => unknown> = {
  [OID.bool]: (t) => (t === "t" ? 1 : 0),
  [OID.int8]: (t) => integer(BigInt(t)),
  [OID.numeric]: (t) => (/^-?\d+$/.test(t) ? integer(BigInt(t)) : Number(t)),
  [OID.timestamp]: (t) => new Date(`${t.replace(" ", "T")}Z`),
  [OID.timestamptz]: (t) => new Date(t),
};
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    (format ?? "text") === "text" && parsers[oid]
      ? parsers[oid]
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

// PostgreSQL's text cannot hold NUL (SQLite's can): a NUL in anything a visitor typed would
// fail the whole statement ("invalid byte sequence"). It is stored as U+FFFD instead, which
// never matches a real code or name, as the NUL would not have either.
const NUL = /\u0000/g;
export function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replace(NUL, "\uFFFD") : text;
}

/** The same for Prisma's query arguments (a client extension on PostgreSQL, see db.server.ts). */
export function argsWithoutNul<T>(value: T): T {
  if (typeof value === "string") return withoutNul(value) as T;
  if (Array.isArray(value)) return value.map(argsWithoutNul) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = argsWithoutNul(v);
    return out as T;
  }
  return value;
}

function param(value: unknown): unknown {
  if (typeof value === "string") return withoutNul(value);
  // timestamp(3) without time zone holds UTC, as the Prisma adapter writes it.
  if (value instanceof Date) return value.toISOString().replace("Z", "");
  if (typeof value === "bigint") return value.toString();
  return value;
}

// One name per statement text, so each connection prepares it once.
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `jx${names.size.toString(36)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * How the app's raw connections are made (the pool in db.server.ts; the bench's floor
 * connects the same way):
 * - pipelined (see the top of this file);
 * - generic plans for the named statements: every hand-written statement is an index lookup
 *   whose plan does not depend on its values, yet PostgreSQL kept planning the board's
 *   five-table page afresh on every execution (a custom plan looked cheaper than the generic
 *   one): about 1 ms of planning for 0.4 ms of work;
 * - Prisma's `schema` URL parameter as the search path.
 */
export function rawConnection(url: string): pg.ClientConfig {
  const schema = new URL(url).searchParams.get("schema");
  const settings = ["-c plan_cache_mode=force_generic_plan"];
  if (schema) settings.push(`-c search_path="${schema.replace(/"/g, "")}"`);
  return { connectionString: url, pipeline: true, options: settings.join(" ") };
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

export class PostgresSql implements Bulk {
  readonly engine = "postgresql" as const;
  /** The COMMIT that finish() sent after the transaction's last statements. */
  private commit: Promise<void> | null = null;
  constructor(private readonly client: Queryable) {}

  private async query(query: Prisma.Sql): Promise<pg.QueryResult> {
    // After the COMMIT it would run outside the transaction, in a transaction of its own.
    if (this.commit) throw new Error("a statement after the transaction's last ones (finish)");
    return this.client.query({
      name: nameOf(query.text),
      text: query.text,
      values: query.values.map(param),
      types,
    });
  }

  /**
   * One transaction on this connection (a pool client or a client of its own). On a
   * pipelined connection BEGIN travels with the transaction's first statements.
   */
  async transaction<T>(fn: (sql: PostgresSql) => Promise<T>): Promise<T> {
    const client = this.client as pg.PoolClient;
    try {
      const [, out] = await Promise.all([client.query("BEGIN"), fn(this)]);
      await (this.commit ?? client.query("COMMIT"));
      return out;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      this.commit = null;
    }
  }

  finish(statements: readonly Prisma.Sql[]): Promise<number[]> {
    const runs = Promise.all(statements.map((statement) => this.run(statement)));
    const sent = (this.client as pg.PoolClient).query("COMMIT");
    // A transaction in which a statement failed ends at COMMIT as ROLLBACK, without an error:
    // the COMMIT's answer is read only once every statement has run, so that the failed
    // statement's own error is what the caller sees.
    sent.catch(() => undefined);
    const done = runs.then(async (changed) => {
      const result = await sent;
      if (result.command !== "COMMIT")
        throw new Error(`the transaction ended in ${result.command}`);
      return changed;
    });
    this.commit = done.then(() => undefined);
    // Awaited by transaction() when the function succeeds; its failure is the caller's.
    this.commit.catch(() => undefined);
    return done;
  }

  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    return (await this.query(query)).rows as T[];
  }

  async one<T>(query: Prisma.Sql): Promise<T | undefined> {
    return (await this.query(query)).rows[0] as T | undefined;
  }

  async run(query: Prisma.Sql): Promise<number> {
    return (await this.query(query)).rowCount ?? 0;
  }

  loadedDate(date: Date): string {
    return copyDate(date);
  }

  withIndexesDeferred<T>(table: string, work: () => Promise<T>): Promise<T> {
    return deferringIndexes(this, table, work);
  }

  async deferIndexes(table: string): Promise<DeferredIndexes> {
    const relation = `"${table.replace(/"/g, '""')}"`;
    // The table's lock first, which the drops below take anyway: the definitions are then
    // read where no other transaction can be dropping or building them (two loads at once).
    await this.client.query(`LOCK TABLE ${relation} IN ACCESS EXCLUSIVE MODE`);
    // Indexes that back a constraint (the primary key, or one another table's foreign key
    // references) stay: dropping them would drop or break the constraint.
    const [indexes, foreignKeys] = await Promise.all([
      this.rows<{ name: string; definition: string }>(Prisma.sql`
        SELECT i."relname" AS "name", pg_get_indexdef(i."oid") AS "definition"
        FROM pg_index x JOIN pg_class i ON i."oid" = x."indexrelid"
        WHERE x."indrelid" = to_regclass(${relation})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c."conindid" = x."indexrelid")
        ORDER BY i."relname"`),
      this.rows<{ name: string; definition: string }>(Prisma.sql`
        SELECT "conname" AS "name", pg_get_constraintdef("oid") AS "definition"
        FROM pg_constraint WHERE "conrelid" = to_regclass(${relation}) AND "contype" = 'f'
        ORDER BY "conname"`),
    ]);
    const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
    // ALTER TABLE and DROP INDEX take the table's ACCESS EXCLUSIVE lock until the commit:
    // readers of the table wait for the load (and writers of a referenced table, for the
    // foreign key's triggers). The caller decides when a load is worth that.
    for (const fk of foreignKeys)
      await this.client.query(`ALTER TABLE ${relation} DROP CONSTRAINT ${quoted(fk.name)}`);
    for (const index of indexes) await this.client.query(`DROP INDEX ${quoted(index.name)}`);
    return {
      rebuild: async () => {
        // Memory for the index builds' sorts (the server's, for this transaction only): the
        // default 64 MB spills a million-row index to disk.
        await this.client.query(`SELECT set_config('maintenance_work_mem', '256MB', true)`);
        for (const index of indexes) await this.client.query(index.definition);
        // One join checks every row's reference where the triggers made a look-up per row.
        for (const fk of foreignKeys)
          await this.client.query(
            `ALTER TABLE ${relation} ADD CONSTRAINT ${quoted(fk.name)} ${fk.definition}`,
          );
      },
      // Nothing of the connection's own changed.
      release: () => undefined,
    };
  }

  load(table: string, columns: readonly string[], rows: Iterable<readonly SqlValue[]>) {
    return this.copyIn(table, columns, rows);
  }

  async loadPrepared(
    table: string,
    columns: readonly string[],
    rows: PreparedRows,
  ): Promise<number> {
    if (!("copy" in rows)) throw new Error("PostgreSQL loads prepared rows as COPY text");
    // The bytes go as they are (its lines were escaped and encoded where the rows were made).
    await this.copyIn(table, columns, { bytes: rows.copy });
    return rows.count;
  }

  private async copyIn(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly SqlValue[]> | { bytes: Uint8Array },
  ): Promise<number> {
    const client = this.client as pg.PoolClient & { pipeline: boolean };
    const cols = columns.map((c) => `"${c}"`).join(", ");
    // COPY holds the connection for a conversation of its own, which pg refuses in pipeline
    // mode: the connection leaves it for the load (every earlier statement has answered, as
    // the caller awaited them) and returns to it afterwards.
    const pipelined = client.pipeline === true;
    // A load may be a transaction's first statement, issued while BEGIN and the write lock
    // are still in flight (transaction() does not await them first): the server answers in
    // order, so one more pipelined statement's answer means every earlier one has answered.
    if (pipelined) await client.query("SELECT 1");
    if (pipelined) client.pipeline = false;
    try {
      return await this.copy(client, `COPY "${table}" (${cols}) FROM STDIN`, rows);
    } finally {
      if (pipelined) client.pipeline = true;
    }
  }

  private async copy(
    client: pg.PoolClient,
    statement: string,
    rows: Iterable<readonly SqlValue[]> | { bytes: Uint8Array },
  ): Promise<number> {
    const stream = client.query(copyFrom(statement));
    if ("bytes" in rows) {
      await pipeline(Readable.from([rows.bytes]), stream);
      return 0;
    }
    const values = rows;
    let n = 0;
    function* lines(): Generator<string> {
      let chunk = "";
      for (const row of values) {
        chunk += `${row.map(copyText).join("\t")}\n`;
        n += 1;
        if (chunk.length > 65_536) {
          yield chunk;
          chunk = "";
        }
      }
      if (chunk) yield chunk;
    }
    await pipeline(Readable.from(lines()), stream);
    return n;
  }
}

// COPY's text format: \N for NULL, backslash escapes for the separators (copyField).
function copyText(value: SqlValue): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return copyDate(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Uint8Array) return `\\\\x${Buffer.from(value).toString("hex")}`;
  return copyField(String(value));
}

export type { Sql };
