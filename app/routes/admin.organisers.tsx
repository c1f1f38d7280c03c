import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminRegister } from "~/components/admin-register";
import { UnionOptions } from "~/components/union-options";
import { SelectField, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import { organiserAccountSchema, organiserActiveSchema } from "~/forms/unions";
import { codeLabel, translate, useT } from "~/i18n";
import { pageTitle } from "~/i18n/page-title";
import { getLocale } from "~/http/locale.server";
import { readForm } from "~/http/form-body.server";
import { notFound, requireTopAdmin } from "~/http/session.server";
import { invalidForm, refused } from "~/http/refusal.server";
import {
  createOrganiserAccount,
  listOrganiserAccounts,
  listUnionTree,
  setOrganiserActive,
} from "~/models/unions.server";
import { parseForm } from "~/utils/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.organisers");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireTopAdmin(request);
  const [accounts, unions] = await Promise.all([listOrganiserAccounts(), listUnionTree()]);
  return { accounts, unions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireTopAdmin(request);
  const locale = await getLocale(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "active") {
    const parsed = parseForm(organiserActiveSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors);
    const done = await setOrganiserActive(user, parsed.data.userId, parsed.data.active === "true");
    if (!done) throw notFound();
    return { ok: true as const, message: translate(locale, "federation.organisers.saved") };
  }
  const parsed = parseForm(organiserAccountSchema, formData);
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome = await createOrganiserAccount(user, parsed.data);
  if (!outcome.ok) return refused(outcome.problems);
  return {
    ok: true as const,
    message: translate(locale, "federation.organisers.created", {
      username: parsed.data.username,
    }),
  };
}

export default function Organisers() {
  const { accounts, unions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const { onSubmit, field } = useZodForm(organiserAccountSchema, {
    serverErrors: result?.ok === false ? result.errors : null,
    defaultValues: {
      username: "",
      displayName: "",
      organisationId: String(unions[0]?.id ?? ""),
      password: "",
    } as never,
  });
  return (
    <AdminRegister
      id="organisers"
      title={t("federation.organisers.title")}
      intro={t("federation.organisers.intro")}
      done={result?.ok ? result.message : null}
      table={{
        columns: [
          t("federation.organisers.username"),
          t("federation.organisers.displayName"),
          t("federation.organisers.union"),
          t("federation.organisers.status"),
        ],
        rows: accounts.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.username}</th>
            <td>
              {a.displayName}
              <div className="muted small">{codeLabel(t, "role", a.role)}</div>
            </td>
            <td>{a.organisation?.name ?? t("federation.organisers.platform")}</td>
            <td>
              {a.role === "admin" ? (
                <Form method="post" className="reg-inline">
                  <input type="hidden" name="intent" value="active" />
                  <input type="hidden" name="userId" value={a.id} />
                  <input type="hidden" name="active" value={a.active ? "false" : "true"} />
                  <span className="small">
                    {t(
                      a.active ? "federation.organisers.active" : "federation.organisers.suspended",
                    )}
                  </span>{" "}
                  <button
                    type="submit"
                    className="btn btn--ghost btn--small"
                    aria-label={t(
                      a.active
                        ? "federation.organisers.suspendOf"
                        : "federation.organisers.restoreOf",
                      { name: a.username },
                    )}
                  >
                    {t(
                      a.active ? "federation.organisers.suspend" : "federation.organisers.restore",
                    )}
                  </button>
                </Form>
              ) : (
                t("federation.organisers.active")
              )}
            </td>
          </tr>
        )),
      }}
      form={{
        title: t("federation.organisers.new"),
        submit: t("federation.organisers.create"),
        onSubmit,
        fields: (
          <>
            <TextField
              label={t("federation.organisers.username")}
              hint={t("federation.organisers.usernameHint")}
              autoComplete="off"
              {...field("username")}
            />
            <TextField label={t("federation.organisers.displayName")} {...field("displayName")} />
            <SelectField label={t("federation.organisers.union")} {...field("organisationId")}>
              <UnionOptions unions={unions} />
            </SelectField>
            <TextField
              type="password"
              label={t("federation.organisers.password")}
              hint={t("federation.organisers.passwordHint")}
              autoComplete="new-password"
              {...field("password")}
            />
          </>
        ),
      }}
    />
  );
}
