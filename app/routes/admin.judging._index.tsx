import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { useT } from "~/i18n";
import { judgingOverview } from "~/models/judging.server";
import { requireAdmin } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.judging");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { events: await judgingOverview() };
}

export default function AdminJudging() {
  const { events } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="judging-title">
      <h1 id="judging-title">{t("judging.admin.title")}</h1>
      <p className="muted">{t("judging.admin.intro")}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("judging.event")}</th>
              <th scope="col">{t("judging.status")}</th>
              <th scope="col">{t("judging.admin.judges")}</th>
              <th scope="col">{t("judging.admin.problems")}</th>
              <th scope="col">{t("judging.chief.action")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.name}
                  <div className="muted small">{e.contest.name}</div>
                </td>
                <td>
                  <StatusBadge status={e.status} prefix="judging.event_status" />
                </td>
                <td>{e._count.judges}</td>
                <td>
                  {e.problems === 0 ? (
                    t("judging.admin.problems_none")
                  ) : (
                    <span className="badge badge--rejected">
                      {t("judging.admin.problems_count", { n: e.problems })}
                    </span>
                  )}
                </td>
                <td>
                  <Link
                    to={`/admin/events/${e.id}/scheme`}
                    aria-label={`${t("judging.admin.scheme")} ${e.name}`}
                  >
                    {t("judging.admin.scheme")}
                  </Link>
                  {" · "}
                  <Link
                    to={`/admin/events/${e.id}/judges`}
                    aria-label={`${t("judging.admin.judges")} ${e.name}`}
                  >
                    {t("judging.admin.judges")}
                  </Link>
                  {" · "}
                  <Link
                    to={`/admin/events/${e.id}/recheck`}
                    aria-label={`${t("judging.admin.recheck")} ${e.name}`}
                  >
                    {t("judging.admin.recheck")}
                  </Link>
                  {" · "}
                  <Link
                    to={`/admin/events/${e.id}/audit`}
                    aria-label={`${t("judging.admin.audit")} ${e.name}`}
                  >
                    {t("judging.admin.audit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
