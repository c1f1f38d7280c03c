import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCertificateDocument, mayDownloadCertificate } from "~/models/certificate.server";
import { notFound, organiserOf, requireUser } from "~/http/session.server";
import {
  attachmentDisposition,
  certificateFilename,
  renderCertificatePdf,
} from "~/http/certificate-pdf.server";
import { applySecurityHeaders } from "~/http/security-headers.server";

/**
 * One certificate as a PDF: for the organiser, the recipient's unit manager and the
 * recipient. Anyone else gets 404, the same as for a serial that does not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const doc = await getCertificateDocument(params.serial ?? "");
  const scope = (await organiserOf(user))?.scope ?? null;
  if (!doc || !mayDownloadCertificate(doc, { ...user, scope })) throw notFound();
  const pdf = await renderCertificatePdf(doc);
  const headers = new Headers({
    "Content-Type": "application/pdf",
    "Content-Disposition": attachmentDisposition(certificateFilename(doc)),
    "Cache-Control": "private, no-store",
  });
  applySecurityHeaders(headers);
  return new Response(new Uint8Array(pdf), { headers });
}
