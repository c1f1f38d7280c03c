import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ContestForm } from "~/components/contest-admin-forms";
import { ProblemList } from "~/components/import-report";
import { StatusBadge } from "~/components/status-badge";
import {
  CONTEST_STATUSES,
  nextStatuses,
  suggestedContestStatus,
  type ContestStatus,
} from "~/domain/contest/status";
import { contestInput, contestSchema, contestStatusSchema } from "~/forms/contest";
import { toChinaInput } from "~/forms/fields";
import { formatDate, formatDateTime, translate, useLocale, useT, codeLabel } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import {
  changeContestStatus,
  getContestForAdmin,
  listAllUnions,
  updateContest,
} from "~/models/contest-admin.server";
import { listOwnableUnions } from "~/models/scope.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { parseForm } from "~/utils/forms";
import regStyles from "~/styles/registrations.css";
import { idParam } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { invalidForm, refused } from "~/http/refusal.server";
import { pageTitle } from "~/i18n/page-title";
import { stackTable } from "~/components/stack-table";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.contest");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const contest = await getContestForAdmin(organiser.scope, idParam(params.contestId));
  if (!contest) throw notFound();
  const [organisers, unions] = await Promise.all([
    listOwnableUnions(organiser.scope),
    listAllUnions(),
  ]);
  return {
    contest,
    // A co-organiser cannot hand the contest on: the owner is shown, not offered.
    organisers: contest.mayChangeOwnership
      ? organisers
      : [{ id: contest.organiserId, name: contest.organiser.name }],
    unions,
    next: nextStatuses(contest.status as ContestStatus),
    // The status its dates and events say it has reached, when the stored one lags behind.
    suggestion: suggestedContestStatus(
      {
        status: contest.status as ContestStatus,
        registrationClosesAt: contest.registrationClosesAt,
        startsAt: contest.startsAt,
        eventStatuses: contest.events.map((e) => e.status),
      },
      new Date(),
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const id = idParam(params.contestId);
  const contest = await getContestForAdmin(user.scope, id);
  if (!contest) throw notFound();
  const locale = await getLocale(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "status") {
    const parsed = parseForm(contestStatusSchema, formData);
    if (!parsed.ok || !(CONTEST_STATUSES as readonly string[]).includes(parsed.data.to))
      throw new Response("Bad Request", { status: 400 });
    const to = parsed.data.to as ContestStatus;
    const outcome = await changeContestStatus(user, id, to, { reason: parsed.data.reason });
    if (!outcome) throw notFound();
    if (!outcome.ok) return refused(outcome.problems, 400);
    return {
      ok: true as const,
      message: translate(locale, "reg.contest.moved", {
        status: translate(locale, `rules.contest_status.${to}`),
      }),
    };
  }
  const parsed = parseForm(contestSchema, formData);
  if (!parsed.ok) return invalidForm(parsed.errors);
  const outcome = await updateContest(user, id, contestInput(parsed.data));
  if (!outcome) throw notFound();
  if (!outcome.ok) return refused(outcome.problems, 400);
  return { ok: true as const, message: translate(locale, "reg.form.saved") };
}

export default function ContestAdmin() {
  const { contest, organisers, unions, next, suggestion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="contest-title">
      <p>
        <Link to="/admin/contests">← {t("reg.contest.list")}</Link>
      </p>
      <p className="eyebrow">
        {contest.code} · {codeLabel(t, "rules.contest_kind", contest.kind)}
      </p>
      <h1 id="contest-title">{contest.name}</h1>
      <p className="muted">
        {t("federation.contest.owner", { name: contest.organiser.name })}
        {contest.coOrganisers.length > 0
          ? ` · ${t("federation.contest.jointWith", {
              names: contest.coOrganisers.map((c) => c.organisation.name).join("、"),
            })}`
          : ""}
      </p>
      <div className="reg-status-row">
        <StatusBadge status={contest.status} prefix="rules.contest_status" />
        <span className="muted small">
          {t("reg.contest.window")}: {formatDateTime(locale, contest.registrationOpensAt)} —{" "}
          {formatDateTime(locale, contest.registrationClosesAt)}
        </span>
        <span className="muted small">
          {t("reg.contest.dates")}: {formatDate(locale, contest.startsAt)} —{" "}
          {formatDate(locale, contest.endsAt)}
        </span>
      </div>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}
      <ProblemList
        title={t("reg.form.fixProblems")}
        problems={actionData?.ok === false ? actionData.problems : null}
      />

      <div className="reg-links">
        <Link to={`/admin/contests/${contest.id}/registrations`} className="btn btn--primary">
          {t("reg.contest.review")}
        </Link>
        <a
          href={`/admin/contests/${contest.id}/export?format=csv`}
          className="btn btn--ghost"
          download
        >
          {t("reg.contest.exportCsv")}
        </a>
        <a
          href={`/admin/contests/${contest.id}/export?format=xlsx`}
          className="btn btn--ghost"
          download
        >
          {t("reg.contest.exportXlsx")}
        </a>
      </div>

      <h2>{t("reg.contest.statusChange")}</h2>
      {suggestion ? (
        <p className="alert alert--info" role="status">
          {suggestion.to === "results_published"
            ? t("reg.contest.suggest.results_published")
            : t(
                suggestion.to === "in_progress"
                  ? "reg.contest.suggest.in_progress"
                  : "reg.contest.suggest.registration_closed",
                { date: formatDateTime(locale, suggestion.since) },
              )}
        </p>
      ) : null}
      {/* Moving on, then (apart, with its reason beside it) cancelling. */}
      <div className="reg-links">
        {next
          .filter((to) => to !== "cancelled")
          .map((to) => (
            <Form method="post" key={to} className="reg-inline">
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="to" value={to} />
              <button type="submit" className="btn btn--primary btn--small">
                {t("reg.contest.moveTo", { status: t(`rules.contest_status.${to}`) })}
              </button>
            </Form>
          ))}
      </div>
      {next.includes("cancelled") ? (
        <Form method="post" className="reg-cancel">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="to" value="cancelled" />
          <label className="field__label" htmlFor="contest-cancel-reason">
            {t("reg.contest.cancelReason")}
          </label>
          <div className="reg-cancel__row">
            <input id="contest-cancel-reason" type="text" name="reason" className="field__input" />
            <button type="submit" className="btn btn--danger btn--small">
              {t("reg.contest.moveTo", { status: t("rules.contest_status.cancelled") })}
            </button>
          </div>
        </Form>
      ) : null}

      <h2>{t("reg.contest.events")}</h2>
      {contest.events.length === 0 ? <p className="muted">{t("reg.contest.noEvents")}</p> : null}
      {contest.events.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table {...stackTable.table}>
            <thead {...stackTable.rowgroup}>
              <tr {...stackTable.row}>
                <th {...stackTable.columnheader}>{t("reg.event.name")}</th>
                <th {...stackTable.columnheader}>{t("reg.event.mode")}</th>
                <th {...stackTable.columnheader}>{t("reg.event.quota")}</th>
                <th {...stackTable.columnheader}>{t("reg.event.rules")}</th>
                <th {...stackTable.columnheader}>{t("reg.contest.entries")}</th>
              </tr>
            </thead>
            <tbody {...stackTable.rowgroup}>
              {contest.events.map((e) => (
                <tr key={e.id} {...stackTable.row}>
                  <td {...stackTable.cell()}>
                    <Link to={`/admin/contests/${contest.id}/events/${e.id}`}>{e.name}</Link>
                    <div className="muted small">
                      {e.code}
                      {e.category ? ` · ${e.category}` : ""}
                      {e.trade ? ` · ${e.trade}` : ""}
                    </div>
                    <ProblemList
                      title={t("reg.contest.eventProblems")}
                      problems={e.problems}
                      standing
                    />
                  </td>
                  <td {...stackTable.cell(t("reg.event.mode"))}>
                    {codeLabel(t, "rules.event_mode", e.mode)}
                    {e.mode === "team" ? (
                      <div className="muted small">
                        {t("reg.event.teamRules", {
                          min: e.teamMin,
                          max: e.teamMax,
                          subs: e.substitutes,
                        })}
                      </div>
                    ) : null}
                  </td>
                  <td {...stackTable.cell(t("reg.event.quota"))}>
                    {e.quotaPerOrg ?? t("reg.event.unlimited")} /{" "}
                    {e.cap ?? t("reg.event.unlimited")}
                  </td>
                  <td {...stackTable.cell(t("reg.event.rules"))} className="small">
                    {e.minAge !== null || e.maxAge !== null
                      ? t("reg.event.age", { min: e.minAge ?? "—", max: e.maxAge ?? "—" })
                      : null}
                    {e.minSkillLevel
                      ? ` · ${codeLabel(t, "rules.skill_level", e.minSkillLevel)}+`
                      : ""}
                    {e.unionMemberRequired ? ` · ${t("reg.event.unionMemberRequired")}` : ""}
                    <div className="muted">
                      {e.parts
                        .map(
                          (p) =>
                            `${codeLabel(t, "rules.round_stage", p.round)} ${codeLabel(t, "rules.part_kind", p.kind)} ${p.weight}%`,
                        )
                        .join(t("punct.comma"))}
                    </div>
                  </td>
                  <td {...stackTable.cell(t("reg.contest.entries"))}>{e._count.registrations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="reg-links">
        <Link to={`/admin/contests/${contest.id}/events/new`} className="btn btn--primary">
          {t("reg.contest.addEvent")}
        </Link>
      </div>

      <h2>{t("reg.contest.edit")}</h2>
      <ContestForm
        organisers={organisers}
        unions={unions}
        mayChangeOwnership={contest.mayChangeOwnership}
        errors={actionData?.ok === false ? actionData.errors : null}
        submitLabel={t("reg.form.save")}
        defaults={{
          code: contest.code,
          kind: contest.kind,
          name: contest.name,
          organiserId: String(contest.organiserId),
          coOrganiserIds: contest.coOrganisers.map((c) => String(c.organisationId)),
          description: contest.description,
          rules: contest.rules,
          registrationOpensAt: toChinaInput(contest.registrationOpensAt),
          registrationClosesAt: toChinaInput(contest.registrationClosesAt),
          startsAt: toChinaInput(contest.startsAt, true),
          endsAt: toChinaInput(contest.endsAt, true),
          theoryCapPct: contest.theoryCapPct === null ? "" : String(contest.theoryCapPct),
        }}
      />
    </section>
  );
}
