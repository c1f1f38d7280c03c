// Drops the run's PostgreSQL database (the SQLite file stays in e2e/.data, as before).
import pg from "pg";

export default async function teardown() {
  const url = process.env.E2E_DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) return;
  const name = new URL(url).pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, "")}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
