import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { useT } from "~/i18n";
import { listWorkerRegistrations } from "~/models/registration.server";
import { requireWorker } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.me");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  return { registrations: await listWorkerRegistrations(user.workerId) };
}

export default function MyContests() {
  const { registrations } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="me-title">
      <h1 id="me-title">{t("dashboard.me.title")}</h1>
      <p className="muted">{t("dashboard.me.intro")}</p>
      {registrations.length === 0 ? (
        <p>{t("dashboard.me.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("registration.contest")}</th>
                <th scope="col">{t("registration.event")}</th>
                <th scope="col">{t("registration.entryNumber")}</th>
                <th scope="col">{t("registration.status")}</th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((r) => (
                <tr key={r.id}>
                  <td>{r.event.contest.name}</td>
                  <td>
                    {r.event.name}
                    {r.team ? <div className="muted small">{r.team.name}</div> : null}
                  </td>
                  <td>{r.entryNumber ?? "—"}</td>
                  <td>
                    <StatusBadge status={r.status} prefix="rules.registration_status" />
                    {r.reason ? <div className="muted small">{r.reason}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
