// PostgreSQL databases for tests (npm run test:pg): one migrated template per run, and a
// copy per test file made with CREATE DATABASE … TEMPLATE (a file-level copy on the server,
// tens of milliseconds). Named <prefix>_tpl and <prefix>_<random>; the run drops them all.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { postgresAdminUrl, withDatabase } from "../../prisma/scripts/schema-engine";

export function testPrefix(): string {
  return process.env.PG_TEST_PREFIX ?? `jx_test_${process.pid}`;
}

export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database copied from the template; returns its URL. */
export async function copyOfTemplate(template: string): Promise<string> {
  const name = `${testPrefix()}_${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return withDatabase(postgresAdminUrl(), name);
}

/** Drops every database of this run (the template last). */
export async function dropTestDatabases(prefix: string): Promise<void> {
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname LIKE '%\\_tpl' ASC`,
      [`${prefix.replace(/_/g, "\\_")}\\_%`],
    );
    for (const { datname } of rows)
      await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
