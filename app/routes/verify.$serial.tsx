import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HonourLinks } from "~/components/honour-links";
import { formatDate, translateProblem, useLocale, useT } from "~/i18n";
import { verifyCertificate } from "~/models/certificate.server";
import honoursStyles from "~/styles/honours.css";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "title.verify"),
  { name: "robots", content: "noindex" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public: what the certificate's QR code opens. Says genuine, revoked, or not issued here. */
export async function loader({ params }: LoaderFunctionArgs) {
  return verifyCertificate((params.serial ?? "").slice(0, 40));
}

export default function VerifyPage() {
  const result = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="verify-title" className="honours-page">
      <HonourLinks />
      <h1 id="verify-title">{t("honours.verify.title")}</h1>
      {result.status === "malformed" ? (
        <p className="alert alert--error" role="alert">
          {translateProblem(locale, "rules", result.problem)}
        </p>
      ) : result.status === "unknown" ? (
        <p className="alert alert--error" role="alert">
          {t("honours.verify.unknown", { serial: result.serial })}
        </p>
      ) : (
        <div className={`card verify-card verify-card--${result.status}`}>
          <p
            className={`alert ${result.status === "genuine" ? "alert--success" : "alert--error"}`}
            role="status"
          >
            {t(result.status === "genuine" ? "honours.verify.genuine" : "honours.verify.revoked")}
          </p>
          <dl className="verify-facts">
            <dt>{t("honours.verify.serial")}</dt>
            <dd className="mono">{result.serial}</dd>
            <dt>{t("honours.verify.recipient")}</dt>
            <dd>{result.recipientName}</dd>
            {result.organisationName && result.organisationName !== result.recipientName ? (
              <>
                <dt>{t("honours.verify.organisation")}</dt>
                <dd>{result.organisationName}</dd>
              </>
            ) : null}
            <dt>{t("honours.verify.titleLabel")}</dt>
            <dd>{result.title}</dd>
            {result.issuer ? (
              <>
                <dt>{t("honours.verify.issuer")}</dt>
                <dd>{result.issuer}</dd>
              </>
            ) : null}
            <dt>{t("honours.verify.issuedAt")}</dt>
            <dd>{formatDate(locale, result.issuedAt)}</dd>
          </dl>
        </div>
      )}
      <p>
        <Link to="/verify">{t("honours.verify.submit")}</Link>
      </p>
    </section>
  );
}
