// Uploaded spreadsheets (CSV or XLSX) read into rows of trimmed strings for the import
// rules in app/domain/registration, and tables written back out for templates and exports.
import type ExcelJS from "exceljs";
import Papa from "papaparse";
import { neutraliseCell, toCsv, type CellValue } from "~/utils/csv";
import { fail, ok, type Outcome } from "~/utils/outcome";
import { excel } from "~/utils/excel.server";
import { readFirstSheet } from "~/utils/xlsx-read.server";

/** Columns past this are ignored: no import template has more than a few dozen. */
const MAX_SHEET_COLUMNS = 64;

/** Larger uploads are refused before they are parsed; 50,000 roster rows fit in about 4 MB. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

/**
 * A roster CSV may be larger: a federation's million members take about 75 MB of UTF-8.
 * XLSX files stay within MAX_UPLOAD_BYTES whatever the route allows.
 */
export const MAX_ROSTER_CSV_BYTES = 128 * 1024 * 1024;

export type SheetProblem = "import_not_spreadsheet" | "import_file_too_large" | "import_no_file";

export type SheetResult = Outcome<{ table: string[][]; format: "csv" | "xlsx" }, SheetProblem>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  // Date cells: the calendar date as written, whatever time zone Excel stored it in.
  // Excel keeps dates as UTC midnights, so the UTC calendar day is the one typed in.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  return cell.text ?? "";
}

/** No import takes more rows than this; reading stops one row past it. */
export const MAX_SHEET_ROWS = 50_000;

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<SheetResult> {
  // A header row, `maxRows` data rows and one more, so the import rules can say "too many".
  const sheet = await readFirstSheet(bytes, maxRows + 2, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col <= MAX_SHEET_COLUMNS) cells[col - 1] = cellText(cell).trim();
    });
    return Array.from(cells, (c) => c ?? "");
  });
  if (!sheet.ok)
    return fail<SheetProblem>(
      sheet.problems.includes("too_large") ? "import_file_too_large" : "import_not_spreadsheet",
    );
  const table: string[][] = [];
  for (const { number, value } of sheet.value.rows) table[number - 1] = value;
  return ok({ table: Array.from(table, (r) => r ?? []), format: "xlsx" });
}

/** UTF-8 first (with or without BOM); Excel on Chinese Windows saves CSV as GB18030. */
function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}

function readCsv(bytes: Uint8Array): SheetResult {
  // A NUL byte never appears in a text file: this is a binary file renamed to .csv.
  if (bytes.includes(0)) return fail<SheetProblem>("import_not_spreadsheet");
  const text = decodeText(bytes);
  if (text === null) return fail<SheetProblem>("import_not_spreadsheet");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return ok({
    table: parsed.data.map((row) => row.map((c) => String(c ?? "").trim())),
    format: "csv",
  });
}

/**
 * What an uploaded file is, from its first bytes, size and name: XLSX by its content, CSV by
 * its name (text files carry no signature), within each kind's size limit.
 */
export function spreadsheetKind(
  file: { name: string; size: number; head: Uint8Array },
  maxCsvBytes = MAX_UPLOAD_BYTES,
): "xlsx" | "csv" | SheetProblem {
  if (file.size > Math.max(MAX_UPLOAD_BYTES, maxCsvBytes)) return "import_file_too_large";
  if (startsWith(file.head, ZIP_MAGIC))
    return file.size > MAX_UPLOAD_BYTES ? "import_file_too_large" : "xlsx";
  if (/\.(csv|txt)$/i.test(file.name))
    return file.size > maxCsvBytes ? "import_file_too_large" : "csv";
  return "import_not_spreadsheet";
}

/** Reads an uploaded file by its content, using the name only to tell CSV from other text. */
export async function readSpreadsheet(
  file: { name: string; bytes: Uint8Array },
  /** Rows read from an XLSX file (a CSV is read whole, within its byte limit). */
  maxRows = MAX_SHEET_ROWS,
  // CSV may be larger than an XLSX upload (the roster takes federation-sized CSV files);
  // XLSX stays within MAX_UPLOAD_BYTES whatever the caller allows, as its inflation is bounded
  // by that size (app/utils/xlsx-read.server.ts).
  maxCsvBytes = MAX_UPLOAD_BYTES,
): Promise<SheetResult> {
  const kind = spreadsheetKind(
    { name: file.name, size: file.bytes.byteLength, head: file.bytes.subarray(0, 4) },
    maxCsvBytes,
  );
  if (kind === "xlsx") return readXlsx(file.bytes, maxRows);
  if (kind === "csv") return readCsv(file.bytes);
  return fail(kind);
}

export function csvBytes(rows: readonly (readonly CellValue[])[]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(toCsv(rows));
}

/**
 * One-sheet workbook. Strings are neutralised like CSV cells, and `textColumns` (e.g. the
 * ID number) are formatted as text so Excel does not turn 18 digits into 6.1E+17.
 */
export async function xlsxBytes(
  sheetName: string,
  rows: readonly (readonly CellValue[])[],
  options: { textColumns?: readonly number[]; widths?: readonly number[] } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows)
    sheet.addRow(row.map((c) => (c === undefined ? null : neutraliseCell(c))));
  for (const index of options.textColumns ?? []) sheet.getColumn(index + 1).numFmt = "@";
  options.widths?.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  if (rows.length > 0) sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export type SheetSpec = {
  name: string;
  rows: readonly (readonly CellValue[])[];
  widths?: readonly number[];
  /** Rows (0-based) set in bold: headings of the blocks on the sheet */
  boldRows?: readonly number[];
};

/** A workbook of several sheets, cells neutralised like xlsxBytes. */
export async function xlsxWorkbookBytes(
  sheets: readonly SheetSpec[],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new (await excel()).Workbook();
  for (const spec of sheets) {
    // Excel's sheet names: at most 31 characters, none of \ / ? * [ ] :
    const sheet = workbook.addWorksheet(spec.name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31));
    for (const row of spec.rows)
      sheet.addRow(row.map((c) => (c === undefined ? null : neutraliseCell(c))));
    spec.widths?.forEach((w, i) => {
      sheet.getColumn(i + 1).width = w;
    });
    for (const r of spec.boldRows ?? [0])
      if (r < spec.rows.length) sheet.getRow(r + 1).font = { bold: true };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
