// The i18n layer: every user-visible string goes through `t`. Chinese (zh-CN) is the
// default; English is the switch. Each feature keeps its messages in messages/<feature>.ts
// with the same keys in both languages (a unit test checks that).
import { createContext, createElement, useContext, type ReactNode } from "react";
import type { KeyedProblem } from "~/utils/outcome";
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
import { titleMessages } from "./messages/titles";
import { federationMessages } from "./messages/federation";

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";

export function isLocale(value: unknown): value is Locale {
  return value === "zh" || value === "en";
}

/** BCP 47 tag for <html lang> and Intl formatting. */
export const LOCALE_TAG: Record<Locale, string> = { zh: "zh-CN", en: "en" };

export const catalogues = [
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
  titleMessages,
  federationMessages,
] as const;

type Catalogues = typeof catalogues;
type KeysOf<C> = C extends { readonly zh: infer Z } ? keyof Z & string : never;

/**
 * Every message key: the union of the Chinese catalogues' keys. `t` and `translate` accept
 * nothing else, so a misspelt or removed key fails `tsc`. A key built from a code is a
 * template-literal type, which type-checks when the code is a typed union
 * (t(`scoring.prize.${prize}`) with prize: Prize); a code that is a plain string (read from
 * the database or a form) goes through `codeLabel` or `isMessageKey`, the checked ways in.
 */
export type MessageKey = KeysOf<Catalogues[number]>;

// A model's problem code is a message key (see ProblemCodes in utils/outcome).
declare module "../utils/outcome" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ProblemCodes extends Record<MessageKey, true> {}
}

/** The codes under a prefix: `CodesUnder<"rules.gender">` is "male" | "female". */
export type CodesUnder<P extends string> = MessageKey extends infer K
  ? K extends `${P}.${infer Code}`
    ? Code
    : never
  : never;

// English is complete: a key in one language and not the other fails `tsc` here, naming it.
type OneSided<C> = C extends { readonly zh: infer Z; readonly en: infer E }
  ? Exclude<keyof Z, keyof E> | Exclude<keyof E, keyof Z>
  : never;
type Unmatched = OneSided<Catalogues[number]>;
export const bothLanguagesComplete: [Unmatched] extends [never] ? true : Unmatched = true;

type Table = Readonly<Record<MessageKey, string>>;

export const messages: Record<Locale, Table> = {
  zh: Object.assign({}, ...catalogues.map((c) => c.zh)) as Table,
  en: Object.assign({}, ...catalogues.map((c) => c.en)) as Table,
};

/** The one checked way from a string that comes from data (a stored code) to a key. */
export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(messages.zh, value);
}

/**
 * A key that arrives as a plain string: a zod schema's message, a domain problem's code, a
 * key sent back by an action. Checked here; an unknown one reads as a generic sentence, never
 * as a raw key. (The catalogue tests check the keys the forms and domain write.)
 */
export function keyOr(
  value: string | null | undefined,
  fallback: MessageKey = "error.problem_unknown",
): MessageKey {
  return isMessageKey(value) ? value : fallback;
}

export type Params = Readonly<Record<string, string | number>>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = messages[locale][key] ?? messages[DEFAULT_LOCALE][key] ?? key;
  return params || template.includes("{")
    ? formatMessage(locale, template, params ?? {})
    : template;
}

