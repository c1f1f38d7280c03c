import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HonourLinks } from "~/components/honour-links";
import { formatDate, useLocale, useT } from "~/i18n";
import { refusalText } from "~/i18n/problem-text";
import { verifyCertificate } from "~/models/certificate.server";
import honoursStyles from "~/styles/honours.css";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "title.verify"),
  { name: "robots", content: "noindex" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/**
 * Public: what the certificate's QR code opens. Says genuine or revoked beside the
 * certificate's facts, or why there is none to show (not a serial, not issued here).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  return verifyCertificate((params.serial ?? "").slice(0, 40));
}

export default function VerifyPage() {
  const result = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="verify-title" className="honours-page">
      <HonourLinks />
      <h1 id="verify-title">{t("honours.verify.title")}</h1>
      {result.ok ? (
        <CertificateCard certificate={result.value} />
      ) : (
        <p className="alert alert--error" role="alert">
          {refusalText(t, result.problems)}
        </p>
      )}
      <p>
        <Link to="/verify">{t("honours.verify.submit")}</Link>
      </p>
    </section>
  );
}

type Shown = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { ok: true }>["value"];

function CertificateCard({ certificate: c }: { certificate: Shown }) {
  const t = useT();
  const locale = useLocale();
  const state = c.revoked ? "revoked" : "genuine";
  return (
    <div className={`card verify-card verify-card--${state}`}>
      <p className={`alert ${c.revoked ? "alert--error" : "alert--success"}`} role="status">
        {t(`honours.verify.${state}`)}
      </p>
      <dl className="verify-facts">
        <dt>{t("honours.verify.serial")}</dt>
        <dd className="mono">{c.serial}</dd>
        <dt>{t("honours.verify.recipient")}</dt>
        <dd>{c.recipientName}</dd>
        {c.organisationName && c.organisationName !== c.recipientName ? (
          <>
            <dt>{t("honours.verify.organisation")}</dt>
            <dd>{c.organisationName}</dd>
          </>
        ) : null}
        <dt>{t("honours.verify.titleLabel")}</dt>
        <dd>{c.title}</dd>
        {c.issuer ? (
          <>
            <dt>{t("honours.verify.issuer")}</dt>
            <dd>{c.issuer}</dd>
          </>
        ) : null}
        <dt>{t("honours.verify.issuedAt")}</dt>
        <dd>{formatDate(locale, c.issuedAt)}</dd>
      </dl>
    </div>
  );
}
