// Field helpers for the contest, event, worker and registration forms. Browsers submit
// every value as a string; these turn blanks into null and checkboxes into booleans.
import { z } from "zod";
import { MAX_DATABASE_ID } from "~/utils/ids";

export const blankToNull = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v;

export function optionalInt(min: number, max: number, message: string) {
  return z.preprocess((v) => {
    const b = blankToNull(v);
    return b === null ? null : Number(b);
  }, z.number({ message }).int(message).min(min, message).max(max, message).nullable());
}

export function requiredInt(min: number, max: number, message: string) {
  return z.preprocess(
    (v) => (blankToNull(v) === null ? undefined : Number(v)),
    z.number({ message }).int(message).min(min, message).max(max, message),
  );
}

export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const idList = z.preprocess(
  // react-hook-form reports an unticked checkbox group as false.
  (v) =>
    v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v],
  z.array(z.coerce.number().int().positive().max(MAX_DATABASE_ID)),
);

/** "2026-12-10T17:00" or "2026-12-10" typed in China, as an instant. */
export function chinaInstant(value: string | null | undefined): Date | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00+08:00`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return new Date(`${v}:00+08:00`);
  return null;
}

/** An instant as the value of a datetime-local (or date) input, in China time. */
export function toChinaInput(value: Date | string | null | undefined, dateOnly = false): string {
  if (!value) return "";
  const d = new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString();
  return dateOnly ? d.slice(0, 10) : d.slice(0, 16);
}

export const optionalDateTime = z
  .string()
  .trim()
  .refine((v) => v === "" || chinaInstant(v) !== null, "reg.form.dateInvalid")
  .optional()
  .default("");
