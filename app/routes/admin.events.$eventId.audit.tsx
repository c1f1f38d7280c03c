import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/form-fields";
import { formatDateTime, useLocale, useT, codeLabel } from "~/i18n";
import { auditEntries, markAudit } from "~/models/marks.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.audit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const page = await auditEntries(organiser.scope, idParam(params.eventId));
  if (!page) throw notFound();
  const { event, entries } = page;
  const selected = Number(new URL(request.url).searchParams.get("entry"));
  const entry = entries.find((e) => e.id === selected) ?? null;
  return { event, entries, entry, audit: entry ? await markAudit(organiser.scope, entry.id) : [] };
}

function describe(json: string | null): string {
  if (!json) return "—";
  const v = JSON.parse(json) as Record<string, unknown>;
  if ("criterion" in v) {
    const judge = v.judgeNo ? ` · #${String(v.judgeNo)}` : "";
    return `${String(v.criterion)}${judge} · ${typeof v.display === "string" ? v.display : "—"}`;
  }
  return Object.entries(v)
    .map(([k, x]) => `${k}: ${String(x)}`)
    .join(", ");
}

export default function EntryAudit() {
  const { event, entries, entry, audit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">
        {t("judging.admin.audit")} · {event.name}
      </h1>
      <Form method="get" className="form-grid">
        <SelectField
          id="audit-entry"
          name="entry"
          label={t("judging.audit.entry")}
          defaultValue={entry?.id ?? ""}
        >
          <option value="">{t("judging.choose")}</option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {e.blindCode} · {e.entryNumber} · {e.name}
              {t("punct.paren", { text: e.organisation })}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary">
            {t("judging.audit.show")}
          </button>
        </div>
      </Form>
      {entry ? (
        <div className="table-wrap section" tabIndex={0}>
          <table className="table">
            <caption>
              {entry.name} · {entry.blindCode}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("judging.audit.when")}</th>
                <th scope="col">{t("judging.audit.who")}</th>
                <th scope="col">{t("judging.audit.action")}</th>
                <th scope="col">{t("judging.audit.old")}</th>
                <th scope="col">{t("judging.audit.new")}</th>
                <th scope="col">{t("judging.audit.why")}</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((a) => (
                <tr key={a.id}>
                  <td>{formatDateTime(locale, a.at)}</td>
                  <td>{a.actor ?? "—"}</td>
                  <td>{codeLabel(t, "judging.audit.kind", a.action)}</td>
                  <td>{describe(a.before)}</td>
                  <td>{describe(a.after)}</td>
                  <td>
                    {a.reason
                      ? a.reason === "draft" || a.reason === "submit"
                        ? t(`judging.audit.reason.${a.reason}`)
                        : a.reason
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
