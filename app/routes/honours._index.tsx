import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { HonourLinks, recipientHref } from "~/components/honour-links";
import { HONOUR_KINDS, HONOUR_LEVELS, isHonourKind } from "~/domain/honours";
import { useT, codeLabel } from "~/i18n";
import { honourRollOptions, listHonourRoll } from "~/models/honour.server";
import honoursStyles from "~/styles/honours.css";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.honours");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

const positiveInt = (v: string | null) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** Public: the roll is the published record. Filters are plain query parameters, so results can be linked. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind") ?? "";
  const level = params.get("level") ?? "";
  const filters = {
    q: (params.get("q") ?? "").slice(0, 50),
    kind: isHonourKind(kind) ? kind : undefined,
    level: (HONOUR_LEVELS as readonly string[]).includes(level) ? level : undefined,
    year: positiveInt(params.get("year")),
    organisationId: positiveInt(params.get("org")),
    page: positiveInt(params.get("page")),
  };
  const [roll, options] = await Promise.all([listHonourRoll(filters), honourRollOptions()]);
  return { roll, options };
}

export default function HonourRoll() {
  const { roll, options } = useLoaderData<typeof loader>();
  const t = useT();
  const [params] = useSearchParams();
  const pageHref = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next}`;
  };
  return (
    <section aria-labelledby="roll-title" className="honours-page">
      <p className="eyebrow">{t("nav.honours")}</p>
      <h1 id="roll-title">{t("honours.roll.title")}</h1>
      <p className="muted">{t("honours.roll.intro")}</p>
      <HonourLinks />
      <Form method="get" className="roll-filters" role="search">
        <div className="field">
          <label className="field__label" htmlFor="roll-q">
            {t("honours.roll.search")}
          </label>
          <input
            id="roll-q"
            name="q"
            type="search"
            className="field__input"
            defaultValue={params.get("q") ?? ""}
            maxLength={50}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="roll-kind">
            {t("honours.roll.kind")}
          </label>
          <select
            id="roll-kind"
            name="kind"
            className="field__input"
            defaultValue={params.get("kind") ?? ""}
          >
            <option value="">{t("honours.roll.all")}</option>
            {HONOUR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`rules.honour_kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="roll-level">
            {t("honours.roll.level")}
          </label>
          <select
            id="roll-level"
            name="level"
            className="field__input"
            defaultValue={params.get("level") ?? ""}
          >
            <option value="">{t("honours.roll.all")}</option>
            {HONOUR_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`rules.honour_level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="roll-year">
            {t("honours.roll.year")}
          </label>
          <select
            id="roll-year"
            name="year"
            className="field__input"
            defaultValue={params.get("year") ?? ""}
          >
            <option value="">{t("honours.roll.all")}</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="roll-org">
            {t("honours.roll.organisation")}
          </label>
          <select
            id="roll-org"
            name="org"
            className="field__input"
            defaultValue={params.get("org") ?? ""}
          >
            <option value="">{t("honours.roll.all")}</option>
            {options.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary">
            {t("honours.roll.filter")}
          </button>
          <Link to="/honours" className="btn btn--ghost">
            {t("honours.roll.reset")}
          </Link>
        </div>
      </Form>
      <p className="muted" aria-live="polite">
        {t("honours.roll.count", { count: roll.total })}
      </p>
      {roll.items.length === 0 ? (
        <p className="alert alert--info">{t("honours.roll.empty")}</p>
      ) : (
        <ul className="roll-list">
          {roll.items.map((h) => {
            const href = recipientHref(h);
            return (
              <li key={h.id} className="card roll-item">
                <p className="card__eyebrow">
                  {h.year} · {codeLabel(t, "rules.honour_level", h.level)} ·{" "}
                  {codeLabel(t, "rules.honour_kind", h.kind)}
                </p>
                <h2 className="card__title">
                  {href ? <Link to={href}>{h.recipientName}</Link> : h.recipientName}
                </h2>
                {h.organisation && h.organisation.name !== h.recipientName ? (
                  <p className="muted small">{h.organisation.name}</p>
                ) : null}
                {h.citation ? <p className="roll-item__citation">{h.citation}</p> : null}
                <p className="muted small">
                  {t("honours.roll.conferredBy", { body: h.conferringBody })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {roll.pageCount > 1 ? (
        <nav
          className="pager"
          aria-label={t("honours.roll.page", { page: roll.page, pages: roll.pageCount })}
        >
          {roll.page > 1 ? (
            <Link to={pageHref(roll.page - 1)}>{t("honours.roll.prev")}</Link>
          ) : (
            <span />
          )}
          <span>{t("honours.roll.page", { page: roll.page, pages: roll.pageCount })}</span>
          {roll.page < roll.pageCount ? (
            <Link to={pageHref(roll.page + 1)}>{t("honours.roll.next")}</Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
