import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMark, useT } from "~/i18n";
import { listPublishedResults } from "~/models/results.server";
import { requireWorker } from "~/http/session.server";

export const meta: MetaFunction = () => [{ title: "我的成绩 · 匠心" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  return { results: await listPublishedResults({ workerId: user.workerId }) };
}

export default function MyResults() {
  const { results } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t("judging.results.mine")}</h1>
      {results.length === 0 ? <p>{t("judging.results.none")}</p> : null}
      <ul className="card-grid">
        {results.map((r) => (
          <li key={r.id} className="card">
            <p className="card__eyebrow">{r.event.contest.name}</p>
            <h2 className="card__title">{r.event.name}</h2>
            <p>
              {t("judging.total")} {formatMark(r.result?.total)} ·{" "}
              {r.result?.rank ? t("judging.rank_n", { rank: r.result.rank }) : "—"} ·{" "}
              {t(`scoring.prize.${r.result?.prize ?? "none"}`)}
            </p>
            <Link className="btn btn--small btn--primary" to={`/me/receipts/${r.id}`}>
              {t("judging.receipt.open")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
