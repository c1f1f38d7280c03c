import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HonourLinks } from "~/components/honour-links";
import { StatusBadge } from "~/components/status-badge";
import { formatDate, useLocale, useT } from "~/i18n";
import { listPublicNotices } from "~/models/honour-round.server";
import honoursStyles from "~/styles/honours.css";
import { noticeLastInstant } from "~/domain/honours";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.notices");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public: every shortlist that has been put on notice. */
export async function loader() {
  return { notices: await listPublicNotices() };
}

export default function Notices() {
  const { notices } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="notices-title" className="honours-page">
      <h1 id="notices-title">{t("honours.notices.title")}</h1>
      <p className="muted">{t("honours.notices.intro")}</p>
      <HonourLinks />
      {notices.length === 0 ? (
        <p className="muted">{t("honours.notices.empty")}</p>
      ) : (
        <ul className="card-grid">
          {notices.map((n) => (
            <li key={n.id} className="card">
              <p className="card__eyebrow">
                <StatusBadge status={n.status} prefix="rules.round_state" />
              </p>
              <h2 className="card__title">
                <Link to={`/honours/notices/${n.id}`}>{n.name}</Link>
              </h2>
              {n.noticeStartsAt && n.noticeEndsAt ? (
                <p className="muted small">
                  {t("honours.round.notice", {
                    from: formatDate(locale, n.noticeStartsAt),
                    to: formatDate(locale, noticeLastInstant(new Date(n.noticeEndsAt))),
                  })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
