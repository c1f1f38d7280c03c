import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatCount,
  catalogues,
  codeLabel,
  isMessageKey,
  keyedProblem,
  keyOr,
  makeT,
  messages,
  placeholderNames,
  translate,
  type MessageKey,
} from "./index";
import { refuse, type KeyedProblem } from "~/utils/outcome";

describe("message catalogues", () => {
  it("every key exists in both languages, with the same placeholders", () => {
    for (const catalogue of catalogues) {
      const zh: Readonly<Record<string, string>> = catalogue.zh;
      const en: Readonly<Record<string, string>> = catalogue.en;
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
      for (const key of Object.keys(zh)) {
        expect(placeholderNames(en[key] ?? ""), key).toEqual(placeholderNames(zh[key] ?? ""));
      }
    }
  });
  it("no key is defined by two catalogues", () => {
    const seen = new Map<string, number>();
    catalogues.forEach((c, i) => {
      for (const key of Object.keys(c.zh)) {
        expect(seen.has(key), `${key} is in catalogues ${seen.get(key)} and ${i}`).toBe(false);
        seen.set(key, i);
      }
    });
  });
  it("fills parameters; a missing parameter shows its placeholder", () => {
    expect(translate("zh", "login.locked", { minutes: 3 })).toContain("3");
    expect(translate("en", "login.locked")).toContain("{minutes}");
  });
});

describe("typed keys", () => {
  it("a misspelt or unknown key fails the type check", () => {
    // These lines are the test: `tsc` (part of npm test) fails if any of them compiles.
    // @ts-expect-error misspelt key
    const misspelt = () => translate("en", "nav.hmoe");
    // @ts-expect-error a key built from an unchecked string
    const built = (code: string) => makeT("en")(`rules.gender.${code}`);
    // @ts-expect-error a prefix that names no key
    const prefix = () => codeLabel(makeT("en"), "rules.no_such_enum", "male");
    const typed = (gender: "male" | "female") => makeT("en")(`rules.gender.${gender}`);
    expect([misspelt, built, prefix, typed]).toHaveLength(4);
    expect(typed("female")).toBe("Female");
  });
  it("a key that arrives as a string is checked at run time, never shown raw", () => {
    expect(isMessageKey("nav.home")).toBe(true);
    expect(isMessageKey("nav.hmoe")).toBe(false);
    expect(keyOr("nav.hmoe")).toBe("error.problem_unknown");
    expect(codeLabel(makeT("en"), "rules.gender", "male")).toBe("Male");
    expect(codeLabel(makeT("en"), "rules.gender", "other")).toBe("other");
  });

  // Keys written as string literals where the compiler cannot see them as keys (zod messages
  // in app/forms, problem codes made in the domain, which may not import i18n) must exist.
  it("every key-like string literal in the forms and the domain names a key or a prefix", () => {
    const namespaces = new Set(Object.keys(messages.zh).map((k) => k.split(".")[0]));
    const prefixes = new Set<string>();
    for (const key of Object.keys(messages.zh)) {
      const parts = key.split(".");
      for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join("."));
    }
    const unknown: string[] = [];
    const app = join(__dirname, "..");
    for (const file of [...sourceFiles(join(app, "forms")), ...sourceFiles(join(app, "domain"))]) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/["'`]((\w+)\.[\w.]*\w)["'`]/g)) {
        if (m[1]?.endsWith(".ts")) continue;
        const [, literal = "", namespace = ""] = m;
        if (!namespaces.has(namespace) || isMessageKey(literal) || prefixes.has(literal)) continue;
        unknown.push(`${file.slice(file.indexOf("app/"))}: ${literal}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}
describe("problem codes", () => {
  it("are message keys: a misspelt one fails the type check, a domain code is checked", () => {
    // @ts-expect-error a key the catalogues do not have is no problem code
    const misspelt: KeyedProblem = { code: "judging.sheet.requird", params: {} };
    // @ts-expect-error the same for refuse()
    const refused = () => refuse("honours.problem.nope");
    expect(misspelt.code).not.toBe("");
    expect(typeof refused).toBe("function");
    expect(keyedProblem("rules", { code: "serial_format_invalid" }).code).toBe(
      "rules.serial_format_invalid",
    );
    expect(keyedProblem("rules", { code: "no_such_rule", params: { n: 1 } }, "name")).toEqual({
      code: "error.problem_unknown",
      params: { n: 1 },
      field: "name",
    });
  });
});

describe("plurals", () => {
  it("follow the language's plural rules", () => {
    const key: MessageKey = "home.contest.events";
    expect(translate("en", key, { count: 1 })).toBe("1 event");
    expect(translate("en", key, { count: 2 })).toBe("2 events");
    expect(translate("en", key, { count: 0 })).toBe("0 events");
    expect(translate("zh", key, { count: 1 })).toBe("1 个赛项");
  });

  it("groups the digits of large counts in both languages", () => {
    expect(formatCount("zh", 1_000_000)).toBe("1,000,000");
    expect(formatCount("en", 50_000)).toBe("50,000");
  });
});
