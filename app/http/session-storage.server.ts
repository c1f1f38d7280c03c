// The session cookie alone, without any database access, so that test fixtures can mint a
// signed-in session exactly as the app does.
import { createCookieSessionStorage } from "@remix-run/node";
import { env } from "~/env.server";
import { SESSION_COOKIE } from "~/utils/http-names";

export { SESSION_COOKIE };

export const USER_KEY = "userId";
const SESSION_SECONDS = 60 * 60 * 12;

export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: SESSION_COOKIE,
    httpOnly: true,
    sameSite: "lax",
    secure: env.cookieSecure,
    path: "/",
    secrets: [env.SESSION_SECRET],
    maxAge: SESSION_SECONDS,
  },
});
