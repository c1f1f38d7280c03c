import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ContestForm } from "~/components/contest-admin-forms";
import { contestInput, contestSchema } from "~/forms/contest";
import { useT } from "~/i18n";
import { createContest, listAllUnions } from "~/models/contest-admin.server";
import { listOwnableUnions } from "~/models/scope.server";
import { requireOrganiser } from "~/http/session.server";
import { parseForm } from "~/utils/forms";
import regStyles from "~/styles/registrations.css";
import { readForm } from "~/http/form-body.server";
import { invalidForm, refused } from "~/http/refusal.server";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.contests.new");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const [organisers, unions] = await Promise.all([
    listOwnableUnions(organiser.scope),
    listAllUnions(),
  ]);
  return { organisers, unions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const parsed = parseForm(contestSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome = await createContest(user, contestInput(parsed.data));
  if (!outcome.ok) return refused(outcome.problems, 400);
  return redirect(`/admin/contests/${outcome.value.id}`);
}

export default function NewContest() {
  const { organisers, unions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="new-contest-title">
      <p>
        <Link to="/admin/contests">← {t("reg.contest.list")}</Link>
      </p>
      <h1 id="new-contest-title">{t("reg.contest.new")}</h1>
      <ContestForm
        organisers={organisers}
        unions={unions}
        mayChangeOwnership
        errors={actionData?.errors}
        submitLabel={t("reg.contest.new")}
        defaults={{
          code: "",
          kind: "skills_contest",
          name: "",
          organiserId: String(organisers[0]?.id ?? ""),
          coOrganiserIds: [],
          description: "",
          rules: "",
          registrationOpensAt: "",
          registrationClosesAt: "",
          startsAt: "",
          endsAt: "",
          theoryCapPct: "",
        }}
      />
    </section>
  );
}
