import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProblemList } from "~/components/import-report";
import { teamLine } from "~/components/team-line";
import { IndividualEntryForm, TeamEntryForm } from "~/components/entry-forms";
import { StatusBadge } from "~/components/status-badge";
import {
  entryActionSchema,
  individualEntrySchema,
  replaceSchema,
  rolesFromForm,
  teamEntrySchema,
} from "~/forms/registration";
import { formatDateTime, translate, useLocale, useT, type MessageKey } from "~/i18n";
import { invalidForm, refused } from "~/http/refusal.server";
import { getLocale } from "~/http/locale.server";
import {
  listOpenEventsForOrg,
  listOrgRegistrations,
  registerIndividual,
  registerTeam,
  replaceRegistration,
  resubmitRegistration,
  withdrawRegistration,
  type EntryOutcome,
} from "~/models/registration-org.server";
import { rosterProfiles } from "~/models/worker.server";
import { notFound, requireOrgManager } from "~/http/session.server";
import { parseForm } from "~/utils/forms";
import regStyles from "~/styles/registrations.css";
import { parseId } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";
import { stackTable } from "~/components/stack-table";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.registrations");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgManager(request);
  const [contests, roster, registrations] = await Promise.all([
    listOpenEventsForOrg(user.organisationId),
    rosterProfiles(user.organisationId),
    listOrgRegistrations(user.organisationId),
  ]);
  return { contests, roster, registrations };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrgManager(request);
  const locale = await getLocale(request);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const eventId = parseId(formData.get("eventId"));
  // Which form the answer belongs to: the event's entry form, or the list of entries.
  const place = { intent, eventId };

  let outcome: EntryOutcome;
  let success: MessageKey;
  if (intent === "individual") {
    const parsed = parseForm(individualEntrySchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors, place);
    outcome = await registerIndividual(
      user.id,
      user.organisationId,
      parsed.data.eventId,
      parsed.data.workerId,
    );
    success = "reg.entry.submitted";
  } else if (intent === "team") {
    const parsed = parseForm(teamEntrySchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors, place);
    // Both lists as ticked: someone in both is named by the team rules, not dropped.
    const roles = rolesFromForm(formData, [...parsed.data.members, ...parsed.data.substitutes]);
    const members = [
      ...parsed.data.members.map((workerId) => ({
        workerId,
        substitute: false,
        role: roles.get(workerId) ?? "",
      })),
      ...parsed.data.substitutes.map((workerId) => ({
        workerId,
        substitute: true,
        role: roles.get(workerId) ?? "",
      })),
    ];
    outcome = await registerTeam(
      user.id,
      user.organisationId,
      parsed.data.eventId,
      parsed.data.teamName,
      members,
      new Date(),
      parsed.data.side || null,
    );
    success = "reg.entry.submitted";
  } else if (intent === "replace") {
    const parsed = parseForm(replaceSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors, place);
    outcome = await replaceRegistration(
      user.id,
      user.organisationId,
      parsed.data.registrationId,
      parsed.data.workerId,
    );
    success = "reg.entry.replaced";
  } else {
    const parsed = parseForm(entryActionSchema, formData);
    if (!parsed.ok) throw new Response("Bad Request", { status: 400 });
    outcome =
      parsed.data.intent === "withdraw"
        ? await withdrawRegistration(user.id, user.organisationId, parsed.data.registrationId)
        : await resubmitRegistration(user.id, user.organisationId, parsed.data.registrationId);
    success = parsed.data.intent === "withdraw" ? "reg.entry.withdrawn" : "reg.entry.resubmitted";
  }
  // Another organisation's entry, worker or a missing event: not found, whoever asks.
  if (outcome === null) throw notFound();
  if (!outcome.ok) return refused(outcome.problems, 400, place);
  // `at` remounts the entry forms, so none keeps the entry just made.
  return { ...place, ok: true as const, message: translate(locale, success), at: Date.now() };
}

