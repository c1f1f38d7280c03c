import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMark, useT, codeLabel } from "~/i18n";
import { listPublishedResults } from "~/models/results.server";
import { prizeCertificateSerials } from "~/models/certificate.server";
import { certificateHref } from "~/components/certificate-list";
import { requireWorker } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.me.results");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  const results = await listPublishedResults({ workerId: user.workerId });
  return { results, certificates: await prizeCertificateSerials(results.map((r) => r.id)) };
}

export default function MyResults() {
  const { results, certificates } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t("judging.results.mine")}</h1>
      {results.length === 0 ? <p>{t("judging.results.none")}</p> : null}
      <p>
        <Link to="/me/certificates">{t("cert.seeAll")} →</Link>
      </p>
      <ul className="card-grid">
        {results.map((r) => (
          <li key={r.id} className="card">
            <p className="card__eyebrow">{r.event.contest.name}</p>
            <h2 className="card__title">{r.event.name}</h2>
            <p>
              {t("judging.total")} {formatMark(r.result?.total)} ·{" "}
              {r.result?.rank ? t("judging.rank_n", { rank: r.result.rank }) : "—"} ·{" "}
              {codeLabel(t, "scoring.prize", r.result?.prize ?? "none")}
            </p>
            <Link className="btn btn--small btn--primary" to={`/me/receipts/${r.id}`}>
              {t("judging.receipt.open")}
            </Link>
            {certificates[r.id] ? (
              <>
                {" "}
                <a
                  className="btn btn--small btn--ghost"
                  href={certificateHref(certificates[r.id]!)}
                  download
                >
                  {t("cert.download")}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
