import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatCards } from "~/components/stat-cards";
import { useT } from "~/i18n";
import { organisationSummary } from "~/models/organisation.server";
import { notFound, requireOrgManager } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  const summary = await organisationSummary(user.organisationId);
  if (!summary) throw notFound();
  return summary;
}

export default function OrgHome() {
  const { organisation, workers, registrations, pending } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="org-title">
      <h1 id="org-title">{t("dashboard.org.title")}</h1>
      <p className="lead">{t("dashboard.organisation", { name: organisation.name })}</p>
      {organisation.creditCode ? (
        <p className="muted">{t("dashboard.creditCode", { code: organisation.creditCode })}</p>
      ) : null}
      <p className="muted">{t("dashboard.org.intro")}</p>
      <StatCards
        items={[
          ["dashboard.counts.workers", workers],
          ["dashboard.counts.registrations", registrations],
          ["dashboard.counts.pending", pending],
        ]}
      />
      <h2>{t("reg.dashboard.links")}</h2>
      <p className="form-actions">
        <Link to="/org/workers" className="btn btn--primary">
          {t("reg.dashboard.roster")}
        </Link>
        <Link to="/org/registrations" className="btn btn--primary">
          {t("reg.dashboard.entries")}
        </Link>
      </p>
    </section>
  );
}
