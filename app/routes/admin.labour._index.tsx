import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusCard } from "~/components/status-card";
import { formatDate, useLocale, useT } from "~/i18n";
import { listLabourContests } from "~/models/labour.server";
import { requireAdmin } from "~/http/session.server";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.labour");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { contests: await listLabourContests() };
}

export default function AdminLabour() {
  const { contests } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="labour-title">
      <h1 id="labour-title">{t("labour.admin.title")}</h1>
      <p className="muted">{t("labour.admin.intro")}</p>
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
            <p className="card__foot">
              <Link to={publicPaths.labourBoard(c.code)}>{t("labour.board.link")}</Link>
            </p>
          </StatusCard>
        ))}
      </div>
    </section>
  );
}
