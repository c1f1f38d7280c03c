import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DateField, FormAlert, SelectField, TextField } from "~/components/form-fields";
import { StatusBadge } from "~/components/status-badge";
import { useZodForm } from "~/components/use-zod-form";
import { HONOUR_KINDS, HONOUR_LEVELS } from "~/domain/honours";
import { roundSchema } from "~/forms/honours-round";
import { formatDate, translate, useLocale, useT, codeLabel } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import { issuePrizeCertificates, listPrizeEvents } from "~/models/certificate.server";
import { createRound, listRounds } from "~/models/honour-round.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { listOwnableUnions } from "~/models/scope.server";
import honoursStyles from "~/styles/honours.css";
import { parseForm } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { invalidForm, refused } from "~/http/refusal.server";
import { refusalText } from "~/i18n/problem-text";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.honours.rounds");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const url = new URL(request.url);
  // Filters the organiser's task list links to: notices ending this week, objections open.
  const filter = {
    noticeEndingWithinDays: url.searchParams.get("notice") === "ending" ? 7 : undefined,
    openObjections: url.searchParams.get("objections") === "open",
  };
  const [rounds, prizeEvents, unions] = await Promise.all([
    listRounds(organiser.scope, filter),
    listPrizeEvents(organiser.scope),
    listOwnableUnions(organiser.scope),
  ]);
  return {
    rounds,
    prizeEvents,
    unions,
    filtered: filter.noticeEndingWithinDays !== undefined || filter.openObjections,
    thisYear: new Date().getFullYear(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const locale = await getLocale(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "issue_prizes") {
    const eventId = parseId(formData.get("eventId"));
    if (eventId === null) return invalidForm({});
    const outcome = await issuePrizeCertificates(user, eventId);
    if (!outcome.ok) return refused(outcome.problems, 400);
    return {
      ok: true as const,
      notice: translate(locale, "honours.certificates.issued", { count: outcome.value.issued }),
    };
  }
  const parsed = parseForm(roundSchema, formData);
  if (!parsed.ok) return invalidForm(parsed.errors);
  const round = await createRound(user, {
    ...parsed.data,
    // Nominations are taken until the end of the deadline day in Beijing.
    deadline: new Date(`${parsed.data.deadline}T23:59:59+08:00`),
  });
  // A union outside the organiser's scope was posted: not theirs to use.
  if (!round) throw notFound();
  throw redirect(`/admin/honours/${round.id}?created=1`);
}

export default function AdminHonours() {
  const { rounds, prizeEvents, unions, filtered, thisYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { onSubmit, field } = useZodForm(roundSchema, {
    serverErrors: actionData?.ok === false ? actionData.errors : null,
    defaultValues: {
      organiserId: String(unions[0]?.id ?? ""),
      name: "",
      kind: "model_worker",
      level: "city",
      year: String(thisYear),
      conferringBody: unions[0]?.name ?? "",
      quota: "",
      perOrgQuota: "",
      minFrontLinePercent: "60",
      maxManagerPercent: "15",
      deadline: "",
    },
  });
  return (
    <section aria-labelledby="rounds-title">
      <h1 id="rounds-title">{t("honours.rounds.title")}</h1>
      <p className="muted">{t("honours.rounds.intro")}</p>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          {actionData.notice}
        </p>
      ) : null}
      <FormAlert message={actionData?.ok === false ? refusalText(t, actionData.problems) : null} />
      {filtered ? (
        <p className="alert" role="status">
          {t("federation.filter.active")}{" "}
          <Link to="/admin/honours">{t("federation.filter.clear")}</Link>
        </p>
      ) : null}
      {rounds.length === 0 ? (
        <p className="muted">{t("honours.rounds.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("honours.rounds.name")}</th>
                <th scope="col">{t("honours.rounds.status")}</th>
                <th scope="col">{t("honours.rounds.nominations")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/admin/honours/${r.id}`}>{r.name}</Link>
                    <div className="muted small">
                      {r.organiser.name} · {r.year} · {codeLabel(t, "rules.honour_level", r.level)}{" "}
                      · {codeLabel(t, "rules.honour_kind", r.kind)} ·{" "}
                      {t("honours.round.deadline", { date: formatDate(locale, r.deadline) })}
                      {r.sourceEventId ? ` · ${t("honours.rounds.source")}` : ""}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={r.status} prefix="rules.round_state" />
                  </td>
                  <td>{r._count.nominations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section className="section card" aria-labelledby="new-round">
        <h2 id="new-round">{t("honours.rounds.new")}</h2>
        <Form method="post" noValidate onSubmit={onSubmit} className="form-grid">
          <SelectField label={t("federation.round.organiser")} {...field("organiserId")}>
            {unions.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t("honours.rounds.name")} {...field("name")} />
          <SelectField label={t("honours.rounds.kind")} {...field("kind")}>
            {HONOUR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`rules.honour_kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("honours.rounds.level")} {...field("level")}>
            {HONOUR_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`rules.honour_level.${l}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t("honours.rounds.year")} inputMode="numeric" {...field("year")} />
          <TextField label={t("honours.rounds.body")} {...field("conferringBody")} />
          <TextField label={t("honours.rounds.quota")} inputMode="numeric" {...field("quota")} />
          <TextField
            label={t("honours.rounds.perOrgQuota")}
            inputMode="numeric"
            {...field("perOrgQuota")}
          />
          <TextField
            label={t("honours.rounds.minFrontLine")}
            inputMode="numeric"
            {...field("minFrontLinePercent")}
          />
          <TextField
            label={t("honours.rounds.maxManager")}
            inputMode="numeric"
            {...field("maxManagerPercent")}
          />
          <DateField label={t("honours.rounds.deadline")} {...field("deadline")} />
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={navigation.state === "submitting"}
            >
              {t("honours.rounds.create")}
            </button>
          </div>
        </Form>
      </section>

      <section className="section" aria-labelledby="prize-certs">
        <h2 id="prize-certs">{t("honours.certificates.title")}</h2>
        <p className="muted">{t("honours.certificates.intro")}</p>
        {prizeEvents.length === 0 ? (
          <p className="muted">{t("honours.certificates.empty")}</p>
        ) : (
          <ul className="plain-list">
            {prizeEvents.map((e) => (
              <li key={e.id} className="prize-event">
                <span>
                  {e.contest.name} · {e.name}
                  <span className="muted small">
                    {" "}
                    ·{" "}
                    {t("honours.certificates.counts", {
                      prizes: e.prizes,
                      certificates: e.certificates,
                    })}
                  </span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="issue_prizes" />
                  <input type="hidden" name="eventId" value={e.id} />
                  <button type="submit" className="btn btn--ghost btn--small">
                    {t("honours.certificates.issue")}
                  </button>
                </Form>
                {e.certificates > 0 ? (
                  <a
                    className="btn btn--small"
                    href={`/admin/honours/events/${e.id}/certificates.zip`}
                    download
                  >
                    {t("honours.certificates.zip")}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
