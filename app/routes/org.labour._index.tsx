import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FlagIcon } from "~/components/labour-trend-chart";
import { formatDate, formatMark, useLocale, useT, codeLabel } from "~/i18n";
import { listUnitCompetitions, redFlagsOf } from "~/models/labour.server";
import { requireOrgManager } from "~/http/session.server";
import labourStyles from "~/styles/labour.css";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: labourStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.labour");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  const [competitions, redFlags] = await Promise.all([
    listUnitCompetitions(user.organisationId),
    redFlagsOf(user.organisationId),
  ]);
  return { competitions, redFlags, organisationId: user.organisationId };
}

export default function OrgLabour() {
  const { competitions, redFlags, organisationId } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="org-labour-title" className="labour">
      <h1 id="org-labour-title">{t("labour.org.title")}</h1>
      <p className="muted">{t("labour.org.intro")}</p>
      {redFlags.length > 0 ? (
        <ul className="labour-flags" aria-label={t("labour.redFlag.title")}>
          {redFlags.map((f) => (
            <li key={f.id} className="labour-flag">
              <FlagIcon />{" "}
              {t("labour.redFlag.holderIn", { contest: f.contest.name, period: f.name })}
            </li>
          ))}
        </ul>
      ) : null}
      {competitions.length === 0 ? <p>{t("labour.org.empty")}</p> : null}
      {competitions.map((c) => (
        <section key={c.id} className="section" aria-labelledby={`c-${c.id}`}>
          <h2 id={`c-${c.id}`}>{c.name}</h2>
          <p>
            <Link to={publicPaths.labourUnit(c.code, organisationId)}>
              {t("labour.org.unitPage")}
            </Link>{" "}
            · <Link to={publicPaths.labourBoard(c.code)}>{t("labour.board.link")}</Link>
          </p>
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("labour.periods.name")}</th>
                  <th scope="col">{t("labour.periods.dates")}</th>
                  <th scope="col">{t("labour.org.mine")}</th>
                  <th scope="col">{t("labour.ranking.score")}</th>
                </tr>
              </thead>
              <tbody>
                {c.labourPeriods.map((p) => {
                  const mine = p.submissions[0];
                  return (
                    <tr key={p.id}>
                      <td>
                        {p.status === "open" ? (
                          <Link to={`/org/labour/${p.id}`}>{p.name}</Link>
                        ) : (
                          p.name
                        )}
                        {p.redFlagOrgId === organisationId ? (
                          <>
                            {" "}
                            <FlagIcon />
                          </>
                        ) : null}
                      </td>
                      <td>
                        {formatDate(locale, p.startsOn)} — {formatDate(locale, p.endsOn)}
                      </td>
                      <td>
                        {p.status === "open"
                          ? codeLabel(t, "labour.submission.status", mine?.status ?? "none")
                          : t("labour.period.status.closed")}
                      </td>
                      <td>
                        {mine?.score !== null && mine?.score !== undefined
                          ? `${formatMark(mine.score)}${t("punct.paren", { text: t("labour.org.rankN", { rank: mine.rank ?? "—" }) })}`
                          : "—"}
                        {mine?.vetoed ? (
                          <span className="badge badge--rejected">{t("labour.veto.badge")}</span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}
