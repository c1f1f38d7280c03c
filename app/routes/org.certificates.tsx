import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CertificateList } from "~/components/certificate-list";
import { useT } from "~/i18n";
import { listCertificates } from "~/models/certificate.server";
import { requireOrgManager } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.certificates");

// The manager's own organisation only; the PDF route checks the same rule per certificate.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  return { certificates: await listCertificates({ organisationId: user.organisationId }) };
}

export default function OrgCertificates() {
  const { certificates } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="certs-title">
      <h1 id="certs-title">{t("cert.org.title")}</h1>
      <p className="muted">{t("cert.org.intro")}</p>
      <CertificateList certificates={certificates} showRecipient />
    </section>
  );
}