// Messages use a small subset of ICU MessageFormat: `{name}` placeholders and plurals,
// `{count, plural, one {# event} other {# events}}`, chosen by the language's own rules
// (Intl.PluralRules; `=0 {…}` matches exactly; `#` is the number). Chinese needs no plural
// forms ("{count} 个赛项"). Any other brace is text.
const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralCategory(locale: Locale, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE_TAG[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

type Part =
  | { kind: "text"; text: string }
  | { kind: "arg"; name: string }
  | { kind: "plural"; name: string; options: Map<string, Part[]> }
  | { kind: "pound" };

const parsed = new Map<string, Part[]>();

function parse(template: string): Part[] {
  let found = parsed.get(template);
  if (!found) {
    found = parseFrom(template, 0, false).parts;
    parsed.set(template, found);
  }
  return found;
}

/** Parses until the end (or, inside a plural branch, its closing brace). */
function parseFrom(s: string, start: number, inBranch: boolean): { parts: Part[]; end: number } {
  const parts: Part[] = [];
  let text = "";
  let i = start;
  const flush = () => {
    if (text) parts.push({ kind: "text", text });
    text = "";
  };
  while (i < s.length) {
    const c = s[i];
    if (inBranch && c === "}") {
      flush();
      return { parts, end: i + 1 };
    }
    if (inBranch && c === "#") {
      flush();
      parts.push({ kind: "pound" });
      i++;
      continue;
    }
    if (c === "{") {
      const arg = /^\{(\w+)\}/.exec(s.slice(i));
      if (arg) {
        flush();
        parts.push({ kind: "arg", name: arg[1] ?? "" });
        i += arg[0].length;
        continue;
      }
      const plural = /^\{(\w+),\s*plural,\s*/.exec(s.slice(i));
      if (plural) {
        const options = new Map<string, Part[]>();
        let j = i + plural[0].length;
        for (;;) {
          const option = /^(=\d+|\w+)\s*\{/.exec(s.slice(j));
          if (!option) break;
          const branch = parseFrom(s, j + option[0].length, true);
          options.set(option[1] ?? "", branch.parts);
          j = branch.end;
          while (s[j] === " ") j++;
        }
        if (s[j] === "}" && options.has("other")) {
          flush();
          parts.push({ kind: "plural", name: plural[1] ?? "", options });
          i = j + 1;
          continue;
        }
      }
    }
    text += c;
    i++;
  }
  flush();
  return { parts, end: i };
}

function render(locale: Locale, parts: Part[], params: Params, count?: number): string {
  let out = "";
  for (const part of parts) {
    if (part.kind === "text") out += part.text;
    else if (part.kind === "pound") out += count === undefined ? "#" : String(count);
    else if (part.kind === "arg") {
      const value = params[part.name];
      // A missing value shows its placeholder rather than failing the page.
      out += value === undefined ? `{${part.name}}` : String(value);
    } else if (params[part.name] === undefined) {
      out += `{${part.name}}`;
    } else {
      const n = Number(params[part.name]);
      const branch =
        part.options.get(`=${n}`) ??
        part.options.get(pluralCategory(locale, n)) ??
        part.options.get("other") ??
        [];
      out += render(locale, branch, params, n);
    }
  }
  return out;
}

function formatMessage(locale: Locale, template: string, params: Params): string {
  return render(locale, parse(template), params);
}

/** The parameter names a message uses (`{name}`, `{count, plural, …}`), for the catalogue tests. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (part.kind === "arg") names.add(part.name);
      if (part.kind === "plural") {
        names.add(part.name);
        for (const branch of part.options.values()) walk(branch);
      }
    }
  };
  walk(parse(template));
  return [...names].sort();
}

// "a.b.c" has the prefixes "a" and "a.b".
type PrefixesOf<K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head | `${Head}.${PrefixesOf<Rest>}`
  : never;
/** Every prefix of a key, for `codeLabel`. */
export type KeyPrefix = PrefixesOf<MessageKey>;

/** Prefixes whose keys problems from the domain and models are named by. */
export type ProblemPrefix =
  "rules" | "reg.problem" | "judging" | "scoring" | "honours.problem" | "federation.unions.problem";

/**
 * A problem from a domain module ({ code, params }) in the user's language. Codes are strings
 * made by the domain (which may not import i18n), so the key is checked here; a code without
 * a message shows a generic sentence rather than the raw key (the catalogue tests check that
 * every domain code has its message).
 */
export function translateProblem(
  locale: Locale,
  prefix: ProblemPrefix,
  problem: { code: string; params?: Readonly<Record<string, unknown>> },
): string {
  const { code, params } = keyedProblem(prefix, problem);
  return translate(locale, code, params);
}

/**
 * A domain problem as a model's keyed problem, its code under a prefix (`rules.<code>`). The
 * domain's codes are plain strings, so the key is checked here as translateProblem checks it;
 * a model's own codes are written as keys and checked by tsc.
 */
export function keyedProblem(
  prefix: ProblemPrefix,
  problem: { code: string; params?: Readonly<Record<string, unknown>> },
  field?: string,
): KeyedProblem {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(problem.params ?? {})) {
    if (typeof v === "string" || typeof v === "number") params[k] = v;
    else if (v !== undefined && v !== null) params[k] = String(v);
  }
  const key = `${prefix}.${problem.code}`;
  const code = isMessageKey(key) ? key : "error.problem_unknown";
  return field === undefined ? { code, params } : { code, params, field };
}

/** A share in hundredths of a percent (6000) as the figure people read (60.0%). */
export function formatShare(hundredths: number): string {
  return `${(hundredths / 100).toFixed(1)}%`;
}

export type T = (key: MessageKey, params?: Params) => string;

export function makeT(locale: Locale): T {
  return (key, params) => translate(locale, key, params);
}

/**
 * The name of a stored code: `codeLabel(t, "rules.honour_kind", row.kind)`. Codes read from the
 * database are plain strings, so the key is checked here; a code without a name is shown as
 * it is. Codes the compiler knows (a typed union) go straight into `t` as template-literal
 * keys instead: t(`scoring.prize.${prize}`).
 */
export function codeLabel(
  t: T,
  prefix: KeyPrefix,
  code: string | null | undefined,
  params?: Params,
): string {
  if (code === null || code === undefined) return "";
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key, params) : code;
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

/** A count as the language groups its digits: 1,000,000 rather than 1000000. */
export function formatCount(locale: Locale, n: number): string {
  return new Intl.NumberFormat(LOCALE_TAG[locale], { maximumFractionDigits: 0 }).format(n);
}

/** Centimarks (hundredths) as a mark with two decimals. */
export function formatMark(centi: number | null | undefined): string {
  if (centi === null || centi === undefined) return "—";
  return (centi / 100).toFixed(2);
}
