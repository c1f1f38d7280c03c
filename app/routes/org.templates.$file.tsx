import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrgManager, notFound } from "~/http/session.server";
import { applySecurityHeaders } from "~/http/security-headers.server";
import { csvBytes, xlsxBytes } from "~/utils/spreadsheet.server";

// "*" marks required columns; the importer ignores it when matching headers.
const TEMPLATES = {
  roster: {
    sheet: "职工名册",
    header: ["*姓名", "*身份证号", "性别", "*手机号", "工种", "技能等级", "是否工会会员"],
    textColumns: [1, 3],
  },
  entries: {
    sheet: "报名表",
    header: ["*赛项代码", "*身份证号", "姓名", "队名", "是否替补"],
    textColumns: [1],
  },
} as const;

/** Empty import templates (headers only, ID columns formatted as text in Excel). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrgManager(request);
  const match = /^(roster|entries)\.(csv|xlsx)$/.exec(params.file ?? "");
  if (!match) throw notFound();
  const template = TEMPLATES[match[1] as keyof typeof TEMPLATES];
  const format = match[2];
  const rows = [[...template.header]];
  const body =
    format === "xlsx"
      ? await xlsxBytes(template.sheet, rows, {
          textColumns: template.textColumns,
          widths: template.header.map(() => 18),
        })
      : csvBytes(rows);
  const headers = new Headers({
    "Content-Type":
      format === "xlsx"
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${match[1]}-template.${format}"; filename*=UTF-8''${encodeURIComponent(`${template.sheet}模板.${format}`)}`,
    "Cache-Control": "no-store",
  });
  applySecurityHeaders(headers);
  return new Response(body, { headers });
}
