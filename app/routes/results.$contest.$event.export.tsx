import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/http/locale.server";
import { notFound } from "~/http/session.server";
import { csvStream, xlsxStream } from "~/http/leaderboard-export.server";
import { resolveBoard } from "~/http/leaderboard-request.server";
import { applySecurityHeaders } from "~/http/security-headers.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, view } = await resolveBoard(request, params);
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") throw notFound();
  const locale = await getLocale(request);
  const name = `${event.contest.code}-${event.code}-results.${format}`;
  const headers = new Headers({
    "Content-Type":
      format === "csv"
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="${name}"`,
    "Cache-Control": "no-store",
  });
  applySecurityHeaders(headers);
  const body = format === "csv" ? csvStream(locale, event, view) : xlsxStream(locale, event, view);
  return new Response(body, { headers });
}
