// Moving house: copies a whole deployment between engines (SQLite → PostgreSQL and back),
// then proves the copy. The target is migrated with its own engine's migrations, must be
// empty, and receives every table's rows in foreign-key order (parents first, rows in
// primary-key order so a self-reference finds its parent), through the Sql interface's bulk
// load (prepared INSERTs on SQLite, COPY on PostgreSQL), in one transaction; PostgreSQL's
// id sequences are moved past the copied ids (SQLite's AUTOINCREMENT follows by itself).
// verifyCopy then compares row counts per table and every event's results and ranks.
import Database from "better-sqlite3";
import pg from "pg";
import { engineOf, type Bulk, type Engine, type Sql, type SqlValue } from "~/db/sql.server";
import { SqliteSql } from "~/db/sqlite.server";
import { PostgresSql, rawConnection } from "~/db/postgres.server";
import { Prisma } from "~/generated/prisma/client";
import {
  applyPendingMigrations,
  closeSchemaEngine,
  databaseFile,
  openSchemaEngine,
  prepareTarget,
} from "./schema-engine.ts";

/** An open database for the copy: a Sql plus the way to run a transaction and close it. */
export type Side = {
  engine: Engine;
  sql: Sql;
  transaction<T>(fn: (bulk: Bulk) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/**
 * `asApp`: a PostgreSQL connection made as the app makes its raw ones (rawConnection:
 * pipelined, generic plans), for the bench's floors.
 */
export async function openSide(url: string, { asApp = false } = {}): Promise<Side> {
  if (engineOf(url) === "sqlite") {
    const db = new Database(databaseFile(url));
    db.pragma("foreign_keys = ON");
    const sql = new SqliteSql(db);
    return {
      engine: "sqlite",
      sql,
      transaction: (fn) => sql.transaction(fn),
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client(asApp ? rawConnection(url) : { connectionString: url });
  await client.connect();
  const sql = new PostgresSql(client as unknown as pg.PoolClient);
  return {
    engine: "postgresql",
    sql,
    transaction: (fn) => sql.transaction(fn),
    async close() {
      await client.end();
    },
  };
}

const SKIPPED = new Set(["_prisma_migrations", "sqlite_sequence"]);

type TableInfo = { name: string; columns: string[]; key: string[]; parents: string[] };

/** The application's tables with their columns, primary key and the tables they reference. */
export async function tablesOf(side: Side): Promise<TableInfo[]> {
  const { sql } = side;
  type Col = { table: string; column: string; pk: number };
  type Fk = { table: string; parent: string };
  const [cols, fks] =
    side.engine === "sqlite"
      ? [
          await sql.rows<Col>(Prisma.sql`
            SELECT m."name" AS "table", c."name" AS "column", c."pk" AS "pk"
            FROM "sqlite_master" m JOIN pragma_table_info(m."name") c
            WHERE m."type" = 'table' ORDER BY m."name", c."cid"`),
          await sql.rows<Fk>(Prisma.sql`
            SELECT m."name" AS "table", f."table" AS "parent"
            FROM "sqlite_master" m JOIN pragma_foreign_key_list(m."name") f WHERE m."type" = 'table'`),
        ]
      : [
          await sql.rows<Col>(Prisma.sql`
            SELECT c."table_name" AS "table", c."column_name" AS "column",
              COALESCE((SELECT k."ordinal_position" FROM "information_schema"."table_constraints" t
                JOIN "information_schema"."key_column_usage" k ON k."constraint_name" = t."constraint_name"
                  AND k."table_schema" = t."table_schema" AND k."table_name" = t."table_name"
                WHERE t."constraint_type" = 'PRIMARY KEY' AND t."table_schema" = c."table_schema"
                  AND t."table_name" = c."table_name" AND k."column_name" = c."column_name"), 0) AS "pk"
            FROM "information_schema"."columns" c
            WHERE c."table_schema" = current_schema() ORDER BY c."table_name", c."ordinal_position"`),
          await sql.rows<Fk>(Prisma.sql`
            SELECT DISTINCT t."table_name" AS "table", u."table_name" AS "parent"
            FROM "information_schema"."table_constraints" t
            JOIN "information_schema"."constraint_column_usage" u ON u."constraint_name" = t."constraint_name"
              AND u."constraint_schema" = t."constraint_schema"
            WHERE t."constraint_type" = 'FOREIGN KEY' AND t."table_schema" = current_schema()`),
        ];
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    if (SKIPPED.has(c.table) || c.table.startsWith("sqlite_")) continue;
    const t = tables.get(c.table) ?? { name: c.table, columns: [], key: [], parents: [] };
    t.columns.push(c.column);
    if (Number(c.pk) > 0) t.key[Number(c.pk) - 1] = c.column;
    tables.set(c.table, t);
  }
  for (const f of fks) {
    const t = tables.get(f.table);
    if (t && f.parent !== f.table && !t.parents.includes(f.parent)) t.parents.push(f.parent);
  }
  return [...tables.values()].map((t) => ({ ...t, key: t.key.filter(Boolean) }));
}

/** Parents before children. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name)) return;
    if (path.has(t.name)) throw new Error(`foreign keys form a cycle through ${t.name}`);
    path.add(t.name);
    for (const p of t.parents) {
      const parent = byName.get(p);
      if (parent) visit(parent, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return out;
}

const ident = (name: string) => Prisma.raw(`"${name.replace(/"/g, '""')}"`);
const CHUNK = 20_000;

/** A table's rows in primary-key order, a chunk at a time (keyset on the key's row value). */
async function* rowsOf(sql: Sql, table: TableInfo): AsyncGenerator<Record<string, SqlValue>[]> {
  const cols = Prisma.join(table.columns.map(ident));
  const key = table.key.length > 0 ? table.key : table.columns;
  const keyList = Prisma.join(key.map(ident));
  const limit = Prisma.raw(String(CHUNK));
  let after: SqlValue[] | null = null;
  for (;;) {
    const where: Prisma.Sql = after
      ? Prisma.sql`WHERE (${keyList}) > (${Prisma.join(after)})`
      : Prisma.empty;
    const rows: Record<string, SqlValue>[] = await sql.rows<Record<string, SqlValue>>(
      Prisma.sql`SELECT ${cols} FROM ${ident(table.name)} ${where} ORDER BY ${keyList} LIMIT ${limit}`,
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < CHUNK) return;
    const last = rows[rows.length - 1]!;
    after = key.map((k) => last[k] ?? null);
  }
}

/** Drops the PostgreSQL database `url` names (if any) and makes it again, empty; its name. */
export async function recreateDatabase(url: string): Promise<string> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres";
  server.search = "";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  return name;
}

export type CopyReport = { tables: { name: string; rows: number }[]; ms: number };

/** Creates the target when missing (a SQLite file, a PostgreSQL database) and migrates it. */
export async function migrateTarget(url: string): Promise<void> {
  await prepareTarget(url);
  const engine = await openSchemaEngine(url);
  try {
    await applyPendingMigrations(engine, url);
  } finally {
    await closeSchemaEngine(engine);
  }
}

export async function copyDatabase(
  fromUrl: string,
  toUrl: string,
  log: (line: string) => void = () => undefined,
): Promise<CopyReport> {
  const started = Date.now();
  await migrateTarget(toUrl);
  const from = await openSide(fromUrl);
  const to = await openSide(toUrl);
  try {
    const sourceTables = new Map((await tablesOf(from)).map((t) => [t.name, t]));
    const targetTables = dependencyOrder(await tablesOf(to));
    const missing = [...sourceTables.keys()].filter((n) => !targetTables.some((t) => t.name === n));
    if (missing.length > 0)
      throw new Error(`the target has no table ${missing.join(", ")}: migrate the source first`);
    for (const t of targetTables) {
      const [row] = await to.sql.rows<{ n: number }>(
        Prisma.sql`SELECT COUNT(*) AS "n" FROM ${ident(t.name)}`,
      );
      if (Number(row?.n ?? 0) > 0) throw new Error(`the target is not empty: ${t.name} has rows`);
    }
    const report: CopyReport["tables"] = [];
    await to.transaction(async (bulk) => {
      // PostgreSQL: foreign keys and secondary indexes are dropped for the load and made again
      // after it, inside the same transaction (PostgreSQL's DDL is transactional): one
      // validating join and one sorted build per index instead of a check and an index insert
      // per row. A row that breaks a key fails the re-creation, and the whole copy rolls back.
      const deferred = to.engine === "postgresql" ? await deferKeysAndIndexes(bulk) : [];
      for (const target of targetTables) {
        const source = sourceTables.get(target.name);
        if (!source) continue;
        // Columns both sides have (a column added by a later migration keeps its default).
        const table = {
          ...source,
          columns: source.columns.filter((c) => target.columns.includes(c)),
        };
        let n = 0;
        for await (const chunk of rowsOf(from.sql, table)) {
          n += await bulk.load(
            table.name,
            table.columns,
            chunk.map((r) => table.columns.map((c) => r[c] ?? null)),
          );
        }
        report.push({ name: table.name, rows: n });
        log(`${table.name}: ${n} rows (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        if (to.engine === "postgresql" && target.key.join() === "id") {
          // Only tables whose id is a serial have a sequence to move on (Session's id is text).
          const sequence = await bulk.one<{ name: string | null }>(
            Prisma.sql`SELECT pg_get_serial_sequence(${`"${table.name}"`}, 'id') AS "name"`,
          );
          if (sequence?.name)
            await bulk.run(Prisma.sql`
              SELECT setval(${sequence.name}, COALESCE(MAX("id"), 1), MAX("id") IS NOT NULL)
              FROM ${ident(table.name)}`);
        }
      }
      for (const statement of deferred) await bulk.run(Prisma.raw(statement));
      if (deferred.length > 0)
        log(`keys and indexes made again (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    });
    if (to.engine === "postgresql") await to.sql.run(Prisma.sql`ANALYZE`);
    return { tables: report, ms: Date.now() - started };
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}

export type Difference = string;

/**
 * Compares two databases: the row count of every table, and for every event its results
 * (entry, total, rank key, rank, prize, standardised score) and its ranking tables. Returns
 * the differences (none when the copy is faithful).
 */
export async function verifyCopy(aUrl: string, bUrl: string): Promise<Difference[]> {
  const a = await openSide(aUrl);
  const b = await openSide(bUrl);
  const out: Difference[] = [];
  try {
    const tables = await tablesOf(a);
    for (const t of tables) {
      const count = async (s: Side) =>
        Number(
          (await s.sql.one<{ n: number }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM ${ident(t.name)}`))
            ?.n ?? -1,
        );
      const [na, nb] = [await count(a), await count(b)];
      if (na !== nb) out.push(`${t.name}: ${na} rows against ${nb}`);
    }
    const events = await a.sql.rows<{ id: number }>(
      Prisma.sql`SELECT "id" FROM "Event" ORDER BY "id"`,
    );
    const questions = (eventId: number) => [
      Prisma.sql`SELECT "registrationId", "organisationId", "total", "rankKey", "rank", "prize", "standardised", "complete"
        FROM "Result" WHERE "eventId" = ${eventId} ORDER BY "registrationId"`,
      Prisma.sql`SELECT "rankKey", "count" FROM "ScoreCount" WHERE "eventId" = ${eventId} ORDER BY "rankKey"`,
      Prisma.sql`SELECT "level", "bucket", "count" FROM "ScoreBucket" WHERE "eventId" = ${eventId} ORDER BY "level", "bucket"`,
      Prisma.sql`SELECT "organisationId", "bestNTotal", "entries", "prizes" FROM "OrgStanding" WHERE "eventId" = ${eventId} ORDER BY "organisationId"`,
    ];
    const text = (rows: unknown[]) =>
      JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    for (const { id } of events) {
      for (const q of questions(id)) {
        const [ra, rb] = [await a.sql.rows(q), await b.sql.rows(q)];
        if (text(ra) !== text(rb))
          out.push(`event ${id}: ${q.sql.split("FROM")[1]?.trim().split(" ")[0]} differs`);
      }
    }
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
  return out;
}

/** Drops the target's foreign keys and secondary indexes; returns the statements that make them again. */
async function deferKeysAndIndexes(sql: Sql): Promise<string[]> {
  const keys = await sql.rows<{ table: string; name: string; definition: string }>(Prisma.sql`
    SELECT c."conrelid"::regclass::text AS "table", c."conname" AS "name", pg_get_constraintdef(c."oid") AS "definition"
    FROM "pg_constraint" c JOIN "pg_namespace" n ON n."oid" = c."connamespace"
    WHERE c."contype" = 'f' AND n."nspname" = current_schema()`);
  const indexes = await sql.rows<{ name: string; definition: string }>(Prisma.sql`
    SELECT i."indexname" AS "name", i."indexdef" AS "definition"
    FROM "pg_indexes" i
    WHERE i."schemaname" = current_schema()
      AND NOT EXISTS (SELECT 1 FROM "pg_constraint" c WHERE c."conindid" = (quote_ident(i."schemaname") || '.' || quote_ident(i."indexname"))::regclass)`);
  for (const k of keys)
    await sql.run(Prisma.raw(`ALTER TABLE ${k.table} DROP CONSTRAINT "${k.name}"`));
  for (const i of indexes) await sql.run(Prisma.raw(`DROP INDEX "${i.name}"`));
  return [
    ...indexes.map((i) => i.definition),
    ...keys.map((k) => `ALTER TABLE ${k.table} ADD CONSTRAINT "${k.name}" ${k.definition}`),
  ];
}
