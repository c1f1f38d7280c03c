import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { findBoardEvent } from "~/models/leaderboard.server";
import { createOrganisation } from "~/test/factories";
import { createBoardEvent, createEntry, setResult } from "~/test/leaderboard-factories";
import { writeExport } from "./leaderboard-export.server";

const LIVE = { frozen: false, hidden: false };

describe("leaderboard exports", () => {
  it("writes the board as CSV and XLSX files (on the export thread), in rank order", async () => {
    const created = await createBoardEvent();
    const org = await createOrganisation({ name: "戊公司" });
    await setResult(await createEntry(created.id, org.id, "E-1", "=HYPERLINK(1)"), 7000);
    await setResult(await createEntry(created.id, org.id, "E-2", "周九"), 9050);
    const event = (await findBoardEvent(created.contest.code, created.code))!;
    const dir = mkdtempSync(path.join(tmpdir(), "jx-export-test-"));

    // Both at once: the thread takes one file at a time and each answer is its own.
    const csv = path.join(dir, "board.csv");
    const xlsx = path.join(dir, "board.xlsx");
    await Promise.all([
      writeExport({ event, view: LIVE, format: "csv", locale: "zh" }, csv),
      writeExport({ event, view: LIVE, format: "xlsx", locale: "en" }, xlsx),
    ]);

    const lines = readFileSync(csv, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1,周九,E-2,戊公司,90\.50,/);
    // Formula injection is neutralised in the file too.
    expect(lines[2]).toMatch(/^2,'=HYPERLINK\(1\),E-1,/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Rank");
    expect([sheet.getRow(2).getCell(2).value, sheet.getRow(2).getCell(5).value]).toEqual([
      "周九",
      90.5,
    ]);
  });

  it("writes nothing but the header for a board hidden from the viewer", async () => {
    const created = await createBoardEvent();
    const org = await createOrganisation({ name: "己公司" });
    await setResult(await createEntry(created.id, org.id, "H-1", "吴十"), 8000);
    const event = (await findBoardEvent(created.contest.code, created.code))!;
    const file = path.join(mkdtempSync(path.join(tmpdir(), "jx-export-test-")), "hidden.csv");
    await writeExport(
      { event, view: { frozen: false, hidden: true }, format: "csv", locale: "zh" },
      file,
    );
    expect(readFileSync(file, "utf8").trim().split(/\r?\n/)).toHaveLength(1);
  });
});
