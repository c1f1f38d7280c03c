import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminRegister } from "~/components/admin-register";
import { UnionOptions } from "~/components/union-options";
import { SelectField, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import { UNION_KINDS } from "~/domain/organisation";
import { unionSchema } from "~/forms/unions";
import { codeLabel, translate, useT } from "~/i18n";
import { pageTitle } from "~/i18n/page-title";
import { getLocale } from "~/http/locale.server";
import { readForm } from "~/http/form-body.server";
import { requireTopAdmin } from "~/http/session.server";
import { invalidForm, refused } from "~/http/refusal.server";
import { createUnion, listUnionTree } from "~/models/unions.server";
import { parseForm } from "~/utils/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.unions");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireTopAdmin(request);
  return { unions: await listUnionTree() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireTopAdmin(request);
  const locale = await getLocale(request);
  const parsed = parseForm(unionSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome = await createUnion(user, parsed.data);
  if (!outcome.ok) return refused(outcome.problems);
  return {
    ok: true as const,
    message: translate(locale, "federation.unions.created", { name: parsed.data.name }),
  };
}

export default function Unions() {
  const { unions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const { onSubmit, field } = useZodForm(unionSchema, {
    serverErrors: result?.ok === false ? result.errors : null,
    defaultValues: {
      name: "",
      shortName: "",
      kind: "district_union",
      parentId: String(unions[0]?.id ?? ""),
      creditCode: "",
    } as never,
  });
  return (
    <AdminRegister
      id="unions"
      title={t("federation.unions.title")}
      intro={t("federation.unions.intro")}
      done={result?.ok ? result.message : null}
      table={{
        columns: [
          t("federation.unions.name"),
          t("federation.unions.kind"),
          t("federation.unions.enterprises"),
          t("federation.unions.organisers"),
        ],
        rows: unions.map((u) => (
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
        )),
      }}
      after={
        <p>
          <Link to="/admin/organisers">{t("federation.nav.organisers")} →</Link>
        </p>
      }
      form={{
        title: t("federation.unions.new"),
        submit: t("federation.unions.create"),
        onSubmit,
        fields: (
          <>
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
              <UnionOptions unions={unions} />
            </SelectField>
            <TextField
              label={t("federation.unions.creditCode")}
              hint={t("federation.unions.creditCodeHint")}
              autoCapitalize="characters"
              {...field("creditCode")}
            />
          </>
        ),
      }}
    />
  );
}
