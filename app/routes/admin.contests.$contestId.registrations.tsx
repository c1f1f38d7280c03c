import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { useEffect, useState, type ChangeEvent } from "react";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterSelect, FormAlert, TextField } from "~/components/form-fields";
import { teamLine } from "~/components/team-line";
import { StatusBadge } from "~/components/status-badge";
import { REGISTRATION_STATUSES } from "~/domain/registration/status";
import { checkInSchema, decisionSchema } from "~/forms/registration";
import { translate, useLocale, useT, codeLabel, keyOr, type Locale } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import { getContestForAdmin } from "~/models/contest-admin.server";
import {
  checkInEvent,
  decideRegistrations,
  listRegistrationsForReview,
  type EntryRefusal,
} from "~/models/registration-review.server";
import { invalidForm, refused } from "~/http/refusal.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import type { OrganiserScope } from "~/domain/organisation";
import { parseForm } from "~/utils/forms";
import { problemText } from "~/i18n/problem-text";
import regStyles from "~/styles/registrations.css";
import { idParam } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";
import { stackTable } from "~/components/stack-table";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.registrations");

async function contestOf(scope: OrganiserScope, params: { contestId?: string }) {
  const id = idParam(params.contestId);
  const contest = await getContestForAdmin(scope, id);
  if (!contest) throw notFound();
  return contest;
}

const positive = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const contest = await contestOf(organiser.scope, params);
  const url = new URL(request.url);
  const status = url.searchParams.get("status") ?? "";
  const filter = {
    eventId: positive(url.searchParams.get("event")),
    organisationId: positive(url.searchParams.get("org")),
    status: (REGISTRATION_STATUSES as readonly string[]).includes(status) ? status : undefined,
    // ?flag=problems: entries waiting for review whose eligibility or quota needs a look.
    flagged: url.searchParams.get("flag") === "problems",
  };
  const review = await listRegistrationsForReview(organiser.scope, contest.id, filter);
  if (!review) throw notFound();
  return {
    flaggedOnly: filter.flagged,
    contest: {
      id: contest.id,
      name: contest.name,
      events: contest.events.map((e) => ({ id: e.id, code: e.code, name: e.name })),
    },
    ...review,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const contest = await contestOf(user.scope, params);
  const locale = await getLocale(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "checkin") {
    const parsed = parseForm(checkInSchema, formData);
    if (!parsed.ok) throw new Response("Bad Request", { status: 400 });
    const outcome = await checkInEvent(user, contest.id, parsed.data.eventId);
    if (!outcome) throw notFound();
    return {
      ok: true as const,
      refused: [],
      at: Date.now(),
      message: translate(locale, "reg.review.checkedIn", { count: outcome.count }),
    };
  }
  const parsed = parseForm(decisionSchema, formData);
  if (!parsed.ok) return invalidForm(parsed.errors);
  const v = parsed.data;
  const outcome = await decideRegistrations(
    user,
    contest.id,
    v.ids,
    v.intent === "approve" ? "approved" : "rejected",
    v.reason || null,
  );
  if (!outcome) throw notFound();
  // None could move: the refusal, entry by entry, and nothing changed.
  if (!outcome.ok) return refused(outcome.problems, 400);
  const { count, refused: kept } = outcome.value;
  const failed = new Set(kept.map((p) => p.entryId)).size;
  const approve = v.intent === "approve";
  // What was done and what was not, in one sentence: "已通过 2 条，1 条因以下原因未通过".
  const message =
    count === 0
      ? null
      : failed === 0
        ? translate(locale, approve ? "reg.review.approvedAll" : "reg.review.rejectedAll", {
            count,
          })
        : translate(locale, approve ? "reg.review.approvedSome" : "reg.review.rejectedSome", {
            done: count,
            failed,
          });
  return data(
    {
      ok: true as const,
      refused: kept,
      // Remount the list (no box left ticked) once something changed.
      at: count > 0 ? Date.now() : null,
      message,
    },
    { status: count === 0 ? 400 : 200 },
  );
}

/** A refusal's problem that names an entry (a form that did not parse has none). */
function isEntryRefusal(p: { code: string }): p is EntryRefusal {
  return "entryId" in p;
}

