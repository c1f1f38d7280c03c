import type { LoaderFunctionArgs } from "@remix-run/node";
import { listEventCertificateDocuments } from "~/models/certificate.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { attachmentDisposition, certificatesZip } from "~/http/certificate-pdf.server";
import { applySecurityHeaders } from "~/http/security-headers.server";
import { idParam } from "~/utils/ids";

/** An event's prize certificates in one ZIP (issue them first on /admin/honours). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const id = idParam(params.eventId);
  const event = await listEventCertificateDocuments(organiser.scope, id);
  if (!event || event.documents.length === 0) throw notFound();
  const zip = await certificatesZip(event.documents);
  const headers = new Headers({
    "Content-Type": "application/zip",
    "Content-Disposition": attachmentDisposition(`${event.name}-获奖证书.zip`),
    "Cache-Control": "private, no-store",
  });
  applySecurityHeaders(headers);
  return new Response(new Uint8Array(zip), { headers });
}
