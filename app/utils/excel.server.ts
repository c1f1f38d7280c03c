// exceljs, loaded when a workbook is first read or written: loading it takes about a third of
// a second (346 ms here), over half of what the roster import's thread took to start before it
// could read a CSV, and the server's start paid it too for pages that never touch a workbook.
import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | null = null;

/** The exceljs module (loaded once, on the first call). */
export function excel(): Promise<typeof ExcelJS> {
  loading ??= import("exceljs").then((module) => module.default);
  return loading;
}
