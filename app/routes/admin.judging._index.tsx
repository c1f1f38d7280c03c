import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { useT } from "~/i18n";
import { judgingOverview } from "~/models/judging.server";
import {
  eventNoticesEnding,
  eventsNeedingSetup,
  eventsReadyToLock,
} from "~/models/organiser-tasks.server";
import { requireOrganiser } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.judging");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const url = new URL(request.url);
  // The task list's links: events to set up, ready to lock, or with a notice ending soon.
  const filter: "setup" | "lock" | "notice" | null =
    url.searchParams.get("need") === "setup"
      ? "setup"
      : url.searchParams.get("ready") === "lock"
        ? "lock"
        : url.searchParams.get("notice") === "ending"
          ? "notice"
          : null;
  const ids =
    filter === "setup"
      ? (await eventsNeedingSetup(organiser.scope)).map((e) => e.id)
      : filter === "lock"
        ? (await eventsReadyToLock(organiser.scope)).map((e) => e.id)
        : filter === "notice"
          ? (await eventNoticesEnding(organiser.scope)).map((e) => e.id)
          : undefined;
  return { events: await judgingOverview(organiser.scope, ids), filter };
}

export default function AdminJudging() {
  const { events, filter } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="judging-title">
      <h1 id="judging-title">{t("judging.admin.title")}</h1>
      <p className="muted">{t("judging.admin.intro")}</p>
      {filter ? (
        <p className="alert" role="status">
          {t(`federation.filter.judging.${filter}`)}{" "}
          <Link to="/admin/judging">{t("federation.filter.clear")}</Link>
        </p>
      ) : null}
      {events.length === 0 ? <p className="muted">{t("federation.filter.none")}</p> : null}
      <div className="table-wrap" tabIndex={0}>
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
