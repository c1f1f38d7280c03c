import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, SelectField, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import { UNION_KINDS } from "~/domain/organisation";
import { unionSchema } from "~/forms/unions";
import { codeLabel, translate, translateProblem, useT } from "~/i18n";
import { pageTitle } from "~/i18n/page-title";
import { getLocale } from "~/http/locale.server";
import { readForm } from "~/http/form-body.server";
import { requireTopAdmin } from "~/http/session.server";
import { createUnion, listUnionTree } from "~/models/unions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.unions");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireTopAdmin(request);
  return { unions: await listUnionTree() };
}

type ActionResult = { errors: FieldErrors | null; message: string | null; created?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireTopAdmin(request);
  const locale = await getLocale(request);
  const parsed = parseForm(unionSchema, await readForm(request));
  if (!parsed.ok)
    return data<ActionResult>({ errors: parsed.errors, message: null }, { status: 400 });
  const outcome = await createUnion(user, parsed.data);
  if (!outcome.ok)
    return data<ActionResult>(
      {
        errors: null,
        message: outcome.problems
          .map((p) => translateProblem(locale, "federation.unions.problem", p))
          .join(" "),
      },
      { status: 400 },
    );
  return {
    errors: null,
    message: null,
    created: translate(locale, "federation.unions.created", { name: parsed.data.name }),
  } satisfies ActionResult;
}

export default function Unions() {
  const { unions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const { onSubmit, field } = useZodForm(unionSchema, {
    serverErrors: result?.errors,
    defaultValues: {
      name: "",
      shortName: "",
      kind: "district_union",
      parentId: String(unions[0]?.id ?? ""),
      creditCode: "",
    } as never,
  });
  return (
    <section aria-labelledby="unions-title">
      <h1 id="unions-title">{t("federation.unions.title")}</h1>
      <p className="muted">{t("federation.unions.intro")}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("federation.unions.name")}</th>
              <th scope="col">{t("federation.unions.kind")}</th>
              <th scope="col">{t("federation.unions.enterprises")}</th>
              <th scope="col">{t("federation.unions.organisers")}</th>
            </tr>
          </thead>
          <tbody>
            {unions.map((u) => (
              <tr key={u.id}>
                <th scope="row" style={{ paddingInlineStart: `${0.75 + u.depth * 1.5}rem` }}>
                  {u.name}
                  {u.creditCode ? <div className="muted small">{u.creditCode}</div> : null}
                </th>
                <td>{codeLabel(t, "federation.kind", u.kind)}</td>
                <td>{u._count.children}</td>
                <td className="small">
                  {u.users.length === 0
                    ? "—"
                    : u.users
                        .map((o) =>
                          o.active
                            ? o.username
                            : `${o.username}${t("punct.paren", { text: t("federation.organisers.suspended") })}`,
                        )
                        .join(t("punct.list"))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to="/admin/organisers">{t("federation.nav.organisers")} →</Link>
      </p>

      <section className="section card" aria-labelledby="new-union">
        <h2 id="new-union">{t("federation.unions.new")}</h2>
        {result?.created ? (
          <p className="alert alert--success" role="status">
            {result.created}
          </p>
        ) : null}
        <FormAlert message={result?.message} />
        <Form method="post" noValidate onSubmit={onSubmit} className="form-grid">
          <TextField label={t("federation.unions.name")} {...field("name")} />
          <TextField label={t("federation.unions.shortName")} {...field("shortName")} />
          <SelectField label={t("federation.unions.kind")} {...field("kind")}>
            {UNION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`federation.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("federation.unions.parent")}
            hint={t("federation.unions.parentHint")}
            {...field("parentId")}
          >
            <option value="">{t("federation.unions.noParent")}</option>
            {unions.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {"　".repeat(u.depth)}
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("federation.unions.creditCode")}
            hint={t("federation.unions.creditCodeHint")}
            autoCapitalize="characters"
            {...field("creditCode")}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary">
              {t("federation.unions.create")}
            </button>
          </div>
        </Form>
      </section>
    </section>
  );
}
