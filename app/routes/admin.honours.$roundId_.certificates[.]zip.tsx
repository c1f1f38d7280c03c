import type { LoaderFunctionArgs } from "@remix-run/node";
import { listRoundCertificateDocuments } from "~/models/certificate.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { attachmentDisposition, certificatesZip } from "~/http/certificate-pdf.server";
import { applySecurityHeaders } from "~/http/security-headers.server";
import { idParam } from "~/utils/ids";

/** Every certificate of a conferred round in one ZIP, for printing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const id = idParam(params.roundId);
  const round = await listRoundCertificateDocuments(organiser.scope, id);
  if (!round || round.documents.length === 0) throw notFound();
  const zip = await certificatesZip(round.documents);
  const headers = new Headers({
    "Content-Type": "application/zip",
    "Content-Disposition": attachmentDisposition(`${round.name}-证书.zip`),
    "Cache-Control": "private, no-store",
  });
  applySecurityHeaders(headers);
  return new Response(new Uint8Array(zip), { headers });
}
