import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, FormAlert } from "~/components/form-fields";
import { JudgingProblems, judgingProblemText } from "~/components/judging-problems";
import { judgesSchema, scoringWindowSchema } from "~/forms/judging";
import { chinaInstant, toChinaInput } from "~/forms/fields";
import { formatDateTime, keyOr, useLocale, useT } from "~/i18n";
import { assignJudges, eventJudgesPage, setScoringWindow } from "~/models/judging.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { parseForm } from "~/utils/forms";
import { invalidForm, refused } from "~/http/refusal.server";
import { idParam } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.admin.judges");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const page = await eventJudgesPage(organiser.scope, idParam(params.eventId));
  if (!page) throw notFound();
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const eventId = idParam(params.eventId);
  if (!(await eventJudgesPage(user.scope, eventId))) throw notFound();
  const form = await readForm(request);
  if (form.get("intent") === "window") {
    const window = parseForm(scoringWindowSchema, form);
    if (!window.ok) return invalidForm(window.errors);
    await setScoringWindow(eventId, user.id, {
      opensAt: chinaInstant(window.data.scoringOpensAt),
      closesAt: chinaInstant(window.data.scoringClosesAt),
    });
    return { ok: true as const, windowSaved: true };
  }
  const parsed = parseForm(judgesSchema, form);
  if (!parsed.ok) return invalidForm(parsed.errors);
  const result = await assignJudges(user.scope, eventId, parsed.data, user.id);
  if (!result.ok) return refused(result.problems);
  return { ok: true as const };
}

export default function EventJudges() {
  const { event, judges, coverage, blocked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const assigned = new Set(event.judges.map((j) => j.userId));
  const reserves = new Set(event.judges.filter((j) => j.reserve).map((j) => j.userId));
  const chief = event.judges.find((j) => j.isChief)?.userId;
  const failure = actionData?.ok === false ? actionData : null;
  const error = failure?.errors.judgeIds ?? failure?.errors.chiefId;
  const saved = actionData?.ok && "windowSaved" in actionData;
  return (
    <section aria-labelledby="judges-title">
      <p className="eyebrow">{event.contest.name}</p>
      <h1 id="judges-title">
        {t("judging.admin.judges")} · {event.name}
      </h1>
      <p className="muted">{t("judging.judges.intro")}</p>
      {event.status === "scoring" ? (
        <p className="alert alert--info">{t("judging.judges.started_add_only")}</p>
      ) : null}
      {actionData?.ok && !saved ? (
        <div className="alert alert--success" role="status">
          {t("judging.judges.saved")}
        </div>
      ) : null}
      <JudgingProblems problems={failure?.problems} />
      <FormAlert message={error ? t(keyOr(error)) : null} />

      <section className="section" aria-labelledby="coverage-title">
        <h2 id="coverage-title">{t("judging.judges.coverage_title")}</h2>
        {coverage.length === 0 ? (
          <p>{t("judging.judges.coverage_ok")}</p>
        ) : (
          <div className="alert alert--error" role="alert">
            <ul className="problem-list">
              {coverage.map((gap) => (
                <li key={gap.organisation}>
                  {t("judging.judges.coverage_gap", {
                    organisation: gap.organisation,
                    entries: gap.entries,
                    judges: gap.judges,
                    criteria: gap.shortfalls
                      .map((s) =>
                        t(
                          s.exact
                            ? "judging.judges.coverage_need_exact"
                            : "judging.judges.coverage_need",
                          { criterion: s.criterion, need: s.need },
                        ),
                      )
                      .join(t("punct.list")),
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {blocked.length > 0 ? (
          <>
            <h3>{t("judging.judges.blocked_title")}</h3>
            <ul className="problem-list">
              {blocked.map((b) =>
                b.reasons.map((r, i) => (
                  <li key={`${b.registrationId}-${i}`}>
                    {t("punct.labelled", { label: b.organisation, text: judgingProblemText(t, r) })}
                  </li>
                )),
              )}
            </ul>
          </>
        ) : null}
      </section>

      <Form method="post">
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("judging.judges.assigned")}</th>
                <th scope="col">{t("judging.judges.chief")}</th>
                <th scope="col">{t("judging.judges.reserve")}</th>
                <th scope="col">{t("judging.judges.organisation")}</th>
              </tr>
            </thead>
            <tbody>
              {judges.map((j) => (
                <tr key={j.id}>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        name="judgeIds"
                        value={j.id}
                        defaultChecked={assigned.has(j.id)}
                      />{" "}
                      {j.displayName}
                      {t("punct.paren", { text: j.username })}
                    </label>
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="chiefId"
                      value={j.id}
                      defaultChecked={chief === j.id}
                      aria-label={`${t("judging.judges.chief")} ${j.displayName}`}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name="reserveIds"
                      value={j.id}
                      defaultChecked={reserves.has(j.id)}
                      aria-label={`${t("judging.judges.reserve")} ${j.displayName}`}
                    />
                  </td>
                  <td>{j.organisation?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small">{t("judging.judges.reserve_hint")}</p>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary">
            {t("judging.judges.save")}
          </button>
          <Link to="/admin/judging" className="btn btn--ghost">
            {t("judging.admin.back")}
          </Link>
        </div>
      </Form>

      <section className="section" aria-labelledby="window-title">
        <h2 id="window-title">{t("judge.window.title")}</h2>
        <p className="muted small">{t("judge.window.hint")}</p>
        {event.contest.startsAt && !event.scoringOpensAt ? (
          <p className="small">
            {t("judge.window.worklist", { from: formatDateTime(locale, event.contest.startsAt) })}
          </p>
        ) : null}
        {saved ? (
          <div className="alert alert--success" role="status">
            {t("judge.window.saved")}
          </div>
        ) : null}
        <Form method="post" className="form-grid">
          <input type="hidden" name="intent" value="window" />
          <DateField
            id="scoring-opens"
            name="scoringOpensAt"
            withTime
            label={t("judge.window.label.opens")}
            error={failure?.errors.scoringOpensAt}
            defaultValue={toChinaInput(event.scoringOpensAt)}
          />
          <DateField
            id="scoring-closes"
            name="scoringClosesAt"
            withTime
            label={t("judge.window.label.closes")}
            error={failure?.errors.scoringClosesAt}
            defaultValue={toChinaInput(event.scoringClosesAt)}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary">
              {t("judge.window.save")}
            </button>
          </div>
        </Form>
      </section>
    </section>
  );
}
