// Reads the first worksheet of an uploaded XLSX into rows of trimmed strings for
// validateImport, and writes the question-bank template.
import type ExcelJS from "exceljs";
import { excel } from "~/utils/excel.server";
import { questionImportColumns } from "~/domain/quiz";
import { readFirstSheet } from "~/utils/xlsx-read.server";

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return "";
}

/**
 * The first sheet as rows of trimmed strings, at most `maxRows` + 2 rows (a header, the rows
 * allowed and one more so the import rules can say "too many"); null for a file that is not
 * a workbook or would inflate past the limits (app/utils/xlsx-read.server.ts).
 */
export async function readXlsxTable(
  data: ArrayBuffer,
  maxRows: number,
): Promise<string[][] | null> {
  const sheet = await readFirstSheet(new Uint8Array(data), maxRows + 2, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 64); c++)
      cells.push(cellText(row.getCell(c).value).trim());
    return cells;
  });
  if (!sheet.ok) return null;
  const rows: string[][] = [];
  for (const { number, value } of sheet.value.rows) rows[number - 1] = value;
  return Array.from(rows, (r) => r ?? []);
}

type TemplateRow = Partial<Record<keyof typeof questionImportColumns, string | number>>;

/** Example rows, one per question type, keyed by column so they always sit under their headers. */
const EXAMPLES: TemplateRow[] = [
  {
    type: "单选",
    category: "安全生产",
    stem: "我国安全生产工作的方针是？",
    optionA: "安全第一、预防为主、综合治理",
    optionB: "以人为本、效益优先",
    optionC: "预防为主、防治结合",
    optionD: "谁主管、谁负责",
    answer: "A",
    difficulty: 1,
    explanation: "《安全生产法》第三条：安全生产工作坚持安全第一、预防为主、综合治理的方针。",
  },
  {
    type: "多选",
    category: "劳动法",
    stem: "下列属于劳动者权利的有？",
    optionA: "取得劳动报酬",
    optionB: "休息休假",
    optionC: "获得劳动安全卫生保护",
    optionD: "无故旷工",
    answer: "ABC",
    difficulty: 2,
    explanation:
      "取得劳动报酬、休息休假、获得劳动安全卫生保护都是《劳动法》第三条规定的劳动者权利。",
  },
  {
    type: "判断",
    category: "职业健康",
    stem: "用人单位应当为劳动者免费提供符合标准的劳动防护用品。",
    answer: "对",
    difficulty: 1,
  },
];

export async function questionTemplate(): Promise<Buffer> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("题库");
  const columns = Object.entries(questionImportColumns) as [
    keyof typeof questionImportColumns,
    (typeof questionImportColumns)[keyof typeof questionImportColumns],
  ][];
  sheet.addRow(columns.map(([, c]) => (c.required ? `*${c.header}` : c.header)));
  for (const example of EXAMPLES) sheet.addRow(columns.map(([key]) => example[key] ?? ""));
  sheet.columns.forEach((col, i) => {
    const key = columns[i]?.[0];
    col.width = key === "stem" || key === "explanation" ? 40 : key?.startsWith("option") ? 22 : 10;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
