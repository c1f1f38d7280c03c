import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMark, useT, codeLabel } from "~/i18n";
import { listPublishedResults } from "~/models/results.server";
import { prizeCertificateSerials } from "~/models/certificate.server";
import { certificateHref } from "~/components/certificate-list";
import { requireOrgManager } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.receipts");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  const results = await listPublishedResults({ organisationId: user.organisationId });
  return { results, certificates: await prizeCertificateSerials(results.map((r) => r.id)) };
}

export default function OrgResults() {
  const { results, certificates } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="org-results-title">
      <h1 id="org-results-title">{t("judging.results.org")}</h1>
      {results.length === 0 ? <p>{t("judging.results.none")}</p> : null}
      <p>
        <Link to="/org/certificates">{t("cert.seeAll.org")} →</Link>
      </p>
      {results.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("judging.event")}</th>
                <th scope="col">{t("judging.competitor")}</th>
                <th scope="col">{t("judging.total")}</th>
                <th scope="col">{t("scoring.receipt.rank")}</th>
                <th scope="col">{t("scoring.receipt.prize")}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.event.name}
                    <div className="muted small">{r.event.contest.name}</div>
                  </td>
                  <td>
                    <Link to={`/org/receipts/${r.id}`}>{r.worker?.name ?? r.team?.name}</Link>
                  </td>
                  <td>{formatMark(r.result?.total)}</td>
                  <td>{r.result?.rank ?? "—"}</td>
                  <td>
                    {codeLabel(t, "scoring.prize", r.result?.prize ?? "none")}
                    {certificates[r.id] ? (
                      <div className="small">
                        <a href={certificateHref(certificates[r.id]!)} download>
                          {t("cert.download")}
                        </a>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
