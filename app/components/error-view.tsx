import { isRouteErrorResponse, Link } from "@remix-run/react";
import { useT } from "~/i18n";

/** The one error page: 404, 403 and other 4xx responses, and unexpected errors. */
export function ErrorView({ error }: { error: unknown }) {
  const t = useT();
  let status = 500;
  let title = t("error.title");
  let body = t("error.500.body");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (status === 404) {
      title = t("error.404.title");
      body = t("error.404.body");
    } else if (status === 403) {
      title = t("error.403.title");
      body = t("error.403.body");
    } else if (status === 503 && error.data === "storage-unavailable") {
      title = t("error.storage.title");
      body = t("error.storage.body");
    } else if (status >= 400 && status < 500) {
      title = t("error.400.title");
      body =
        typeof error.data === "string" && error.data.length < 300
          ? error.data
          : t("error.400.title");
    }
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/" className="btn btn--primary">
          {t("error.back")}
        </Link>
      </p>
    </section>
  );
}
