import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatCards } from "~/components/stat-cards";
import { StatusBadge } from "~/components/status-badge";
import { useT, codeLabel } from "~/i18n";
import { adminOverview } from "~/models/contest.server";
import { requireAdmin } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return adminOverview();
}

export default function AdminHome() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t("dashboard.admin.title")}</h1>
      <p className="muted">{t("dashboard.admin.intro")}</p>
      <StatCards
        items={[
          ["dashboard.counts.contests", data.contests],
          ["dashboard.counts.events", data.events],
          ["dashboard.counts.registrations", data.registrations],
          ["dashboard.counts.pending", data.pending],
          ["dashboard.counts.organisations", data.organisations],
          ["dashboard.counts.workers", data.workers],
          ["dashboard.counts.honours", data.honours],
        ]}
      />
      <p className="form-actions">
        <Link to="/admin/contests" className="btn btn--primary">
          {t("reg.dashboard.contests")}
        </Link>
      </p>
      <h2>{t("dashboard.contests")}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("registration.contest")}</th>
              <th scope="col">{t("registration.status")}</th>
              <th scope="col">{t("dashboard.counts.events")}</th>
            </tr>
          </thead>
          <tbody>
            {data.recent.map((contest) => (
              <tr key={contest.id}>
                <td>
                  <Link to={`/admin/contests/${contest.id}`}>{contest.name}</Link>
                  <div className="muted small">
                    {codeLabel(t, "rules.contest_kind", contest.kind)}
                  </div>
                </td>
                <td>
                  <StatusBadge status={contest.status} prefix="rules.contest_status" />
                </td>
                <td>{contest._count.events}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
