import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HonourLinks } from "~/components/honour-links";
import { RoundCard, useNoticePeriod } from "~/components/round-header";
import { useT } from "~/i18n";
import { listPublicNotices } from "~/models/honour-round.server";
import honoursStyles from "~/styles/honours.css";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.notices");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public: every shortlist that has been put on notice. */
export async function loader() {
  return { notices: await listPublicNotices() };
}

export default function Notices() {
  const { notices } = useLoaderData<typeof loader>();
  const t = useT();
  const noticePeriod = useNoticePeriod();
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
            <RoundCard key={n.id} href={publicPaths.notice(n.id)} round={n}>
              {n.noticeStartsAt ? <p className="muted small">{noticePeriod(n)}</p> : null}
            </RoundCard>
          ))}
        </ul>
      )}
    </section>
  );
}
