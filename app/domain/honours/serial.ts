import { luhnModNCheckChar } from "~/domain/identity/check-chars";
import type { Problem } from "~/domain/identity/result";
import { fail, ok, type Outcome } from "~/utils/outcome";

const SERIAL_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const SERIAL = /^(\d{4})-([A-Z]{2,4})-(\d{5,})-([0-9A-Z])$/;

export interface CertificateSerialParts {
  readonly year: number;
  readonly kindCode: string;
  readonly seq: number;
}

export type SerialProblem =
  | Problem<"serial_format_invalid", Record<string, never>>
  | Problem<"serial_check_char_mismatch", Record<string, never>>;

export const SERIAL_PROBLEM_CODES = Object.keys({
  serial_format_invalid: true,
  serial_check_char_mismatch: true,
} satisfies Record<SerialProblem["code"], true>) as SerialProblem["code"][];

function checkChar(year: string, kindCode: string, seq: string): string {
  return luhnModNCheckChar(`${year}${kindCode}${seq}`, SERIAL_ALPHABET) ?? "";
}

/**
 * "2026-MW-00042-7": year, honour kind code, five-digit sequence and a Luhn mod 36 check
 * character over "2026MW00042". People type serials in to verify a certificate; the check
 * character catches any single wrong character and almost every swap of two neighbours
 * before a lookup tells them the certificate "does not exist".
 */
export function formatCertificateSerial(year: number, kindCode: string, seq: number): string {
  const code = kindCode.toUpperCase();
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`Invalid year: ${year}`);
  if (!/^[A-Z]{2,4}$/.test(code)) throw new RangeError(`Invalid kind code: ${kindCode}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Invalid sequence: ${seq}`);
  const y = String(year);
  const s = String(seq).padStart(5, "0");
  return `${y}-${code}-${s}-${checkChar(y, code, s)}`;
}

/** Checks shape and check character only; whether the certificate exists is a lookup. */
export function verifySerialFormat(input: string): Outcome<CertificateSerialParts, SerialProblem> {
  const serial = input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  const m = SERIAL.exec(serial);
  if (!m) return fail({ code: "serial_format_invalid", params: {} });
  const [, year = "", kindCode = "", seq = "", check = ""] = m;
  if (Number(seq) < 1) return fail({ code: "serial_format_invalid", params: {} });
  if (checkChar(year, kindCode, seq) !== check)
    return fail({ code: "serial_check_char_mismatch", params: {} });
  return ok({ year: Number(year), kindCode, seq: Number(seq) });
}
