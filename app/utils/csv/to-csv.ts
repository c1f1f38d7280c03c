import { neutraliseCell, type CellValue } from "./neutralise";

/** Lets Excel recognise UTF-8; without it Chinese text opens as mojibake on Chinese Windows. */
export const UTF8_BOM = "\uFEFF";

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark. Default true, since these files are opened in Excel. */
  readonly bom?: boolean;
  /** Apply neutraliseCell to every string cell. Default true; turn off only for machine-to-machine files. */
  readonly neutralise?: boolean;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return String(value);
}

/** RFC 4180 quoting: fields with a comma, quote, CR or LF are quoted and quotes doubled. */
export function csvField(value: CellValue, neutralise = true): string {
  const text = cellText(neutralise ? neutraliseCell(value) : value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF as RFC 4180 specifies, including after the last row. */
export function toCsv(rows: readonly (readonly CellValue[])[], options: CsvOptions = {}): string {
  const neutralise = options.neutralise ?? true;
  const body = rows
    .map((row) => row.map((cell) => csvField(cell, neutralise)).join(",") + "\r\n")
    .join("");
  return ((options.bom ?? true) ? UTF8_BOM : "") + body;
}