/** Each refused entry on a line of its own: who it is, then its reasons. */
function refusalLines(locale: Locale, refusals: readonly EntryRefusal[]): string[] {
  const byEntry = new Map<number, EntryRefusal[]>();
  for (const p of refusals) byEntry.set(p.entryId, [...(byEntry.get(p.entryId) ?? []), p]);
  return [...byEntry.values()].map((problems) =>
    translate(locale, "punct.labelled", {
      label: problems[0]?.subject ?? "",
      text: problems
        .map((p) => problemText(locale, { code: p.code, params: p.params }))
        .join(translate(locale, "punct.semicolon")),
    }),
  );
}

export default function ReviewRegistrations() {
  const { contest, rows, total, organisations, byStatus, flagged, flaggedOnly } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const errors = actionData && !actionData.ok ? actionData.errors : {};
  const done = actionData?.ok && actionData.message ? actionData : null;
  const failures = actionData
    ? refusalLines(
        locale,
        actionData.ok ? actionData.refused : actionData.problems.filter(isEntryRefusal),
      )
    : [];
  // "Select all" ticks the pending entries with nothing flagged; flagged ones are ticked by
  // hand, after a look at the reason. Shown once hydrated: without JavaScript it would do nothing.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const clean = rows.filter((r) => r.status === "submitted" && r.flags.length === 0);
  const selectClean = (e: ChangeEvent<HTMLInputElement>) => {
    const boxes = e.currentTarget.form?.querySelectorAll<HTMLInputElement>("input[data-clean]");
    for (const box of boxes ?? []) box.checked = e.currentTarget.checked;
  };
  return (
    <section aria-labelledby="review-title">
      <p>
        <Link to={`/admin/contests/${contest.id}`}>← {contest.name}</Link>
      </p>
      <h1 id="review-title">{t("reg.review.title")}</h1>
      <p className="muted">{t("reg.review.intro", { contest: contest.name })}</p>
      <p className="reg-status-row small">
        {REGISTRATION_STATUSES.map((s) => (
          <span key={s}>
            <StatusBadge status={s} prefix="rules.registration_status" /> {byStatus[s] ?? 0}
          </span>
        ))}
      </p>
      {flagged > 0 || flaggedOnly ? (
        <p className={flaggedOnly ? "alert" : "alert alert--error"} role="status">
          {t("federation.review.flagged", { count: flagged })}{" "}
          {flaggedOnly ? (
            <Link to={`/admin/contests/${contest.id}/registrations`}>
              {t("federation.filter.clear")}
            </Link>
          ) : (
            <Link to={`/admin/contests/${contest.id}/registrations?status=submitted&flag=problems`}>
              {t("federation.review.showFlagged")}
            </Link>
          )}
        </p>
      ) : null}
      {done ? (
        <div
          className={`alert ${failures.length > 0 ? "alert--info" : "alert--success"}`}
          role="status"
        >
          <p>{done.message}</p>
          {failures.length > 0 ? (
            <ul>
              {failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : failures.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>{t("reg.review.failed")}</p>
          <ul>
            {failures.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="reg-toolbar">
        <Form method="get">
          <FilterSelect
            name="event"
            label={t("reg.entry.event")}
            allLabel={t("reg.review.allEvents")}
            options={contest.events.map((e) => ({ value: e.id, label: e.name }))}
          />
          <FilterSelect
            name="org"
            label={t("reg.review.organisation")}
            allLabel={t("reg.review.allOrgs")}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <FilterSelect
            name="status"
            label={t("reg.contest.status")}
            allLabel={t("reg.review.allStatuses")}
            options={REGISTRATION_STATUSES.map((s) => ({
              value: s,
              label: t(`rules.registration_status.${s}`),
            }))}
          />
          <button type="submit" className="btn btn--ghost">
            {t("reg.review.filter")}
          </button>
        </Form>
        <a
          className="btn btn--ghost btn--small"
          href={`/admin/contests/${contest.id}/export?format=csv${params.get("event") ? `&event=${params.get("event")}` : ""}`}
          download
        >
          {t("reg.contest.exportCsv")}
        </a>
        <a
          className="btn btn--ghost btn--small"
          href={`/admin/contests/${contest.id}/export?format=xlsx${params.get("event") ? `&event=${params.get("event")}` : ""}`}
          download
        >
          {t("reg.contest.exportXlsx")}
        </a>
      </div>
      <p className="muted small">{t("reg.review.shown", { shown: rows.length, total })}</p>

      {rows.length === 0 ? (
        <p>{t("reg.review.empty")}</p>
      ) : (
        // Remounted after each successful decision so no box stays ticked for the next one.
        <Form method="post" id="decide" key={(actionData?.ok ? actionData.at : null) ?? "decide"}>
          <FormAlert message={errors.ids ? t(keyOr(errors.ids)) : null} />
          {hydrated && clean.length > 0 ? (
            <label className="reg-select-all">
              <input type="checkbox" onChange={selectClean} />{" "}
              {t("reg.review.selectClean", { count: clean.length })}
            </label>
          ) : null}
          <div className="table-wrap" tabIndex={0}>
            <table {...stackTable.table} className="table table--stack table--stack-select">
              <thead {...stackTable.rowgroup}>
                <tr {...stackTable.row}>
                  <th {...stackTable.columnheader}>{t("reg.review.select")}</th>
                  <th {...stackTable.columnheader}>{t("reg.entry.entrant")}</th>
                  <th {...stackTable.columnheader}>{t("reg.review.organisation")}</th>
                  <th {...stackTable.columnheader}>{t("reg.entry.event")}</th>
                  <th {...stackTable.columnheader}>{t("reg.contest.status")}</th>
                  <th {...stackTable.columnheader}>{t("registration.entryNumber")}</th>
                </tr>
              </thead>
              <tbody {...stackTable.rowgroup}>
                {rows.map((r) => {
                  const label = r.worker?.name ?? r.team?.name ?? String(r.id);
                  return (
                    <tr key={r.id} {...stackTable.row}>
                      <td {...stackTable.cell()} className="reg-pick-cell">
                        {/* The label fills the cell: the whole cell (on a phone the card's
                            edge) ticks the box, not just the 20px box. */}
                        <label className="reg-pick">
                          <input
                            type="checkbox"
                            name="ids"
                            value={r.id}
                            aria-label={`${t("reg.review.select")} ${label}`}
                            data-clean={
                              r.status === "submitted" && r.flags.length === 0 ? "" : undefined
                            }
                          />
                        </label>
                      </td>
                      <td {...stackTable.cell()}>
                        {label}
                        {r.sharedIdentity ? (
                          <>
                            {" "}
                            <Link to="/admin/identities" className="badge badge--reviewing">
                              {t("reg.identity.flag")}
                            </Link>
                          </>
                        ) : null}
                        {r.worker ? (
                          <div className="muted small">
                            {r.worker.idNumberMasked}
                            {r.worker.skillLevel
                              ? ` · ${codeLabel(t, "rules.skill_level", r.worker.skillLevel)}`
                              : ""}
                          </div>
                        ) : null}
                        {r.team ? <div className="muted small">{teamLine(t, r.team)}</div> : null}
                      </td>
                      <td {...stackTable.cell(t("reg.review.organisation"))}>
                        {r.organisation.name}
                      </td>
                      <td {...stackTable.cell(t("reg.entry.event"))}>{r.event.name}</td>
                      <td {...stackTable.cell(t("reg.contest.status"))}>
                        <StatusBadge status={r.status} prefix="rules.registration_status" />
                        {r.reason ? <div className="muted small">{r.reason}</div> : null}
                        {r.flags.length > 0 ? (
                          <ul className="reg-flags">
                            {r.flags.map((f, i) => (
                              <li key={i}>{problemText(locale, f)}</li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                      <td {...stackTable.cell(t("registration.entryNumber"))}>
                        {r.entryNumber ?? "—"}
                        {r.blindCode ? (
                          <div className="muted small">
                            {t("reg.review.blindCode")} {r.blindCode}
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {/* Reject comes right after its reason and before Approve, on screen and in the
              DOM alike: Enter in a form presses its first submit button, so Enter in the
              reason rejects with that reason (it used to approve). Enter on a box with no
              reason asks for one, and nothing changes. */}
          <div className="reg-bulk">
            <TextField name="reason" label={t("reg.review.reason")} error={errors.reason} />
            <button type="submit" name="intent" value="reject" className="btn btn--danger">
              {t("reg.review.reject")}
            </button>
            <button type="submit" name="intent" value="approve" className="btn btn--primary">
              {t("reg.review.approve")}
            </button>
          </div>
        </Form>
      )}

      <h2>{t("reg.review.checkInTitle")}</h2>
      <p className="muted small">{t("reg.review.checkInHint")}</p>
      <div className="reg-links">
        {contest.events.map((e) => (
          <Form method="post" key={e.id} className="reg-inline">
            <input type="hidden" name="intent" value="checkin" />
            <input type="hidden" name="eventId" value={e.id} />
            <button type="submit" className="btn btn--ghost btn--small">
              {t("punct.labelled", { label: e.name, text: t("reg.review.checkIn") })}
            </button>
          </Form>
        ))}
      </div>
    </section>
  );
}
