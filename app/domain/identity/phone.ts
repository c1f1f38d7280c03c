import type { Problem } from "./result";
import { fail, ok, type Outcome } from "~/utils/outcome";

export type MobilePhoneProblem = Problem<"mobile_phone_invalid", Record<string, never>>;
export const MOBILE_PHONE_PROBLEM_CODES = [
  "mobile_phone_invalid",
] as const satisfies readonly MobilePhoneProblem["code"][];

/**
 * Canonical 11-digit mainland mobile number. Spaces, hyphens and a +86 / 0086 country
 * prefix are tolerated because that is how numbers arrive from phones and spreadsheets.
 */
export function parseMobilePhone(input: string): Outcome<string, MobilePhoneProblem> {
  // Eleven plain digits (nearly every number an import reads) are already canonical.
  if (isPlainMobile(input)) return ok(input);
  let digits = input.normalize("NFKC").replace(/[\s-]+/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  return isPlainMobile(digits) ? ok(digits) : fail({ code: "mobile_phone_invalid", params: {} });
}

/**
 * A mainland mobile number as stored: 1, then 3 to 9, then nine digits (/^1[3-9]\d{9}$/),
 * told from the character codes rather than by the pattern (an import reads a million).
 */
function isPlainMobile(input: string): boolean {
  if (input.length !== 11 || input.charCodeAt(0) !== 49) return false;
  const second = input.charCodeAt(1);
  if (second < 51 || second > 57) return false;
  for (let i = 2; i < 11; i++) {
    const c = input.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
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
