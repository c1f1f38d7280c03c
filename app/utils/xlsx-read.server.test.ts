import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readFirstSheet } from "./xlsx-read.server";

async function workbook(sheets: Record<string, string[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const texts = (row: ExcelJS.Row) =>
  Array.from({ length: row.cellCount }, (_, i) => String(row.getCell(i + 1).value ?? ""));

describe("readFirstSheet", () => {
  it("reads a valid workbook every time (exceljs's own ZIP pass lost parts in about 1 read in 200)", async () => {
    // exceljs stores the sheet before the shared strings and the workbook last: the order
    // that made its streaming reader drop the parts after a parked sheet (exceljs#3064).
    const bytes = await workbook({
      题库: [
        ["题型", "分类", "题干"],
        ["单选", "安全生产", "安全帽的主要作用是？"],
      ],
    });
    // One after another: the race showed when nothing else was running.
    const reads = [];
    for (let i = 0; i < 1500; i++) reads.push(await readFirstSheet(bytes, 10, texts));
    expect(reads.filter((r) => !r.ok)).toEqual([]);
    for (const read of reads)
      expect(read.ok && read.value.rows.map((r) => r.value)).toEqual([
        ["题型", "分类", "题干"],
        ["单选", "安全生产", "安全帽的主要作用是？"],
      ]);
  });

  it("reads only the first sheet, resolves shared strings, and stops at the row limit", async () => {
    const bytes = await workbook({
      first: [["甲"], ["乙"], ["丙"]],
      second: [["not read"]],
    });
    const read = await readFirstSheet(bytes, 2, texts);
    expect(read).toEqual({
      ok: true,
      value: {
        truncated: true,
        rows: [
          { number: 1, value: ["甲"] },
          { number: 2, value: ["乙"] },
        ],
      },
    });
  });

  it("refuses what is not a workbook", async () => {
    expect(await readFirstSheet(new TextEncoder().encode("姓名,工号\n"), 10, texts)).toEqual({
      ok: false,
      problems: ["not_xlsx"],
    });
  });
});
