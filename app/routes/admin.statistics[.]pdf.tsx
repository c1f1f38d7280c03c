import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/http/locale.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { attachmentDisposition } from "~/http/certificate-pdf.server";
import { applySecurityHeaders } from "~/http/security-headers.server";
import { statisticsPdf, statisticsReport } from "~/http/statistics-export.server";
import { statsRequest } from "~/http/statistics-request.server";
import { yearInNumbers } from "~/models/statistics.server";

/** The year in numbers of a union as a printable A4 report with its name and period. */
export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const target = await statsRequest(organiser.scope, request);
  if (!target) throw notFound();
  const report = statisticsReport(target, await yearInNumbers(target), await getLocale(request));
  const headers = new Headers({
    "Content-Type": "application/pdf",
    "Content-Disposition": attachmentDisposition(`${report.title}.pdf`),
    "Cache-Control": "private, no-store",
  });
  applySecurityHeaders(headers);
  return new Response(new Uint8Array(await statisticsPdf(report)), { headers });
}
