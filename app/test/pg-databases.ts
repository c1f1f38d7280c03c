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

/**
 * A fresh database copied from the template; returns its URL. Its commits do not wait for
 * their WAL to reach the disk (synchronous_commit = off): no test checks what survives a
 * crash of the server, and a commit is seen by every other connection at once either way.
 * The setting belongs to the database, so every connection to it takes it.
 */
export async function copyOfTemplate(template: string): Promise<string> {
  const name = `${testPrefix()}_${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  await admin(async (c) => {
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await c.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  });
  return withDatabase(postgresAdminUrl(), name);
}

/**
 * DROP DATABASEs sent at once. Each drop waits for a checkpoint on the server (about a second
 * here, CPU idle); one after another, the forty-odd databases of a run kept CI waiting about a
 * minute at the end of the suites, while drops sent together share their checkpoints.
 */
const DROPS_AT_ONCE = 8;

/** Drops every database of this run (the template last). */
export async function dropTestDatabases(prefix: string): Promise<void> {
  const names = await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${prefix.replace(/_/g, "\\_")}\\_%`],
    );
    return rows.map((r) => r.datname);
  });
  const copies = names.filter((name) => !name.endsWith("_tpl"));
  const lanes = Array.from({ length: Math.min(DROPS_AT_ONCE, copies.length) }, async () => {
    for (let name = copies.pop(); name !== undefined; name = copies.pop()) await dropDatabase(name);
  });
  await Promise.all(lanes);
  for (const name of names.filter((name) => name.endsWith("_tpl"))) await dropDatabase(name);
}

/**
 * How long a drop waits for an autovacuum worker to leave a test database. FORCE ends the
 * connections left to it, but a role that is not a superuser may only end its own, and an
 * autovacuum worker belongs to none: a drop that met one (after suites that wrote a few
 * hundred thousand rows) failed with 42501 and failed the run after every test had passed.
 */
const AUTOVACUUM_WAIT_MS = 15_000;

async function dropDatabase(name: string): Promise<void> {
  const until = Date.now() + AUTOVACUUM_WAIT_MS;
  for (;;) {
    try {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501" || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
