import { createCookie } from "@remix-run/node";
import { env } from "~/env.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n";

/** The language choice persists for a year, signed in or not. */
export const localeCookie = createCookie("jx_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.cookieSecure,
  maxAge: 60 * 60 * 24 * 365,
});

export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
