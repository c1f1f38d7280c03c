import type { Problem } from "./result";
import { fail, ok, type Outcome } from "~/utils/outcome";

/** GB 32100-2015 alphabet: digits and capitals without I, O, S, V, Z (easily misread). */
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// 3^i mod 31, as tabulated in the standard.
const CREDIT_CODE_WEIGHTS = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
] as const;

export type CreditCodeProblem =
  | Problem<"credit_code_length", { length: number }>
  | Problem<"credit_code_characters", { position: number }>
  | Problem<"credit_code_check_char", Record<string, never>>;

export const CREDIT_CODE_PROBLEM_CODES = Object.keys({
  credit_code_length: true,
  credit_code_characters: true,
  credit_code_check_char: true,
} satisfies Record<CreditCodeProblem["code"], true>) as CreditCodeProblem["code"][];

export interface CreditCodeInfo {
  readonly code: string;
  /** 登记管理部门代码, e.g. "9" = market regulation (工商), "5" = civil affairs (民政). */
  readonly registrationAuthority: string;
  /** 机构类别代码 within that authority, e.g. "1" = enterprise under 工商. */
  readonly organisationCategory: string;
  readonly regionCode: string;
  /** The nine-character organisation code (组织机构代码) embedded at positions 9–17. */
  readonly organisationCode: string;
}

export function normaliseCreditCode(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

function checkCharFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17[i] ?? "") * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31] ?? "";
}

/**
 * Validates a unified social credit code. The embedded organisation code's own GB 11714
 * check digit is not verified: codes issued by some authorities do not follow it, and the
 * outer check character already protects against typing mistakes.
 */
export function parseCreditCode(input: string): Outcome<CreditCodeInfo, CreditCodeProblem> {
  const code = normaliseCreditCode(input);
  if (code.length !== 18)
    return fail({ code: "credit_code_length", params: { length: code.length } });
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(code[i] ?? "")) {
      return fail({ code: "credit_code_characters", params: { position: i + 1 } });
    }
  }
  if (checkCharFor(code.slice(0, 17)) !== code[17])
    return fail({ code: "credit_code_check_char", params: {} });
  return ok({
    code,
    registrationAuthority: code.slice(0, 1),
    organisationCategory: code.slice(1, 2),
    regionCode: code.slice(2, 8),
    organisationCode: code.slice(8, 17),
  });
}

export function isCreditCode(input: string): boolean {
  return parseCreditCode(input).ok;
}

/** Appends the check character to 17 alphabet characters; for seed data and tests. */
export function withCreditCheckChar(first17: string): string {
  const upper = first17.toUpperCase();
  if (upper.length !== 17 || [...upper].some((c) => !CREDIT_CODE_ALPHABET.includes(c))) {
    throw new RangeError("Expected 17 characters from the credit code alphabet");
  }
  return upper + checkCharFor(upper);
}
