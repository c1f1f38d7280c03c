import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAttachment } from "~/models/honour-round.server";
import { notFound, organiserOf, requireRole } from "~/http/session.server";
import { attachmentDisposition } from "~/http/certificate-pdf.server";
import { applySecurityHeaders } from "~/http/security-headers.server";
import { idParam } from "~/utils/ids";

/** A nomination's supporting document: the organiser, or the nominating unit's manager. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "superadmin", "admin", "org_manager");
  const id = idParam(params.attachmentId);
  const scope = (await organiserOf(user))?.scope ?? null;
  const attachment = await getAttachment(id, { ...user, scope });
  if (!attachment) throw notFound();
  const headers = new Headers({
    "Content-Type": attachment.mimeType,
    "Content-Disposition": attachmentDisposition(attachment.filename),
    "Cache-Control": "private, no-store",
  });
  applySecurityHeaders(headers);
  return new Response(new Uint8Array(attachment.data), { headers });
}
