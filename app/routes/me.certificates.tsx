import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CertificateList } from "~/components/certificate-list";
import { useT } from "~/i18n";
import { listCertificates } from "~/models/certificate.server";
import { requireWorker } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.me.certificates");

// The signed-in worker's own certificates only (their honours, their and their teams' prizes).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  return { certificates: await listCertificates({ workerId: user.workerId }) };
}

export default function MyCertificates() {
  const { certificates } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="certs-title">
      <h1 id="certs-title">{t("cert.mine.title")}</h1>
      <p className="muted">{t("cert.mine.intro")}</p>
      <CertificateList certificates={certificates} showRecipient={false} />
    </section>
  );
}
