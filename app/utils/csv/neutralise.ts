/**
 * Characters that make Excel, LibreOffice or WPS treat a cell as a formula (OWASP "CSV
 * Injection"): = + - @, plus tab and carriage return, which some parsers strip before
 * looking for the formula sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CellValue = string | number | boolean | null | undefined;

/**
 * Prefixes a formula-looking string with an apostrophe so spreadsheet programs show it as
 * text. Numbers are left alone (a real -5 is data, not a formula); the price is that a
 * string such as "-5" becomes "'-5", which OWASP accepts as the safe side.
 */
export function neutraliseCell(value: string): string;
export function neutraliseCell(value: CellValue): CellValue;
export function neutraliseCell(value: CellValue): CellValue {
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
