// Fixtures shared by every journey. `loginAs` signs a user in through the app's own session
// module (a Session row in the e2e database and the signed cookie that names it), instead of
// clicking through the sign-in form in every test.
import { test as base, expect } from "@playwright/test";
import Database from "better-sqlite3";
import { SESSION_COOKIE } from "~/utils/http-names";

function userIdFor(username: string): number {
  const file = process.env.E2E_DATABASE_FILE;
  if (!file) throw new Error("E2E_DATABASE_FILE is not set (see playwright.config.ts)");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT id FROM "User" WHERE username = ?`).get(username) as
      { id: number } | undefined;
    if (!row) throw new Error(`No user ${username} in the e2e database`);
    return row.id;
  } finally {
    db.close();
  }
}

/** Opens the e2e database for assertions that the UI cannot show. Read-only. */
export function queryDb<T>(sql: string, ...params: unknown[]): T[] {
  const file = process.env.E2E_DATABASE_FILE;
  if (!file) throw new Error("E2E_DATABASE_FILE is not set");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

type Fixtures = {
  loginAs: (username: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  loginAs: async ({ context, baseURL }, use) => {
    await use(async (username) => {
      // Imported here: the app's modules read DATABASE_URL (set by playwright.config.ts).
      const { signedInCookie } = await import("~/http/session.server");
      const value = (await signedInCookie(userIdFor(username))).slice(SESSION_COOKIE.length + 1);
      await context.addCookies([
        { name: SESSION_COOKIE, value, url: baseURL ?? "http://127.0.0.1:3100" },
      ]);
    });
  },
});

export { expect };

export const DEMO_PASSWORD = "Jiangxin2026!";
