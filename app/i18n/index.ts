// The i18n layer: every user-visible string goes through `t`. Chinese (zh-CN) is the
// default; English is the switch. Each feature keeps its messages in messages/<feature>.ts
// with the same keys in both languages (a unit test checks that).
import { createContext, createElement, useContext, type ReactNode } from "react";
import { commonMessages } from "./messages/common";
import { rulesMessages } from "./messages/rules";
import { scoringMessages } from "./messages/scoring";
import { regMessages } from "./messages/registrations";
import { leaderboardMessages } from "./messages/leaderboard";
import { honoursMessages } from "./messages/honours";
import { labourMessages } from "./messages/labour";
import { quizMessages } from "./messages/quiz";
import { judgingMessages } from "./messages/judging";
import { integrityMessages } from "./messages/integrity";
import { journeyMessages } from "./messages/journeys";

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";

export function isLocale(value: unknown): value is Locale {
  return value === "zh" || value === "en";
}

/** BCP 47 tag for <html lang> and Intl formatting. */
export const LOCALE_TAG: Record<Locale, string> = { zh: "zh-CN", en: "en" };

type Catalogue = { zh: Record<string, string>; en: Record<string, string> };

export const catalogues: Catalogue[] = [
  commonMessages,
  rulesMessages,
  scoringMessages,
  leaderboardMessages,
  honoursMessages,
  regMessages,
  labourMessages,
  quizMessages,
  judgingMessages,
  integrityMessages,
  journeyMessages,
];

export const messages: Record<Locale, Record<string, string>> = {
  zh: Object.assign({}, ...catalogues.map((c) => c.zh)),
  en: Object.assign({}, ...catalogues.map((c) => c.en)),
};

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: string, params?: Params): string {
  const template = messages[locale][key] ?? messages[DEFAULT_LOCALE][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A typed problem from a domain module ({ code, params }) in the user's language. */
export function translateProblem(
  locale: Locale,
  prefix: string,
  problem: { code: string; params?: Record<string, unknown> },
): string {
  const params: Params = {};
  for (const [k, v] of Object.entries(problem.params ?? {})) {
    if (typeof v === "string" || typeof v === "number") params[k] = v;
    else if (v !== undefined && v !== null) params[k] = String(v);
  }
  return translate(locale, `${prefix}.${problem.code}`, params);
}

export type T = (key: string, params?: Params) => string;

export function makeT(locale: Locale): T {
  return (key, params) => translate(locale, key, params);
}

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return createElement(LocaleContext.Provider, { value: locale }, children);
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): T {
  return makeT(useLocale());
}

export function formatDate(locale: Locale, value: string | Date | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone: "Asia/Shanghai",
  }).format(date);
}

export function formatDateTime(locale: Locale, value: string | Date | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Shanghai",
  }).format(date);
}

/** Centimarks (hundredths) as a mark with two decimals. */
export function formatMark(centi: number | null | undefined): string {
  if (centi === null || centi === undefined) return "—";
  return (centi / 100).toFixed(2);
}
