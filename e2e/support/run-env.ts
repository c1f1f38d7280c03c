// The e2e run's database and secrets, filled into an environment where unset. Playwright's
// config reads them, and npm run test:pg (prisma/scripts/test-pg.ts) fills them first so that
// it can migrate and seed the run's PostgreSQL database while its Vitest suites run; the web
// server's own migrate and seed then find it done. The seed seals ID numbers with
// ID_NUMBER_KEY, so both must use the same one.
import path from "node:path";

export function fillE2eRunEnv(env: NodeJS.ProcessEnv): {
  databaseUrl: string;
  sessionSecret: string;
  idNumberKey: string;
} {
  env.E2E_RUN_ID ??= String(Date.now());
  if (env.JX_TEST_ENGINE === "postgresql") {
    const server = new URL(env.PG_ADMIN_URL ?? "postgres://jx:jx@127.0.0.1:5432/postgres");
    // Not <prefix>_…: the Vitest run drops every <prefix>_% database, before and after it, and
    // this one is made while it runs.
    server.pathname = `/${env.PG_TEST_PREFIX ?? "jx_test"}e2e_${env.E2E_RUN_ID}`;
    env.E2E_DATABASE_URL ??= server.toString();
  } else {
    env.E2E_DATABASE_URL ??= `file:${path.resolve(`e2e/.data/run-${env.E2E_RUN_ID}.db`)}`;
  }
  env.SESSION_SECRET ??= "e2e-session-secret-0123456789abcdefghijklmnopqrstuvwxyz";
  env.ID_NUMBER_KEY ??= "4e2e4e2e4e2e4e2e4e2e4e2e4e2e4e2e4e2e4e2e4e2e4e2e4e2e4e2e4e2e4e2e";
  return {
    databaseUrl: env.E2E_DATABASE_URL,
    sessionSecret: env.SESSION_SECRET,
    idNumberKey: env.ID_NUMBER_KEY,
  };
}
