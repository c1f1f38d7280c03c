import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrgManager, notFound } from "~/http/session.server";
import { applySecurityHeaders } from "~/http/security-headers.server";
import { importTemplate, type TemplateName } from "~/http/import-templates.server";

/** Import templates: the headers and one marked example row. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrgManager(request);
  const match = /^(roster|entries)\.(csv|xlsx)$/.exec(params.file ?? "");
  if (!match) throw notFound();
  const format = match[2] === "xlsx" ? "xlsx" : "csv";
  const { sheet, bytes } = await importTemplate(match[1] as TemplateName, format);
  const headers = new Headers({
    "Content-Type":
      format === "xlsx"
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${match[1]}-template.${format}"; filename*=UTF-8''${encodeURIComponent(`${sheet}模板.${format}`)}`,
    "Cache-Control": "no-store",
  });
  applySecurityHeaders(headers);
  return new Response(bytes, { headers });
}
