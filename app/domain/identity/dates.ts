/**
 * Calendar dates are plain "YYYY-MM-DD" strings: birth dates and contest dates are local
 * calendar facts, and a Date object would drag a time zone into age maths.
 * Instants (deadlines, submissions) stay as Date values elsewhere.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses a strict "YYYY-MM-DD" string; rejects impossible days such as 2023-02-29. */
export function parseIsoDate(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDateParts(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

export function formatIsoDate(parts: DateParts): IsoDate {
  const y = String(parts.year).padStart(4, "0");
  const m = String(parts.month).padStart(2, "0");
  const d = String(parts.day).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** China has used UTC+8 all year round since 1992, so a fixed offset is exact for current dates. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

/** The local calendar date of an instant, by default in China Standard Time. */
export function isoDateOf(
  instant: Date,
  utcOffsetMinutes: number = CHINA_UTC_OFFSET_MINUTES,
): IsoDate {
  const shifted = new Date(instant.getTime() + utcOffsetMinutes * 60_000);
  return formatIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/**
 * Age in whole completed years on `on`. Someone born on 29 February turns a year older on
 * 1 March in common years (the birthday has not "happened" on 28 February), which is how
 * household registration and contest age limits are usually read.
 * Throws on malformed dates because callers are expected to have validated them.
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(on);
  if (!b) throw new RangeError(`Invalid birth date: ${birthDate}`);
  if (!d) throw new RangeError(`Invalid date: ${on}`);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}
