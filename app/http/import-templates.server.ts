// The import templates offered on the import pages: headers and one marked example row.
import { SAMPLE_ROW_MARKER } from "~/domain/registration/import-rows";
import { csvBytes, xlsxBytes } from "~/utils/spreadsheet.server";

// "*" marks required columns; the importer ignores it when matching headers. The example row
// starts with the marker the importer skips (import-rows.ts), so a template filled in below
// it imports as it is. Its ID number is made up but well-formed (checksum, gender digit).
const TEMPLATES = {
  roster: {
    sheet: "职工名册",
    header: ["*姓名", "*身份证号", "性别", "*手机号", "工种", "技能等级", "是否工会会员"],
    example: [
      `${SAMPLE_ROW_MARKER}张三`,
      "610113199003070015",
      "男",
      "13800000000",
      "电工",
      "高级工",
      "是",
    ],
    textColumns: [1, 3],
  },
  entries: {
    sheet: "报名表",
    header: ["*赛项代码", "*身份证号", "姓名", "队名", "是否替补"],
    example: [`${SAMPLE_ROW_MARKER}A01`, "610113199003070015", "张三", "", "否"],
    textColumns: [1],
  },
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateFormat = "csv" | "xlsx";

/** The file's bytes and the sheet name it is offered under (ID columns as text in Excel). */
export async function importTemplate(
  name: TemplateName,
  format: TemplateFormat,
): Promise<{ sheet: string; bytes: Uint8Array<ArrayBuffer> }> {
  const template = TEMPLATES[name];
  const rows = [[...template.header], [...template.example]];
  const bytes =
    format === "xlsx"
      ? await xlsxBytes(template.sheet, rows, {
          textColumns: template.textColumns,
          widths: template.header.map(() => 18),
        })
      : csvBytes(rows);
  return { sheet: template.sheet, bytes };
}
