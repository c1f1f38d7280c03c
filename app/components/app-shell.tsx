import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { LOCALE_TAG, useLocale, useT } from "~/i18n";
import type { Role } from "~/domain/roles";
import { navItemsFor } from "~/components/nav-items";

type ShellUser = { displayName: string; role: Role } | null;

export function AppShell({
  user,
  path,
  children,
}: {
  user: ShellUser;
  path: string;
  children: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const items = navItemsFor(user?.role ?? null);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              匠
            </span>
            <span className="brand__text">
              <span className="brand__name">{t("app.name")}</span>
              <span className="brand__tagline">{t("app.tagline")}</span>
            </span>
          </Link>
          <div className="site-header__tools">
            <Form method="post" action="/lang" className="lang-form">
              <input type="hidden" name="locale" value={locale === "zh" ? "en" : "zh"} />
              <input type="hidden" name="redirectTo" value={path} />
              {/* The visible name of the other language, then what the button does: an
                  accessible name must contain the visible text (WCAG 2.5.3). */}
              <button type="submit" className="btn btn--ghost btn--small">
                <span lang={LOCALE_TAG[locale === "zh" ? "en" : "zh"]}>{t("lang.switch")}</span>{" "}
                <span className="visually-hidden">{t("lang.label")}</span>
              </button>
            </Form>
            {user ? (
              <Form method="post" action="/logout">
                <button type="submit" className="btn btn--ghost btn--small">
                  {t("nav.logout")}
                </button>
              </Form>
            ) : (
              <Link
                to={`/login?redirectTo=${encodeURIComponent(path)}`}
                className="btn btn--primary btn--small"
              >
                {t("nav.login")}
              </Link>
            )}
          </div>
        </div>
        <nav className="site-nav" aria-label={t("nav.menu")}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
          {user ? (
            <p className="site-nav__user">
              {t("login.signedInAs", { name: user.displayName, role: t(`role.${user.role}`) })}
            </p>
          ) : null}
        </nav>
      </header>
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("footer.text")}</p>
        <p>
          <a href="/healthz">{t("footer.health")}</a>
        </p>
      </footer>
    </>
  );
}
