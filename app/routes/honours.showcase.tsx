import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HonourLinks, Portrait, recipientHref } from "~/components/honour-links";
import { useT, codeLabel } from "~/i18n";
import { getShowcase } from "~/models/honour.server";
import honoursStyles from "~/styles/honours.css";
import { pageTitle } from "~/i18n/page-title";
import { UserText } from "~/components/user-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.showcase");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

/** Public: the exhibition hall that replaces the printed showcase. */
export async function loader() {
  return { awards: await getShowcase() };
}

type Hall = "model_worker" | "craftsman" | "collective" | "studio" | "other";

function hallOf(kind: string, recipientKind: string): Hall {
  if (kind === "model_worker" || kind === "may_day_medal") return "model_worker";
  if (kind === "craftsman" || kind === "technical_expert") return "craftsman";
  if (recipientKind === "studio") return "studio";
  if (recipientKind === "organisation") return "collective";
  return "other";
}

const HALLS: Hall[] = ["model_worker", "craftsman", "collective", "studio", "other"];

export default function Showcase() {
  const { awards } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="hall-title" className="showcase">
      <header className="showcase__banner">
        <p className="showcase__eyebrow">{t("app.tagline")}</p>
        <h1 id="hall-title">{t("honours.showcase.title")}</h1>
        <p>{t("honours.showcase.intro", { count: awards.length })}</p>
      </header>
      <HonourLinks />
      {HALLS.map((hall) => {
        const items = awards.filter((a) => hallOf(a.kind, a.recipientKind) === hall);
        if (items.length === 0) return null;
        return (
          <section key={hall} className="showcase__hall" aria-labelledby={`hall-${hall}`}>
            <h2 id={`hall-${hall}`} className="showcase__hall-title">
              <span>{t(`honours.showcase.hall.${hall}`)}</span>
            </h2>
            <ul className="showcase__wall">
              {items.map((a) => {
                const href = recipientHref(a);
                return (
                  <li key={a.id} className="exhibit">
                    <div className="exhibit__frame">
                      <Portrait name={a.recipientName} photoUrl={a.photoUrl} />
                    </div>
                    <p className="exhibit__ribbon">
                      {a.year} ·{" "}
                      {t("honours.levelKind", {
                        level: codeLabel(t, "rules.honour_level", a.level),
                        kind: codeLabel(t, "rules.honour_kind", a.kind),
                      })}
                    </p>
                    <h3 className="exhibit__name">
                      {href ? (
                        <Link to={href}>
                          <UserText text={a.recipientName} />
                        </Link>
                      ) : (
                        <UserText text={a.recipientName} />
                      )}
                    </h3>
                    {a.organisation && a.organisation.name !== a.recipientName ? (
                      <p className="exhibit__unit">
                        <UserText text={a.organisation.name} />
                      </p>
                    ) : null}
                    {a.worker?.trade ? <p className="exhibit__unit">{a.worker.trade}</p> : null}
                    {a.citation ? <p className="exhibit__citation">{a.citation}</p> : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
