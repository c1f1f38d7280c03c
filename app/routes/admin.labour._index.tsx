import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusCard } from "~/components/status-card";
import { formatDate, useLocale, useT } from "~/i18n";
import { listLabourContests } from "~/models/labour.server";
import { requireOrganiser } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.labour");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  // ?missing=1: the task list's link to competitions with units that have not reported.
  const missingSubmissions = new URL(request.url).searchParams.get("missing") === "1";
  return {
    contests: await listLabourContests(organiser.scope, { missingSubmissions }),
    missingSubmissions,
  };
}

export default function AdminLabour() {
  const { contests, missingSubmissions } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="labour-title">
      <h1 id="labour-title">{t("labour.admin.title")}</h1>
      <p className="muted">{t("labour.admin.intro")}</p>
      {missingSubmissions ? (
        <p className="alert" role="status">
          {t("federation.filter.missingSubmissions")}{" "}
          <Link to="/admin/labour">{t("federation.filter.clear")}</Link>
        </p>
      ) : null}
      {contests.length === 0 ? <p className="muted">{t("federation.filter.none")}</p> : null}
      <div className="card-grid">
        {contests.map((c) => (
          <StatusCard
            key={c.id}
            item={c}
            statusPrefix="rules.contest_status"
            to={`/admin/labour/${encodeURIComponent(c.code)}`}
          >
            <p className="card__meta">
              {formatDate(locale, c.startsAt)} — {formatDate(locale, c.endsAt)}
            </p>
            <p className="muted small">
              {t("labour.admin.counts", {
                indicators: c._count.labourIndicators,
                units: c._count.labourParticipants,
                periods: c._count.labourPeriods,
              })}
            </p>
            {c.missing.length > 0 ? (
              <ul className="plain-list small">
                {c.missing.map((p) => (
                  <li key={p.id}>
                    <Link to={`/admin/labour/${encodeURIComponent(c.code)}/periods/${p.id}`}>
                      {t("federation.tasks.labourMissingOne", {
                        period: p.name,
                        count: p.missing,
                        date: formatDate(locale, p.endsOn),
                      })}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="card__foot">
              <Link to={publicPaths.labourBoard(c.code)}>{t("labour.board.link")}</Link>
            </p>
          </StatusCard>
        ))}
      </div>
    </section>
  );
}
