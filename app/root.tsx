import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { AppShell } from "~/components/app-shell";
import { ErrorView } from "~/components/error-view";
import { useNonce } from "~/components/nonce";
import { shellUser } from "~/http/shared-viewer.server";
import { getLocale } from "~/http/locale.server";
import { DEFAULT_LOCALE, I18nProvider, LOCALE_TAG, translate, type Locale } from "~/i18n";
import { pageTitle } from "~/i18n/page-title";
import stylesHref from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Pages without a title of their own (the error pages) carry the app's name.
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, null);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, locale] = await Promise.all([shellUser(request, context), getLocale(request)]);
  const url = new URL(request.url);
  return { locale, user, path: `${url.pathname}${url.search}` };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  // Marks the document once React has hydrated it. Effects run after the commit, so a
  // hydration error has been reported by then: the e2e checks wait for this mark before they
  // read the console and run the accessibility checks (e2e/support/page-checks.ts).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={LOCALE_TAG[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={translate(locale, "app.description")} />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider locale={locale}>
          <AppShell user={data?.user ?? null} path={data?.path ?? "/"}>
            {children}
          </AppShell>
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorView error={useRouteError()} />;
}
