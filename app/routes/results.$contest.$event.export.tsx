import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/http/locale.server";
import { translate } from "~/i18n";
import { notFound } from "~/http/session.server";
import { writeExport } from "~/http/leaderboard-export.server";
import { ExportBusyError, cachedExport } from "~/http/export-cache.server";
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
  try {
    const { body, encoding } = await cachedExport(
      { eventId: event.id, frozen: view.frozen, hidden: view.hidden, format, locale },
      (file) => writeExport({ event, view, format, locale }, file),
      {
        compressible: format === "csv",
        gzip: /\bgzip\b/.test(request.headers.get("Accept-Encoding") ?? ""),
      },
    );
    // Already compressed: the server's compression middleware leaves it alone.
    if (encoding) headers.set("Content-Encoding", encoding);
    headers.set("Vary", "Accept-Encoding");
    return new Response(body, { headers });
  } catch (error) {
    if (!(error instanceof ExportBusyError)) throw error;
    const busy = new Headers({ "Retry-After": "30", "Content-Type": "text/plain; charset=utf-8" });
    applySecurityHeaders(busy);
    return new Response(translate(locale, "leaderboard.export.busy"), {
      status: 503,
      headers: busy,
    });
  }
}
