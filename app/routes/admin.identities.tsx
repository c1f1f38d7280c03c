import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/form-fields";
import { ProblemList } from "~/components/import-report";
import { identityDecisionSchema } from "~/forms/worker";
import { formatDate, useLocale, useT, keyOr } from "~/i18n";
import { pageTitle } from "~/i18n/page-title";
import { keepSeparate, listSharedIdentities, mergeIdentity } from "~/models/identity.server";
import { readForm } from "~/http/form-body.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { invalidForm, refused, type ActionFailure } from "~/http/refusal.server";
import { parseForm } from "~/utils/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.identities");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  return { groups: await listSharedIdentities(organiser.scope) };
}

type ActionResult = { ok: true; done: string } | ActionFailure;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const parsed = parseForm(identityDecisionSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome =
    parsed.data.intent === "merge"
      ? await mergeIdentity(user.scope, user.id, parsed.data.group, parsed.data.keep)
      : await keepSeparate(user.scope, user.id, parsed.data.group);
  if (!outcome) throw notFound();
  if (!outcome.ok) return refused(outcome.problems, 409);
  return {
    ok: true,
    done: parsed.data.intent === "merge" ? "reg.identity.merged" : "reg.identity.kept",
  } satisfies ActionResult;
}

export default function SharedIdentities() {
  const { groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const t = useT();
  const locale = useLocale();
  const refusal = actionData?.ok === false ? actionData : null;
  const fieldError = refusal ? Object.values(refusal.errors)[0] : undefined;
  return (
    <section aria-labelledby="identities-title">
      <h1 id="identities-title">{t("reg.identity.title")}</h1>
      <p className="muted">{t("reg.identity.intro")}</p>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {t(keyOr(actionData.done))}
        </div>
      ) : null}
      <FormAlert message={fieldError ? t(keyOr(fieldError)) : null} />
      <ProblemList title={t("reg.identity.refused")} problems={refusal?.problems} />
      {groups.length === 0 ? <p>{t("reg.identity.empty")}</p> : null}
      {groups.map((g) => (
        <article
          key={g.groupId}
          className="card section"
          aria-label={`${t("reg.identity.group")} ${g.records[0]!.idNumberMasked}`}
        >
          <h2 className="small">
            {t("reg.identity.group")} {g.records[0]!.idNumberMasked}
          </h2>
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("reg.review.organisation")}</th>
                  <th scope="col">{t("reg.worker.name")}</th>
                  <th scope="col">{t("reg.identity.added")}</th>
                  <th scope="col">{t("reg.identity.entries")}</th>
                  <th scope="col">{t("reg.identity.history")}</th>
                  <th scope="col">{t("reg.identity.account")}</th>
                  <th scope="col">{t("reg.identity.action")}</th>
                </tr>
              </thead>
              <tbody>
                {g.records.map((r) => (
                  <tr key={r.id}>
                    <td>{r.organisation.name}</td>
                    <td>{r.name}</td>
                    <td>{formatDate(locale, r.createdAt)}</td>
                    <td>{r.entries}</td>
                    <td>{r.history}</td>
                    <td>{r.user?.username ?? "—"}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="merge" />
                        <input type="hidden" name="group" value={g.groupId} />
                        <input type="hidden" name="keep" value={r.id} />
                        <button
                          type="submit"
                          className="btn btn--small btn--ghost"
                          aria-label={`${t("reg.identity.mergeInto")} ${r.organisation.name}`}
                        >
                          {t("reg.identity.mergeInto")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form method="post" className="form-actions">
            <input type="hidden" name="intent" value="keep_separate" />
            <input type="hidden" name="group" value={g.groupId} />
            <button type="submit" className="btn btn--small">
              {t("reg.identity.keepSeparate")}
            </button>
          </Form>
        </article>
      ))}
    </section>
  );
}
