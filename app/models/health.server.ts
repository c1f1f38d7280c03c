// What /healthz reports about the database, per engine.
import { databaseEngine, readSql } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

export type DatabaseHealth = {
  engine: "sqlite" | "postgresql";
  migrations: number;
  /** SQLite: the journal mode (wal). */
  journalMode?: string;
  /** PostgreSQL: the server's version, and whether it is a read-only standby. */
  serverVersion?: string;
  readOnly?: boolean;
};

export async function checkDatabase(): Promise<DatabaseHealth> {
  const sql = readSql();
  const migrations = await sql.one<{ n: number }>(
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL`,
  );
  if (databaseEngine() === "sqlite") {
    const row = await sql.one<{ journal_mode: string }>(Prisma.sql`PRAGMA journal_mode`);
    return {
      engine: "sqlite",
      journalMode: row?.journal_mode ?? "unknown",
      migrations: Number(migrations?.n ?? 0),
    };
  }
  const row = await sql.one<{ version: string; standby: number }>(
    Prisma.sql`SELECT current_setting('server_version') AS "version", pg_is_in_recovery() AS "standby"`,
  );
  return {
    engine: "postgresql",
    serverVersion: row?.version ?? "unknown",
    readOnly: row?.standby === 1,
    migrations: Number(migrations?.n ?? 0),
  };
}
