import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { formatDate, useLocale, useT, codeLabel } from "~/i18n";
import { listContestsForAdmin } from "~/models/contest-admin.server";
import { requireOrganiser } from "~/http/session.server";
import { isContestKind } from "~/domain/contest/kinds";
import { unionPathInScope } from "~/models/scope.server";
import { parseId } from "~/utils/ids";
import regStyles from "~/styles/registrations.css";
import { pageTitle } from "~/i18n/page-title";
import { stackTable } from "~/components/stack-table";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.contests");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const url = new URL(request.url);
  const text = (name: string) => url.searchParams.get(name)?.trim().slice(0, 50) || undefined;
  const year = Number(url.searchParams.get("year"));
  const kind = text("kind");
  const entrants = parseId(url.searchParams.get("entrants"));
  // The statistics page links here with the figure's filter; an unknown kind is ignored.
  const filter = {
    kind: kind && isContestKind(kind) ? kind : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    category: text("category"),
    trade: text("trade"),
    entrantsPath:
      entrants === null
        ? undefined
        : ((await unionPathInScope(organiser.scope, entrants)) ?? "/-/"),
  };
  const filtered = Object.values(filter).some((v) => v !== undefined);
  return { contests: await listContestsForAdmin(organiser.scope, filter), filtered };
}

export default function AdminContests() {
  const { contests, filtered } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="contests-title">
      <h1 id="contests-title">{t("reg.contest.list")}</h1>
      <p className="muted">{t("reg.contest.intro")}</p>
      {filtered ? (
        <p className="alert" role="status">
          {t("federation.filter.fromStatistics")}{" "}
          <Link to="/admin/contests">{t("federation.filter.clear")}</Link>
        </p>
      ) : null}
      <div className="reg-links">
        <Link to="/admin/contests/new" className="btn btn--primary">
          {t("reg.contest.new")}
        </Link>
      </div>
      <div className="table-wrap" tabIndex={0}>
        <table {...stackTable.table}>
          <thead {...stackTable.rowgroup}>
            <tr {...stackTable.row}>
              <th {...stackTable.columnheader}>{t("reg.contest.name")}</th>
              <th {...stackTable.columnheader}>{t("reg.contest.status")}</th>
              <th {...stackTable.columnheader}>{t("reg.contest.events")}</th>
              <th {...stackTable.columnheader}>{t("reg.contest.closes")}</th>
            </tr>
          </thead>
          <tbody {...stackTable.rowgroup}>
            {contests.map((c) => (
              <tr key={c.id} {...stackTable.row}>
                <td {...stackTable.cell()}>
                  <Link to={`/admin/contests/${c.id}`}>{c.name}</Link>
                  <div className="muted small">
                    {c.code} · {codeLabel(t, "rules.contest_kind", c.kind)} · {c.organiser.name}
                    {c.coOrganisers.length > 0
                      ? ` · ${t("federation.contest.jointWith", {
                          names: c.coOrganisers
                            .map((o) => o.organisation.name)
                            .join(t("punct.list")),
                        })}`
                      : ""}
                  </div>
                </td>
                <td {...stackTable.cell(t("reg.contest.status"))}>
                  <StatusBadge status={c.status} prefix="rules.contest_status" />
                </td>
                <td {...stackTable.cell(t("reg.contest.events"))}>{c._count.events}</td>
                <td {...stackTable.cell(t("reg.contest.closes"))}>
                  {formatDate(locale, c.registrationClosesAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
