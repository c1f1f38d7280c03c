import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { formatDate, useLocale, useT, codeLabel } from "~/i18n";
import { listContestsForAdmin } from "~/models/contest-admin.server";
import { requireAdmin } from "~/http/session.server";
import regStyles from "~/styles/registrations.css";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.contests");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { contests: await listContestsForAdmin() };
}

export default function AdminContests() {
  const { contests } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="contests-title">
      <h1 id="contests-title">{t("reg.contest.list")}</h1>
      <p className="muted">{t("reg.contest.intro")}</p>
      <div className="reg-links">
        <Link to="/admin/contests/new" className="btn btn--primary">
          {t("reg.contest.new")}
        </Link>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("reg.contest.name")}</th>
              <th scope="col">{t("reg.contest.status")}</th>
              <th scope="col">{t("reg.contest.events")}</th>
              <th scope="col">{t("reg.contest.closes")}</th>
            </tr>
          </thead>
          <tbody>
            {contests.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/admin/contests/${c.id}`}>{c.name}</Link>
                  <div className="muted small">
                    {c.code} · {codeLabel(t, "rules.contest_kind", c.kind)} · {c.organiser.name}
                  </div>
                </td>
                <td>
                  <StatusBadge status={c.status} prefix="rules.contest_status" />
                </td>
                <td>{c._count.events}</td>
                <td>{formatDate(locale, c.registrationClosesAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
