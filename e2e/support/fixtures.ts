// Fixtures shared by every journey. `loginAs` signs a user in through the app's own session
// module (a Session row in the e2e database and the signed cookie that names it), instead of
// clicking through the sign-in form in every test.
import { test as base, expect } from "@playwright/test";
import Database from "better-sqlite3";
import pg from "pg";
import { SqliteSql } from "~/db/sqlite.server";
import { PostgresSql } from "~/db/postgres.server";
import { engineOf } from "~/db/sql.server";
import { Prisma } from "~/generated/prisma/client";
import { SESSION_COOKIE } from "~/utils/http-names";
import { PageChecks } from "./page-checks";

/** The e2e run's database (see playwright.config.ts): a SQLite file or a PostgreSQL URL. */
function e2eDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (see playwright.config.ts)");
  return url;
}

/**
 * Runs one statement on the e2e database, for assertions the UI cannot show and for the few
 * set-ups it cannot make (a notice period that has ended). Same Sql interface as the app.
 */
export async function queryDb<T>(query: Prisma.Sql): Promise<T[]> {
  const url = e2eDatabaseUrl();
  if (engineOf(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await new PostgresSql(client).rows<T>(query);
    } finally {
      await client.end();
    }
  }
  const db = new Database(url.replace(/^file:/, ""), { fileMustExist: true });
  try {
    return await new SqliteSql(db).rows<T>(query);
  } finally {
    db.close();
  }
}

async function userIdFor(username: string): Promise<number> {
  const [row] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "User" WHERE "username" = ${username}`,
  );
  if (!row) throw new Error(`No user ${username} in the e2e database`);
  return row.id;
}

/** The value of a session cookie for the user, as the app's session module signs it. */
export async function sessionCookieFor(username: string): Promise<string> {
  // Imported here: the app's modules read DATABASE_URL (set by playwright.config.ts).
  const { signedInCookie } = await import("~/http/session.server");
  return (await signedInCookie(await userIdFor(username))).slice(SESSION_COOKIE.length + 1);
}

type Fixtures = {
  loginAs: (username: string) => Promise<void>;
  /**
   * Declares a console or page error, or a 5xx answer, that the test provokes on purpose
   * (matched against the message); it must then happen. Anything else fails the test.
   */
  expectError: (pattern: RegExp) => void;
  pageChecks: PageChecks;
};

export const test = base.extend<Fixtures>({
  // Every test's pages, and those of contexts it makes itself, are watched (page-checks.ts).
  pageChecks: [
    async ({ context, browser }, use) => {
      const checks = new PageChecks();
      checks.watchContext(context);
      const restore = checks.watchBrowser(browser);
      await use(checks);
      restore();
      expect(checks.finish(), "console errors, failed requests, accessibility").toEqual([]);
    },
    { auto: true },
  ],
  expectError: async ({ pageChecks }, use) => {
    await use((pattern) => pageChecks.expect(pattern));
  },
  loginAs: async ({ context, baseURL }, use) => {
    await use(async (username) => {
      const value = await sessionCookieFor(username);
      await context.addCookies([
        { name: SESSION_COOKIE, value, url: baseURL ?? "http://127.0.0.1:3100" },
      ]);
    });
  },
});

export { expect };

export const DEMO_PASSWORD = "Jiangxin2026!";

/** The id of a contest's event, by the codes the seed gives them. */
export async function eventIdOf(contestCode: string, eventCode: string): Promise<number> {
  const [event] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT e."id" FROM "Event" e JOIN "Contest" c ON c."id" = e."contestId"
     WHERE c."code" = ${contestCode} AND e."code" = ${eventCode}`,
  );
  if (!event) throw new Error(`No event ${contestCode}/${eventCode} in the e2e database`);
  return event.id;
}
