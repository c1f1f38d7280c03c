// <title> in the visitor's language. Remix's `meta` runs without React context, so the locale
// comes from the root loader's data among the route matches.
import { DEFAULT_LOCALE, isLocale, translate, type Locale, type MessageKey } from "~/i18n";

type Match = { readonly id: string; readonly data?: unknown };

export function localeOf(matches: readonly (Match | undefined)[]): Locale {
  const root = matches.find((m) => m?.id === "root")?.data;
  const locale = root && typeof root === "object" && "locale" in root ? root.locale : undefined;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/**
 * A route's `meta`: the names of the records shown (a contest, a round) first, then the page's
 * title, then the app's name: "西安市技能大赛 · 成绩榜 · 匠心" / "… · Results · Jiangxin".
 */
export function pageTitle(
  matches: readonly (Match | undefined)[],
  key: MessageKey | null,
  ...names: (string | null | undefined)[]
): { title: string }[] {
  const locale = localeOf(matches);
  const parts = [...names, key ? translate(locale, key) : null, translate(locale, "app.name")];
  return [{ title: parts.filter((p) => p).join(" · ") }];
}
