// Test helper (imported only by *.test.ts): checks that problems can be rendered from rules.ts.
import { placeholderNames } from "~/i18n";
import { rulesMessages } from "~/i18n/messages/rules";
import type { Problem } from "../domain/identity/result";

type Catalogue = Readonly<Record<string, string>>;
const zh: Catalogue = rulesMessages.zh;
const en: Catalogue = rulesMessages.en;

/** Keys (without the "rules." prefix) that are missing from either language. */
export function missingMessages(codes: Iterable<string>): string[] {
  return [...codes].filter(
    (code) => zh[`rules.${code}`] === undefined || en[`rules.${code}`] === undefined,
  );
}

/** Enum values whose display name `rules.<enumName>.<value>` is missing from either language. */
export function missingEnumNames(enumName: string, values: Iterable<string>): string[] {
  return missingMessages([...values].map((v) => `${enumName}.${v}`));
}

/** Placeholders in either language's message that the problem's params do not fill. */
export function unfilledPlaceholders(problem: Problem): string[] {
  const key = `rules.${problem.code}`;
  const gaps: string[] = [];
  for (const [lang, catalogue] of [
    ["zh", zh],
    ["en", en],
  ] as const) {
    const template = catalogue[key];
    if (template === undefined) {
      gaps.push(`${lang}:${key} missing`);
      continue;
    }
    for (const name of placeholderNames(template)) {
      if (!(name in problem.params)) gaps.push(`${lang}:${key} {${name}}`);
    }
  }
  return gaps;
}

/** All gaps for a batch of problems; tests expect this to be empty. */
export function renderGaps(problems: Iterable<Problem>): string[] {
  return [...problems].flatMap(unfilledPlaceholders);
}

/** The problems of a failed result (one or a list), or none for a success. */
export function problemsOf<E>(
  result: { readonly ok: true } | { readonly ok: false; readonly problems: readonly E[] },
): E[] {
  return result.ok ? [] : [...result.problems];
}
