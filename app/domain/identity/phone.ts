import type { Problem } from "./result";
import { fail, ok, type Outcome } from "~/utils/outcome";

export type MobilePhoneProblem = Problem<"mobile_phone_invalid", Record<string, never>>;
export const MOBILE_PHONE_PROBLEM_CODES = [
  "mobile_phone_invalid",
] as const satisfies readonly MobilePhoneProblem["code"][];

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Canonical 11-digit mainland mobile number. Spaces, hyphens and a +86 / 0086 country
 * prefix are tolerated because that is how numbers arrive from phones and spreadsheets.
 */
export function parseMobilePhone(input: string): Outcome<string, MobilePhoneProblem> {
  // Eleven plain digits (nearly every number an import reads) are already canonical.
  if (MOBILE.test(input)) return ok(input);
  let digits = input.normalize("NFKC").replace(/[\s-]+/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  return MOBILE.test(digits) ? ok(digits) : fail({ code: "mobile_phone_invalid", params: {} });
}

export function isMobilePhone(input: string): boolean {
  return parseMobilePhone(input).ok;
}

/** "138****5678": the usual display form; the middle four digits identify the subscriber. */
export function maskMobilePhone(input: string): string {
  const parsed = parseMobilePhone(input);
  if (!parsed.ok) return "*".repeat(input.trim().length);
  return parsed.value.slice(0, 3) + "****" + parsed.value.slice(7);
}
