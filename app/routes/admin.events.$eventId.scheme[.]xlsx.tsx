import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportSchemeXlsx } from "~/models/marking-scheme.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { applySecurityHeaders } from "~/http/security-headers.server";
import { idParam } from "~/utils/ids";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const book = await exportSchemeXlsx(organiser.scope, idParam(params.eventId));
  if (!book) throw notFound();
  const headers = new Headers({
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="marking-scheme-${idParam(params.eventId)}.xlsx"`,
    "Cache-Control": "no-store",
  });
  applySecurityHeaders(headers);
  return new Response(new Uint8Array(book), { headers });
}
