import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RoundCard } from "~/components/round-header";
import { formatDate, useLocale, useT, codeLabel } from "~/i18n";
import { listRoundsForOrganisation } from "~/models/honour-round.server";
import { requireOrgManager } from "~/http/session.server";
import honoursStyles from "~/styles/honours.css";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.honours");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  return { rounds: await listRoundsForOrganisation(user.organisationId) };
}

export default function OrgHonours() {
  const { rounds } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="org-honours-title">
      <h1 id="org-honours-title">{t("honours.org.title")}</h1>
      <p className="muted">{t("honours.org.intro")}</p>
      {rounds.length === 0 ? (
        <p className="muted">{t("honours.org.empty")}</p>
      ) : (
        <ul className="card-grid">
          {rounds.map((r) => (
            <RoundCard key={r.id} href={`/org/honours/${r.id}`} round={r}>
              <p className="muted small">
                {r.year} · {codeLabel(t, "rules.honour_level", r.level)} ·{" "}
                {codeLabel(t, "rules.honour_kind", r.kind)}
              </p>
              <p className="muted small">
                {t("honours.round.deadline", { date: formatDate(locale, r.deadline) })}
              </p>
              <p className="small">{t("honours.org.own", { count: r.ownNominations })}</p>
            </RoundCard>
          ))}
        </ul>
      )}
    </section>
  );
}
