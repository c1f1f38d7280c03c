import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterSelect, TextField } from "~/components/form-fields";
import { HonourLinks, recipientHref } from "~/components/honour-links";
import { HONOUR_KINDS, HONOUR_LEVELS, isHonourKind } from "~/domain/honours";
import { useT, codeLabel } from "~/i18n";
import { honourRollOptions, listHonourRoll } from "~/models/honour.server";
import honoursStyles from "~/styles/honours.css";
import { pageTitle } from "~/i18n/page-title";
import { UserText } from "~/components/user-text";

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
        <TextField
          name="q"
          type="search"
          label={t("honours.roll.search")}
          defaultValue={params.get("q") ?? ""}
          maxLength={50}
        />
        <FilterSelect
          name="kind"
          label={t("honours.roll.kind")}
          allLabel={t("honours.roll.all")}
          options={HONOUR_KINDS.map((k) => ({ value: k, label: t(`rules.honour_kind.${k}`) }))}
        />
        <FilterSelect
          name="level"
          label={t("honours.roll.level")}
          allLabel={t("honours.roll.all")}
          options={HONOUR_LEVELS.map((l) => ({ value: l, label: t(`rules.honour_level.${l}`) }))}
        />
        <FilterSelect
          name="year"
          label={t("honours.roll.year")}
          allLabel={t("honours.roll.all")}
          options={options.years.map((y) => ({ value: y, label: String(y) }))}
        />
        <FilterSelect
          name="org"
          label={t("honours.roll.organisation")}
          allLabel={t("honours.roll.all")}
          options={options.organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
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
                  {href ? (
                    <Link to={href}>
                      <UserText text={h.recipientName} />
                    </Link>
                  ) : (
                    <UserText text={h.recipientName} />
                  )}
                </h2>
                {h.organisation && h.organisation.name !== h.recipientName ? (
                  <p className="muted small">
                    <UserText text={h.organisation.name} />
                  </p>
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