export default function OrgRegistrations() {
  const { contests, roster, registrations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const forEvent = (eventId: number, intent: string) =>
    actionData && !actionData.ok && actionData.eventId === eventId && actionData.intent === intent
      ? actionData
      : null;
  const generalProblems =
    actionData && !actionData.ok && !["individual", "team"].includes(actionData.intent)
      ? actionData.problems
      : null;
  return (
    <section aria-labelledby="entries-title">
      <h1 id="entries-title">{t("reg.entry.title")}</h1>
      <p className="muted">{t("reg.entry.intro")}</p>
      <div className="reg-links">
        <Link to="/org/registrations/import" className="btn btn--ghost">
          {t("reg.entry.import")}
        </Link>
        <Link to="/org/workers" className="btn btn--ghost">
          {t("reg.nav.roster")}
        </Link>
      </div>
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}
      <ProblemList title={t("reg.entry.refused")} problems={generalProblems} />

      <h2>{t("reg.entry.open")}</h2>
      {contests.length === 0 ? <p className="muted">{t("reg.entry.none")}</p> : null}
      {contests.map((c) => (
        <div key={c.id} className="section">
          <h3>{c.name}</h3>
          <p className="muted small">
            {t("reg.entry.deadline", { date: formatDateTime(locale, c.registrationClosesAt) })}
          </p>
          {c.events.map((e) => {
            const full = e.full !== null;
            const individual = forEvent(e.id, "individual");
            const team = forEvent(e.id, "team");
            return (
              <article key={e.id} className="reg-event" aria-labelledby={`event-${e.id}`}>
                <h4 id={`event-${e.id}`}>
                  {e.name}{" "}
                  <span className="muted small">
                    {e.code} · {t(`rules.event_mode.${e.mode}`)}
                  </span>
                </h4>
                <p className={`reg-quota${full ? " reg-quota--full" : ""}`}>
                  {e.quotaPerOrg === null
                    ? t("reg.entry.quotaUnlimited", { used: e.used })
                    : t("reg.entry.quotaLine", {
                        used: e.used,
                        quota: e.quotaPerOrg,
                        left: e.left ?? 0,
                      })}
                </p>
                <p className="muted small">
                  {e.eligibility.minAge != null || e.eligibility.maxAge != null
                    ? t("reg.event.age", {
                        min: e.eligibility.minAge ?? "—",
                        max: e.eligibility.maxAge ?? "—",
                      })
                    : ""}
                  {e.eligibility.minSkillLevel
                    ? ` · ${t(`rules.skill_level.${e.eligibility.minSkillLevel}`)}+`
                    : ""}
                  {e.eligibility.unionMemberRequired
                    ? ` · ${t("reg.event.unionMemberRequired")}`
                    : ""}
                  {e.team
                    ? ` · ${t("reg.event.teamRules", { min: e.team.minSize, max: e.team.maxSize, subs: e.team.substitutes })}`
                    : ""}
                </p>
                {full ? (
                  <p className="alert alert--info" role="status">
                    {e.full === "org"
                      ? t("entry.full.org", { used: e.used, quota: e.quotaPerOrg ?? 0 })
                      : t("entry.full.overall", { cap: e.cap ?? 0 })}
                  </p>
                ) : e.mode === "individual" ? (
                  <IndividualEntryForm
                    key={actionData?.ok ? actionData.at : 0}
                    event={e}
                    contestDate={c.contestDate}
                    roster={roster}
                    errors={individual?.errors}
                    problems={individual?.problems}
                  />
                ) : (
                  <TeamEntryForm
                    key={actionData?.ok ? actionData.at : 0}
                    event={e}
                    contestDate={c.contestDate}
                    roster={roster}
                    errors={team?.errors}
                    problems={team?.problems}
                  />
                )}
              </article>
            );
          })}
        </div>
      ))}

      <h2>{t("reg.entry.mine")}</h2>
      {registrations.length === 0 ? (
        <p className="muted">{t("reg.entry.mineEmpty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table {...stackTable.table}>
            <thead {...stackTable.rowgroup}>
              <tr {...stackTable.row}>
                <th {...stackTable.columnheader}>{t("reg.entry.entrant")}</th>
                <th {...stackTable.columnheader}>{t("reg.entry.event")}</th>
                <th {...stackTable.columnheader}>{t("registration.status")}</th>
                <th {...stackTable.columnheader}>{t("registration.entryNumber")}</th>
                <th {...stackTable.columnheader}>{t("reg.entry.actions")}</th>
              </tr>
            </thead>
            <tbody {...stackTable.rowgroup}>
              {registrations.map((r) => {
                const label = r.worker?.name ?? r.team?.name ?? "";
                const open = r.event.contest.status === "registration_open";
                return (
                  <tr key={r.id} {...stackTable.row}>
                    <td {...stackTable.cell()}>
                      {label}
                      {r.team ? <div className="muted small">{teamLine(t, r.team)}</div> : null}
                    </td>
                    <td {...stackTable.cell(t("reg.entry.event"))}>
                      {r.event.name}
                      <div className="muted small">{r.event.contest.name}</div>
                    </td>
                    <td {...stackTable.cell(t("registration.status"))}>
                      <StatusBadge status={r.status} prefix="rules.registration_status" />
                      {r.reason ? (
                        <div className="small">
                          {t("punct.labelled", {
                            label: t("reg.entry.reason"),
                            text: r.reason ?? "",
                          })}
                        </div>
                      ) : null}
                    </td>
                    <td {...stackTable.cell(t("registration.entryNumber"))}>
                      {r.entryNumber ?? "—"}
                    </td>
                    <td {...stackTable.cell()}>
                      {open ? (
                        <div className="reg-actions">
                          {r.status === "submitted" || r.status === "approved" ? (
                            <Form method="post" className="reg-inline">
                              <input type="hidden" name="intent" value="withdraw" />
                              <input type="hidden" name="registrationId" value={r.id} />
                              <button
                                type="submit"
                                className="btn btn--ghost btn--small"
                                aria-label={`${t("reg.entry.withdraw")} ${label}`}
                              >
                                {t("reg.entry.withdraw")}
                              </button>
                            </Form>
                          ) : null}
                          {r.status === "rejected" ? (
                            <Form method="post" className="reg-inline">
                              <input type="hidden" name="intent" value="resubmit" />
                              <input type="hidden" name="registrationId" value={r.id} />
                              <button type="submit" className="btn btn--ghost btn--small">
                                {t("reg.entry.resubmit")}
                              </button>
                            </Form>
                          ) : null}
                          {r.worker && (r.status === "submitted" || r.status === "approved") ? (
                            <Form method="post" className="reg-actions">
                              <input type="hidden" name="intent" value="replace" />
                              <input type="hidden" name="registrationId" value={r.id} />
                              <select
                                name="workerId"
                                className="field__input"
                                aria-label={`${t("reg.entry.replaceWith")} (${label})`}
                                defaultValue=""
                              >
                                <option value="">{t("reg.entry.replaceWith")}</option>
                                {roster
                                  .filter((w) => w.id !== r.worker?.id)
                                  .map((w) => (
                                    <option key={w.id} value={w.id}>
                                      {w.name}
                                    </option>
                                  ))}
                              </select>
                              <button type="submit" className="btn btn--ghost btn--small">
                                {t("reg.entry.replace")}
                              </button>
                            </Form>
                          ) : null}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
