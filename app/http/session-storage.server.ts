// The session cookie. It carries only the session's random token (signed, so a tampered
// value is dropped before any lookup); everything else lives in the Session table.
import { createCookie } from "@remix-run/node";
import { env } from "~/env.server";
import { SESSION_ABSOLUTE_MS } from "~/models/session.server";
import { SESSION_COOKIE } from "~/utils/http-names";

export { SESSION_COOKIE };

export const sessionCookie = createCookie(SESSION_COOKIE, {
  httpOnly: true,
  sameSite: "lax",
  secure: env.cookieSecure,
  path: "/",
  secrets: [env.SESSION_SECRET],
  maxAge: SESSION_ABSOLUTE_MS / 1000,
});
