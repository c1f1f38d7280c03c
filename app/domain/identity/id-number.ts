import { idCheckCharOf, iso7064Mod11_2 } from "./check-chars";
import { isValidDateParts, type IsoDate } from "./dates";
import type { Problem } from "./result";
import { fail, ok, type Outcome } from "~/utils/outcome";

export type Gender = "male" | "female";
export const GENDERS = ["male", "female"] as const satisfies readonly Gender[];

export type IdNumberProblem =
  | Problem<"id_number_length", { length: number }>
  | Problem<"id_number_characters", { position: number }>
  | Problem<"id_number_region", { regionCode: string }>
  | Problem<"id_number_invalid_date", { date: string }>
  | Problem<"id_number_future_date", { date: string }>
  | Problem<"id_number_check_digit", Record<string, never>>;

export const ID_NUMBER_PROBLEM_CODES = Object.keys({
  id_number_length: true,
  id_number_characters: true,
  id_number_region: true,
  id_number_invalid_date: true,
  id_number_future_date: true,
  id_number_check_digit: true,
} satisfies Record<IdNumberProblem["code"], true>) as IdNumberProblem["code"][];

export interface IdNumberInfo {
  /** Canonical form: 18 characters, upper-case X. Store and compare this, not the raw input. */
  readonly idNumber: string;
  /** Six-digit administrative division code of first registration (not validated against a list). */
  readonly regionCode: string;
  readonly birthDate: IsoDate;
  readonly gender: Gender;
}

export interface ParseIdNumberOptions {
  /** Today's local date; when given, birth dates after it are refused. */
  readonly today?: IsoDate;
}

// Nobody alive was born earlier, and it stops "0990" style slips from reading as real dates.
const EARLIEST_BIRTH_YEAR = 1900;

/**
 * 17 ASCII digits and a digit or X in either case, told from the character codes (a roster
 * import reads a million numbers; the pattern /^\d{17}[\dXx]$/ cost more).
 */
function isPlainId(input: string): boolean {
  if (input.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = input.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = input.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88 || last === 120;
}

/**
 * Canonical text of a pasted ID number: NFKC turns full-width digits and "Ｘ" (common with
 * Chinese IMEs) into ASCII, and every kind of whitespace is removed, including the
 * ideographic space, because spreadsheets often group the digits with spaces.
 */
export function normaliseIdNumber(input: string): string {
  // Nearly every number arrives as 18 ASCII characters, which NFKC and the whitespace pass
  // leave as they are (a roster import checks a million).
  if (isPlainId(input)) return input.charCodeAt(17) === 120 ? input.toUpperCase() : input;
  return input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/**
 * Validates a GB 11643-1999 citizen ID number. Only the 18-character form is accepted;
 * 15-digit numbers were replaced in 1999 and have no check character to protect them.
 */
export function parseIdNumber(
  input: string,
  options: ParseIdNumberOptions = {},
): Outcome<IdNumberInfo, IdNumberProblem> {
  const id = normaliseIdNumber(input);
  if (id.length !== 18) return fail({ code: "id_number_length", params: { length: id.length } });

  // Character codes rather than a pattern per character: a roster import checks a million.
  for (let i = 0; i < 18; i++) {
    const c = id.charCodeAt(i);
    if ((c < 48 || c > 57) && !(i === 17 && c === 88))
      return fail({ code: "id_number_characters", params: { position: i + 1 } });
  }

  const regionCode = id.slice(0, 6);
  if (regionCode.startsWith("0")) return fail({ code: "id_number_region", params: { regionCode } });

  const year = digitAt(id, 6) * 1000 + digitAt(id, 7) * 100 + digitAt(id, 8) * 10 + digitAt(id, 9);
  const month = digitAt(id, 10) * 10 + digitAt(id, 11);
  const day = digitAt(id, 12) * 10 + digitAt(id, 13);
  // Four-digit year, two-digit month and day: as formatIsoDate writes a valid date. Made from
  // the character codes in one string, not from three slices joined (a roster import reads a
  // million numbers).
  const rawDate = String.fromCharCode(
    id.charCodeAt(6),
    id.charCodeAt(7),
    id.charCodeAt(8),
    id.charCodeAt(9),
    HYPHEN,
    id.charCodeAt(10),
    id.charCodeAt(11),
    HYPHEN,
    id.charCodeAt(12),
    id.charCodeAt(13),
  );
  if (year < EARLIEST_BIRTH_YEAR || !isValidDateParts(year, month, day)) {
    return fail({ code: "id_number_invalid_date", params: { date: rawDate } });
  }
  const birthDate: IsoDate = rawDate;
  if (options.today !== undefined && birthDate > options.today) {
    return fail({ code: "id_number_future_date", params: { date: birthDate } });
  }

  if (idCheckCharOf(id) !== id[17]) return fail({ code: "id_number_check_digit", params: {} });

  const genderDigit = digitAt(id, 16);
  return ok({
    idNumber: id,
    regionCode,
    birthDate,
    gender: genderDigit % 2 === 1 ? "male" : "female",
  });
}

const HYPHEN = 45;

/** The digit at `i` of a number whose characters are checked. */
function digitAt(id: string, i: number): number {
  return id.charCodeAt(i) - 48;
}

export function isIdNumber(input: string, options: ParseIdNumberOptions = {}): boolean {
  return parseIdNumber(input, options).ok;
}

/** Appends the GB 11643 check character to 17 digits; for seed data and tests. */
export function withIdCheckChar(first17: string): string {
  return first17 + iso7064Mod11_2(first17);
}

/**
 * Masks an ID number for lists and exports: the first 4 characters (province and city)
 * and the last 4 (sequence, gender digit, check character) stay visible, so a person can
 * recognise their own record and staff can tell namesakes apart, while the birth date and
 * county are hidden. Anything too short to be a real number is masked completely, so a
 * malformed value never leaks more than a valid one would.
 */
export function maskIdNumber(input: string): string {
  const id = normaliseIdNumber(input);
  // An 18-character number (nearly every one; a roster import masks a million) is made as one
  // string from its character codes rather than from slices, a run of stars and two joins.
  if (id.length === 18)
    return String.fromCharCode(
      id.charCodeAt(0),
      id.charCodeAt(1),
      id.charCodeAt(2),
      id.charCodeAt(3),
      STAR,
      STAR,
      STAR,
      STAR,
      STAR,
      STAR,
      STAR,
      STAR,
      STAR,
      STAR,
      id.charCodeAt(14),
      id.charCodeAt(15),
      id.charCodeAt(16),
      id.charCodeAt(17),
    );
  if (id.length < 12) return "*".repeat(id.length);
  return id.slice(0, 4) + "*".repeat(id.length - 8) + id.slice(-4);
}

/** "*" */
const STAR = 42;
