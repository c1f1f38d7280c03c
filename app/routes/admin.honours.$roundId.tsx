import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { DateField, FormAlert, TextAreaField, TextField } from "~/components/form-fields";
import { RuleEvaluationList } from "~/components/honour-rules";
import { RoundHeader } from "~/components/round-header";
import { StatusBadge } from "~/components/status-badge";
import {
  MIN_NOTICE_CALENDAR_DAYS,
  REVIEW_CHECKLIST_ITEMS,
  checklistFrom,
  nextRoundStates,
  noticePeriodFromDates,
  type RoundState,
} from "~/domain/honours";
import { isoDateOf } from "~/domain/identity/dates";
import { advanceSchema } from "~/forms/honours-advance";
import { objectionBulkDismissalSchema, objectionHandlingSchema } from "~/forms/honours-objection";
import { reviewSchema, withdrawSchema } from "~/forms/honours-review";
import { formatDateTime, translate, useLocale, useT, codeLabel, type MessageKey } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import {
  advanceRound,
  dismissObjections,
  getRoundForOrganiser,
  recordObjectionHandling,
  reviewNomination,
  withdrawNomination,
} from "~/models/honour-round.server";
import { invalidForm, refused, type ActionFailure } from "~/http/refusal.server";
import { failureSentences } from "~/i18n/problem-text";
import type { KeyedProblem } from "~/utils/outcome";
import { notFound, requireOrganiser } from "~/http/session.server";
import { roundInScope } from "~/models/scope.server";
import honoursStyles from "~/styles/honours.css";
import { parseForm } from "~/utils/forms";
import { idParam, parseId } from "~/utils/ids";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.honours.rounds", data?.round.name);
export const links: LinksFunction = () => [{ rel: "stylesheet", href: honoursStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const round = await getRoundForOrganiser(organiser.scope, idParam(params.roundId));
  if (!round) throw notFound();
  return { ...round, today: isoDateOf(new Date()) };
}

/** The nomination or objection row an answer belongs to; neither for the round's own forms. */
type Placed = { nominationId?: number; objectionId?: number };
type ActionResult = ({ ok: true; message: string } | ActionFailure) & Placed;

function fail(problems: KeyedProblem[], placed: Placed = {}) {
  return refused<Placed>(problems, 400, placed);
}

/** Only the organiser reviews and moves a round; each intent is one model call and one write. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const roundId = idParam(params.roundId);
  // Another union's round is not found, whatever was posted.
  if (!(await roundInScope(user.scope, roundId))) throw notFound();
  const locale = await getLocale(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === "advance") {
    const parsed = parseForm(advanceSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors);
    const { to, noticeStart, noticeEnd, reason } = parsed.data;
    const notice = noticeStart && noticeEnd ? noticePeriodFromDates(noticeStart, noticeEnd) : null;
    const outcome = await advanceRound(user, roundId, to, { notice, reason });
    if (!outcome.ok) return fail(outcome.problems);
    return {
      ok: true as const,
      message: translate(locale, "honours.round.moved", {
        status: translate(locale, `rules.round_state.${to}`),
      }),
    };
  }
  if (intent === "review") {
    const raw = formData.get("nominationId");
    const nominationId = Number(raw);
    const parsed = parseForm(reviewSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors, { nominationId });
    const outcome = await reviewNomination(user, roundId, parsed.data.nominationId, {
      decision: parsed.data.decision,
      checklist: checklistFrom(parsed.data.checklist),
      reason: parsed.data.reason,
    });
    if (!outcome.ok) return fail(outcome.problems, { nominationId });
    return { ok: true as const, message: translate(locale, "honours.review.done"), nominationId };
  }
  if (intent === "withdraw") {
    const nominationId = parseId(formData.get("nominationId")) ?? 0;
    const parsed = parseForm(withdrawSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors, { nominationId });
    const outcome = await withdrawNomination(
      user,
      roundId,
      parsed.data.nominationId,
      parsed.data.reason,
    );
    if (!outcome.ok) return fail(outcome.problems, { nominationId });
    return { ok: true as const, message: translate(locale, "honours.review.done"), nominationId };
  }
  if (intent === "handle_objection") {
    const objectionId = parseId(formData.get("objectionId")) ?? 0;
    const parsed = parseForm(objectionHandlingSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors, { objectionId });
    const outcome = await recordObjectionHandling(
      user,
      roundId,
      parsed.data.objectionId,
      parsed.data,
    );
    if (!outcome.ok) return fail(outcome.problems, { objectionId });
    return { ok: true as const, message: translate(locale, "honours.review.done"), objectionId };
  }
  if (intent === "dismiss_objections") {
    const parsed = parseForm(objectionBulkDismissalSchema, formData);
    if (!parsed.ok) return invalidForm(parsed.errors);
    const ids = formData.getAll("objectionIds").flatMap((v) => parseId(v) ?? []);
    if (ids.length === 0) return fail([{ code: "honours.review.bulk.none", params: {} }]);
    const outcome = await dismissObjections(user, roundId, ids, parsed.data.note);
    if (!outcome.ok) return fail(outcome.problems);
    return {
      ok: true as const,
      message: translate(locale, "honours.review.bulk.done", { count: outcome.value }),
    };
  }
  return fail([{ code: "honours.form.choice", params: {} }]);
}

const ADVANCE_LABELS: Partial<Record<RoundState, MessageKey>> = {
  open: "honours.round.open",
  reviewing: "honours.round.toReview",
  public_notice: "honours.round.publish",
  conferred: "honours.round.confer",
};

function parseJson(value: string | null): Record<string, unknown> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export default function AdminRound() {
  const { round, nominations, evaluations, acceptedEvaluations, trail, today } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const busy = navigation.state === "submitting";
  const status = round.status as RoundState;
  const next = nextRoundStates(status);
  const names = new Map(nominations.map((n) => [n.id, n.nomineeName]));
  const lodged = nominations.flatMap((n) =>
    n.objections
      .filter((o) => o.status === "lodged")
      .map((o) => ({ id: o.id, text: o.text, nominee: n.nomineeName })),
  );
  const messageOf = (a: ActionResult) => (a.ok ? a.message : failureSentences(t, a));
  const rowMessage = (match: { nominationId?: number; objectionId?: number }) =>
    actionData &&
    ((match.nominationId && actionData.nominationId === match.nominationId) ||
      (match.objectionId && actionData.objectionId === match.objectionId)) ? (
      <p
        className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`}
        role={actionData.ok ? "status" : "alert"}
      >
        {messageOf(actionData)}
      </p>
    ) : null;
  const generalMessage =
    actionData && !actionData.nominationId && !actionData.objectionId ? actionData : null;

  const describe = (entry: (typeof trail)[number]) => {
    const before = parseJson(entry.before);
    const after = parseJson(entry.after);
    const name = names.get(entry.entityId) ?? "";
    if (entry.action === "honour_round.status") {
      return t("honours.audit.honour_round.status", {
        from: codeLabel(t, "rules.round_state", String(before.status)),
        to: codeLabel(t, "rules.round_state", String(after.status)),
      });
    }
    return codeLabel(t, "honours.audit", entry.action, { name: String(after.nominee ?? name) });
  };

  return (
    <section aria-labelledby="round-title" className="round-page">
      <RoundHeader
        titleId="round-title"
        eyebrow={<Link to="/admin/honours">{t("honours.rounds.title")}</Link>}
        round={round}
      />
      {round.noticeStartsAt ? (
        <p>
          <Link to={publicPaths.notice(round.id)}>{t("honours.round.noticeLink")}</Link>
        </p>
      ) : null}
      {status === "conferred" ? (
        <p>
          <a
            className="btn btn--primary"
            href={`/admin/honours/${round.id}/certificates.zip`}
            download
          >
            {t("honours.round.certificates")}
          </a>
        </p>
      ) : null}
      {params.get("created") && status === "draft" ? (
        <p className="alert alert--info">{t("honours.rounds.created")}</p>
      ) : null}
      {generalMessage ? (
        generalMessage.ok ? (
          <p className="alert alert--success" role="status">
            {generalMessage.message}
          </p>
        ) : (
          <FormAlert message={messageOf(generalMessage)} />
        )
      ) : null}

      {lodged.length > 1 ? (
        <section className="section card" aria-labelledby="bulk-objections">
          <h2 id="bulk-objections">{t("honours.review.bulk.title")}</h2>
          <p className="muted small">{t("honours.review.bulk.help")}</p>
          <Form method="post" className="review-form">
            <input type="hidden" name="intent" value="dismiss_objections" />
            <fieldset>
              <legend>{t("honours.review.objections")}</legend>
              {lodged.map((o) => (
                <label key={o.id} className="check">
                  <input type="checkbox" name="objectionIds" value={o.id} />{" "}
                  {t("honours.review.bulk.item", {
                    nominee: o.nominee,
                    text: o.text.length > 80 ? `${o.text.slice(0, 80)}…` : o.text,
                  })}
                </label>
              ))}
            </fieldset>
            <TextAreaField
              id="bulk-note"
              name="note"
              label={t("honours.review.bulk.note")}
              required
              maxLength={1000}
            />
            <button type="submit" className="btn btn--danger" disabled={busy}>
              {t("honours.review.bulk.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      <div className="round-columns">
        <RuleEvaluationList
          evaluations={evaluations}
          title={`${t("honours.round.rules")}${t("punct.paren", { text: t("honours.round.rules.live") })}`}
        />
        {status === "reviewing" || status === "public_notice" ? (
          <RuleEvaluationList
            evaluations={acceptedEvaluations}
            title={t("honours.round.rules.accepted")}
          />
        ) : null}
      </div>

      {next.length > 0 ? (
        <section className="section card" aria-labelledby="round-actions">
          <h2 id="round-actions">{t("honours.round.actions")}</h2>
          {next
            .filter(
              (to) => to !== "cancelled" && !(status === "public_notice" && to === "reviewing"),
            )
            .map((to) => (
              <Form method="post" key={to} className="advance-form">
                <input type="hidden" name="intent" value="advance" />
                <input type="hidden" name="to" value={to} />
                {to === "public_notice" ? (
                  <>
                    <DateField
                      id="notice-start"
                      name="noticeStart"
                      label={t("honours.round.noticeStart")}
                      defaultValue={today}
                      required
                    />
                    <DateField
                      id="notice-end"
                      name="noticeEnd"
                      label={t("honours.round.noticeEnd")}
                      required
                    />
                    <p className="field__hint">
                      {t("honours.round.noticeHint", { days: MIN_NOTICE_CALENDAR_DAYS })}
                    </p>
                  </>
                ) : null}
                {to === "public_notice" || to === "conferred" ? (
                  <label className="confirm-step__box">
                    <input type="checkbox" name="confirm" required />{" "}
                    {t(to === "conferred" ? "confirm.confer" : "confirm.notice", {
                      count: nominations.filter((n) => n.status === "accepted").length,
                    })}
                  </label>
                ) : null}
                <button type="submit" className="btn btn--primary" disabled={busy}>
                  {t(ADVANCE_LABELS[to] ?? `rules.round_state.${to}`)}
                </button>
              </Form>
            ))}
          {next
            .filter(
              (to) => to === "cancelled" || (status === "public_notice" && to === "reviewing"),
            )
            .map((to) => (
              <details key={to} className="advance-back">
                <summary>
                  {t(to === "cancelled" ? "honours.round.cancel" : "honours.round.reopen")}
                </summary>
                <Form method="post" className="advance-form">
                  <input type="hidden" name="intent" value="advance" />
                  <input type="hidden" name="to" value={to} />
                  <TextField
                    id={`reason-${to}`}
                    name="reason"
                    label={t("honours.round.reason")}
                    required
                    maxLength={500}
                  />
                  <button type="submit" className="btn btn--danger" disabled={busy}>
                    {t(to === "cancelled" ? "honours.round.cancel" : "honours.round.reopen")}
                  </button>
                </Form>
              </details>
            ))}
        </section>
      ) : null}

      <section className="section" aria-labelledby="nominees-title">
        <h2 id="nominees-title">{t("honours.review.title")}</h2>
        {nominations.length === 0 ? <p className="muted">{t("honours.review.empty")}</p> : null}
        <ul className="nomination-list">
          {nominations.map((n) => (
            <li key={n.id} className="card nomination" aria-label={n.nomineeName}>
              <div className="nomination__head">
                <h3 className="card__title">{n.nomineeName}</h3>
                <StatusBadge status={n.status} prefix="rules.nomination_state" />
              </div>
              <p className="muted small">
                {t("honours.review.nominatedBy", { name: n.organisation.name })}
                {n.worker?.position ? ` · ${n.worker.position}` : ""}
                {n.frontLine && n.worker?.position !== t("rules.nominee_attribute.front_line")
                  ? ` · ${t("rules.nominee_attribute.front_line")}`
                  : ""}
                {n.manager ? ` · ${t("rules.nominee_attribute.manager")}` : ""}
              </p>
              <p className="nomination__text">{n.supportingText}</p>
              {n.attachments.length > 0 ? (
                <p className="small">
                  {t("honours.review.attachments")}
                  {t("punct.colon")}
                  {n.attachments.map((a) => (
                    <a key={a.id} href={`/honours/attachments/${a.id}`} className="attachment-link">
                      {a.filename}
                      {t("punct.paren", { text: `${Math.ceil(a.size / 1024)} KB` })}
                    </a>
                  ))}
                </p>
              ) : null}
              {n.reason ? (
                <p className="small">{t("honours.review.reasonShown", { reason: n.reason })}</p>
              ) : null}
              {rowMessage({ nominationId: n.id })}
              {n.status === "submitted" && status === "reviewing" ? (
                <Form method="post" className="review-form">
                  <input type="hidden" name="intent" value="review" />
                  <input type="hidden" name="nominationId" value={n.id} />
                  <fieldset>
                    <legend>{t("honours.review.checklist")}</legend>
                    {REVIEW_CHECKLIST_ITEMS.map((item) => (
                      <label key={item} className="check">
                        <input
                          type="checkbox"
                          name="checklist"
                          value={item}
                          defaultChecked={n.checklist[item]}
                        />{" "}
                        {t(`honours.review.checklist.${item}`)}
                      </label>
                    ))}
                  </fieldset>
                  <TextField
                    id={`reason-${n.id}`}
                    name="reason"
                    label={t("honours.review.reason")}
                    maxLength={500}
                  />
                  <div className="form-actions">
                    <button
                      type="submit"
                      name="decision"
                      value="accepted"
                      className="btn btn--primary"
                      disabled={busy}
                    >
                      {t("honours.review.accept")}
                    </button>
                    <button
                      type="submit"
                      name="decision"
                      value="rejected"
                      className="btn btn--danger"
                      disabled={busy}
                    >
                      {t("honours.review.reject")}
                    </button>
                  </div>
                </Form>
              ) : null}
              {n.status === "accepted" && (status === "reviewing" || status === "public_notice") ? (
                <details className="advance-back">
                  <summary>{t("honours.review.withdraw")}</summary>
                  <Form method="post" className="advance-form">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="nominationId" value={n.id} />
                    <TextField
                      id={`withdraw-${n.id}`}
                      name="reason"
                      label={t("honours.review.withdrawReason")}
                      required
                      maxLength={500}
                    />
                    <button type="submit" className="btn btn--danger" disabled={busy}>
                      {t("honours.review.withdraw")}
                    </button>
                  </Form>
                </details>
              ) : null}
              {n.objections.length > 0 ? (
                <div className="objections">
                  <h4>{t("honours.review.objections")}</h4>
                  {n.objections.map((o) => (
                    <div key={o.id} className="objection">
                      <p>
                        <span
                          className={`badge badge--${o.status === "lodged" ? "submitted" : "conferred"}`}
                        >
                          {codeLabel(t, "rules.objection_state", o.status)}
                        </span>{" "}
                        {t("punct.labelled", {
                          label: formatDateTime(locale, o.lodgedAt),
                          text: o.text,
                        })}
                      </p>
                      <p className="muted small">
                        {t("honours.review.objection.contact", {
                          name: o.contactName,
                          phone: o.contactPhone,
                        })}
                      </p>
                      {rowMessage({ objectionId: o.id })}
                      {o.status === "handled" ? (
                        <p className="small">
                          {t("honours.review.objection.handled", {
                            outcome: codeLabel(
                              t,
                              "rules.objection_outcome",
                              o.outcome ?? "dismissed",
                            ),
                            note: o.handlingNote ?? "",
                          })}
                        </p>
                      ) : (
                        <Form method="post" className="review-form">
                          <input type="hidden" name="intent" value="handle_objection" />
                          <input type="hidden" name="objectionId" value={o.id} />
                          <fieldset>
                            <legend>{t("honours.review.objection.outcome")}</legend>
                            {(["dismissed", "upheld"] as const).map((outcome) => (
                              <label key={outcome} className="check">
                                <input type="radio" name="outcome" value={outcome} required />{" "}
                                {t(`rules.objection_outcome.${outcome}`)}
                              </label>
                            ))}
                          </fieldset>
                          <TextAreaField
                            id={`note-${o.id}`}
                            name="note"
                            label={t("honours.review.objection.note")}
                            required
                            maxLength={1000}
                          />
                          <button type="submit" className="btn btn--primary" disabled={busy}>
                            {t("honours.review.objection.record")}
                          </button>
                        </Form>
                      )}
                    </div>
                  ))}
                </div>
              ) : null}
              {n.award?.certificates.map((c) => (
                <p key={c.serial} className="small">
                  {t("honours.review.certificate")}
                  {t("punct.colon")}
                  <a href={`/certificates/${c.serial}.pdf`} download>
                    {t("honours.certificate.download")} {c.serial}
                  </a>{" "}
                  · <Link to={`/verify/${c.serial}`}>{t("honours.links.verify")}</Link>
                </p>
              ))}
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="trail-title">
        <h2 id="trail-title">{t("honours.round.trail")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table round-trail">
            <thead>
              <tr>
                <th scope="col">{t("honours.round.trail.when")}</th>
                <th scope="col">{t("honours.round.trail.who")}</th>
                <th scope="col">{t("honours.round.trail.what")}</th>
              </tr>
            </thead>
            <tbody>
              {trail.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(locale, entry.at)}</td>
                  <td>{entry.actor ?? t("honours.round.trail.public")}</td>
                  <td>
                    {describe(entry)}
                    {entry.reason ? <div className="muted small">{entry.reason}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  );
}
