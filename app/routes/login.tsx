import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormAlert, TextField } from "~/components/form-fields";
import { useZodForm } from "~/components/use-zod-form";
import { ROLE_HOME } from "~/domain/roles";
import { loginSchema } from "~/forms/login";
import { useT } from "~/i18n";
import { refusalText } from "~/i18n/problem-text";
import { invalidForm, refused } from "~/http/refusal.server";
import { verifyLogin } from "~/models/user.server";
import { clientAddress } from "~/http/client-address.server";
import { createUserSession, getUser } from "~/http/session.server";
import { parseForm } from "~/utils/forms";
import { safeRedirect } from "~/utils/safe-redirect";
import type { KeyedProblem } from "~/utils/outcome";
import { assertSameOrigin } from "~/http/same-origin.server";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.login");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    const to = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(safeRedirect(to, ROLE_HOME[user.role]));
  }
  return null;
}

/** Throttled: 429; the hashing queue full: 503; a wrong name or password: 401. */
function loginRefusalStatus(problems: readonly KeyedProblem[]): number {
  const code = problems[0]?.code;
  if (code === "login.locked" || code === "login.slow") return 429;
  return code === "login.busy" ? 503 : 401;
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const parsed = parseForm(loginSchema, await readForm(request, "small"));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome = await verifyLogin({
    username: parsed.data.username,
    password: parsed.data.password,
    address: clientAddress(request, context),
  });
  if (!outcome.ok) return refused(outcome.problems, loginRefusalStatus(outcome.problems));
  const fallback = ROLE_HOME[outcome.value.role];
  return createUserSession(
    request,
    outcome.value.id,
    safeRedirect(parsed.data.redirectTo, fallback),
  );
}

export default function LoginPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { form, onSubmit, field } = useZodForm(loginSchema, {
    serverErrors: actionData?.errors,
    defaultValues: { username: "", password: "", redirectTo: params.get("redirectTo") ?? "" },
  });
  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <FormAlert message={refusalText(t, actionData?.problems)} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" {...form.register("redirectTo")} />
        <TextField
          label={t("login.username")}
          autoComplete="username"
          autoCapitalize="none"
          {...field("username")}
        />
        <TextField
          label={t("login.password")}
          type="password"
          autoComplete="current-password"
          {...field("password")}
        />
        <button
          type="submit"
          className="btn btn--primary btn--block"
          disabled={navigation.state === "submitting"}
        >
          {t("login.submit")}
        </button>
      </Form>
      <p className="muted">{t("login.hint")}</p>
    </section>
  );
}
