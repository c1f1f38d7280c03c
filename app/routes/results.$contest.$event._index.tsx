import type {
  ActionFunctionArgs,
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { FormAlert, SelectField, TextField } from "~/components/form-fields";
import { RESULTS_VISIBILITIES, isResultsVisibility } from "~/domain/contest/results-visibility";
import { DistributionChart } from "~/components/leaderboard-charts";
import { LeaderboardTable, OrganisationStandings } from "~/components/leaderboard-table";
import { useLiveReload } from "~/components/use-live-reload";
import { useZodForm } from "~/components/use-zod-form";
import { encodeCursor } from "~/domain/ranking/board";
import { leaderboardSettingsSchema } from "~/forms/leaderboard-settings";
import { formatDateTime, formatMark, useLocale, useT, keyOr } from "~/i18n";
import {
  distribution,
  eventStandings,
  loadBoard,
  setBoardSettings,
} from "~/models/leaderboard.server";
import { invalidForm } from "~/http/refusal.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { eventInScope } from "~/models/scope.server";
import { parseForm } from "~/utils/forms";
import { cached } from "~/http/leaderboard-cache.server";
import { boardCacheHeaders, boardQuery, resolveBoard } from "~/http/leaderboard-request.server";
import { fromShanghaiLocal, toShanghaiLocal } from "~/utils/shanghai-time";
import stylesHref from "~/styles/leaderboard.css";
import { readForm } from "~/http/form-body.server";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";
import { UserText } from "~/components/user-text";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.event.name, data?.event.contest.name);

// The loader decides whether the page may be shared (boardCacheHeaders); pass that on.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await resolveBoard(request, params);
  const { event, frozen, organiser, view } = access;
  const query = boardQuery(request);
  const build = () =>
    Promise.all([
      loadBoard(event, view, query),
      query.after ? Promise.resolve([]) : eventStandings(event.id, view, 0, 5),
      query.after ? Promise.resolve(null) : distribution(event, view),
    ]);
  // Everyone but the organiser gets the same page: computed at most once a second.
  const [board, standings, bins] = organiser
    ? await build()
    : await cached(
        `page|${event.id}|${view.hidden ? "h" : view.frozen ? "f" : "l"}|${new URL(request.url).search}`,
        [event.id],
        build,
      );
  return data(
    {
      event,
      frozen,
      organiser,
      hidden: view.hidden,
      query: { q: query.q, entry: query.entry, paged: query.after !== null },
      rows: board.rows,
      ranked: board.ranked,
      next: board.next ? encodeCursor(board.next) : null,
      search: board.search,
      mine: board.mine,
      sameName: board.sameName,
      standings,
      bins,
    },
    { headers: boardCacheHeaders(access) },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const { event } = await resolveBoard(request, params);
  if (!(await eventInScope(user.scope, event.id))) throw notFound();
  const formData = await readForm(request);
  if (formData.get("intent") === "unfreeze") {
    await setBoardSettings(user.id, event.id, {
      freezeAt: null,
      standingsBestN: event.standingsBestN,
    });
    return { ok: true as const, errors: null };
  }
  const parsed = parseForm(leaderboardSettingsSchema, formData);
  if (!parsed.ok) return invalidForm(parsed.errors);
  await setBoardSettings(user.id, event.id, {
    freezeAt: parsed.data.freezeAt ? fromShanghaiLocal(parsed.data.freezeAt) : null,
    standingsBestN: parsed.data.standingsBestN,
    resultsVisibility: parsed.data.resultsVisibility,
  });
  return { ok: true as const, errors: null };
}

/** Rows whose total moved since the previous render, lit for a few seconds. */
function useChangedRows(rows: { key: string; total: number }[]) {
  const previous = useRef<Map<string, number> | null>(null);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  useEffect(() => {
    const before = previous.current;
    previous.current = new Map(rows.map((r) => [r.key, r.total]));
    if (!before) return;
    const moved = new Set(rows.filter((r) => before.get(r.key) !== r.total).map((r) => r.key));
    if (moved.size === 0) return;
    setChanged(moved);
    const timer = setTimeout(() => setChanged(new Set()), 4_000);
    return () => clearTimeout(timer);
  }, [rows]);
  return changed;
}

export default function EventBoard() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const base = publicPaths.eventResults(d.event.contest.code, d.event.code);
  const live = useLiveReload(`${base}/live`);
  const changed = useChangedRows(d.rows);
  const showStd = d.event.contest.showStandardised;
  return (
    <article aria-labelledby="board-title" className="lb-page">
      <p className="eyebrow">
        <Link to={publicPaths.results(d.event.contest.code)}>
          <UserText text={d.event.contest.name} />
        </Link>{" "}
        · {t(`leaderboard.mode.${d.event.mode === "team" ? "team" : "individual"}`)}
      </p>
      <h1 id="board-title">
        <UserText text={d.event.name} />
      </h1>
      <p className="lb-meta">
        <span className="muted">{t("leaderboard.ranked", { count: d.ranked })}</span>
        <span className={`lb-live ${live ? "lb-live--on" : ""}`} title={t("leaderboard.liveHint")}>
          {t("leaderboard.live")}
        </span>
        <Link className="btn btn--ghost btn--small" to={`${base}/screen`}>
          {t("leaderboard.bigScreen")}
        </Link>
        {d.hidden ? null : (
          <>
            <a className="btn btn--ghost btn--small" href={`${base}/export?format=csv`} download>
              {t("leaderboard.export.csv")}
            </a>
            <a className="btn btn--ghost btn--small" href={`${base}/export?format=xlsx`} download>
              {t("leaderboard.export.xlsx")}
            </a>
          </>
        )}
      </p>
      {changed.size > 0 ? (
        <p className="alert alert--info" role="status">
          {t("leaderboard.updated")}
        </p>
      ) : null}
      {d.frozen && d.event.freezeAt ? (
        <p className="alert alert--info" role="note">
          {t(d.organiser ? "leaderboard.frozenOrganiser" : "leaderboard.frozen", {
            at: formatDateTime(locale, d.event.freezeAt),
          })}
        </p>
      ) : null}

      {d.hidden ? (
        <p className="alert alert--info" role="status">
          {t("leaderboard.hidden")}
        </p>
      ) : null}

      <div className="lb-tools">
        <Form method="get" className="lb-tool card" aria-labelledby="myrank-title">
          <h2 id="myrank-title" className="lb-tool__title">
            {t("leaderboard.myRank")}
          </h2>
          <TextField
            label={t("leaderboard.myRank.label")}
            hint={t("leaderboard.myRank.hint")}
            name="entry"
            defaultValue={d.query.entry}
            inputMode="text"
            autoComplete="off"
          />
          <button type="submit" className="btn btn--primary">
            {t("leaderboard.myRank.submit")}
          </button>
        </Form>
        <Form method="get" className="lb-tool card" role="search" aria-labelledby="search-title">
          <h2 id="search-title" className="lb-tool__title">
            {t("leaderboard.search")}
          </h2>
          <TextField
            label={t("leaderboard.search.label")}
            name="q"
            defaultValue={d.query.q}
            autoComplete="off"
          />
          <button type="submit" className="btn btn--ghost">
            {t("leaderboard.search.submit")}
          </button>
        </Form>
      </div>

      {d.query.entry ? (
        <section className="section" aria-labelledby="mine-title">
          <h2 id="mine-title">{t("leaderboard.myRank")}</h2>
          {d.mine ? (
            <>
              <p className="lb-mine" role="status">
                {t("leaderboard.myRank.summary", {
                  name: d.mine.me.name,
                  entry: d.mine.me.entryNumber ?? "",
                  rank: d.mine.me.rank,
                  total: formatMark(d.mine.me.total),
                  count: d.ranked,
                })}
              </p>
              <LeaderboardTable
                rows={[...d.mine.above, d.mine.me, ...d.mine.below]}
                mode={d.event.mode}
                showStandardised={showStd}
                standardisedDecimals={d.event.standardisedDecimals}
                highlight={d.mine.me.key}
              />
            </>
          ) : (
            <p className="alert alert--error" role="alert">
              {d.sameName > 0
                ? t("leaderboard.myRank.sameName", { entry: d.query.entry, count: d.sameName })
                : t("leaderboard.myRank.none", { entry: d.query.entry })}
            </p>
          )}
        </section>
      ) : null}

      {d.query.q ? (
        <section className="section" aria-labelledby="search-results-title">
          <h2 id="search-results-title">{t("leaderboard.search.results", { q: d.query.q })}</h2>
          {d.search && d.search.length > 0 ? (
            <LeaderboardTable
              rows={d.search}
              mode={d.event.mode}
              showStandardised={showStd}
              standardisedDecimals={d.event.standardisedDecimals}
            />
          ) : (
            <p className="muted">{t("leaderboard.search.none", { q: d.query.q })}</p>
          )}
        </section>
      ) : null}

      <section className="section" aria-labelledby="rows-title">
        <h2 id="rows-title" className="visually-hidden">
          <UserText text={d.event.name} />
        </h2>
        {d.rows.length === 0 ? (
          d.hidden ? null : (
            <p className="muted">{t("leaderboard.noResults")}</p>
          )
        ) : (
          <LeaderboardTable
            rows={d.rows}
            mode={d.event.mode}
            showStandardised={showStd}
            standardisedDecimals={d.event.standardisedDecimals}
            changed={changed}
          />
        )}
        <nav className="lb-pager" aria-label={t("leaderboard.next")}>
          {d.query.paged ? <Link to={base}>{t("leaderboard.first")}</Link> : null}
          {d.next ? (
            <Link to={`${base}?after=${d.next}`} rel="next">
              {t("leaderboard.next")}
            </Link>
          ) : null}
        </nav>
      </section>

      {d.bins && d.ranked > 0 ? (
        <section className="section" aria-labelledby="dist-title">
          <h2 id="dist-title">{t("leaderboard.distribution")}</h2>
          <DistributionChart bins={d.bins} />
        </section>
      ) : null}

      {!d.query.paged && d.standings.length > 0 ? (
        <section className="section" aria-labelledby="standings-title">
          <h2 id="standings-title">{t("leaderboard.standings")}</h2>
          <p className="muted small">
            {t("leaderboard.standings.lead", { n: d.event.standingsBestN })}
          </p>
          <OrganisationStandings
            rows={d.standings}
            orgHref={(id) => publicPaths.organisationResults(d.event.contest.code, id)}
          />
          <p>
            <Link to={`${base}/standings`}>{t("leaderboard.standings.all")}</Link>
          </p>
        </section>
      ) : null}

      {d.organiser ? (
        <SettingsForm
          freezeAt={d.event.freezeAt}
          bestN={d.event.standingsBestN}
          visibility={d.event.resultsVisibility}
          frozen={d.frozen}
        />
      ) : null}
    </article>
  );
}

function SettingsForm({
  freezeAt,
  bestN,
  visibility,
  frozen,
}: {
  freezeAt: string | null;
  bestN: number;
  visibility: string;
  frozen: boolean;
}) {
  const t = useT();
  const result = useActionData<typeof action>();
  const { form, onSubmit, field } = useZodForm(leaderboardSettingsSchema, {
    defaultValues: {
      intent: "settings",
      resultsVisibility: isResultsVisibility(visibility) ? visibility : "on_publication",
      freezeAt: freezeAt ? toShanghaiLocal(freezeAt) : "",
      standingsBestN: bestN,
    },
    serverErrors: result?.errors ?? null,
  });
  return (
    <section className="section card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("leaderboard.settings")}</h2>
      {result?.ok ? (
        <p className="alert alert--success" role="status">
          {t("leaderboard.settings.saved")}
        </p>
      ) : (
        <FormAlert message={result?.errors?._form ? t(keyOr(result.errors._form)) : null} />
      )}
      <Form method="post" onSubmit={onSubmit} noValidate className="form-grid">
        <input type="hidden" {...form.register("intent")} />
        <SelectField
          label={t("leaderboard.settings.visibility")}
          hint={t("leaderboard.settings.visibilityHint")}
          {...field("resultsVisibility")}
        >
          {RESULTS_VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {t(`leaderboard.settings.visibility.${v}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("leaderboard.settings.freezeAt")}
          type="datetime-local"
          hint={t("leaderboard.settings.freezeHint")}
          {...field("freezeAt")}
        />
        <TextField
          label={t("leaderboard.settings.bestN")}
          type="number"
          min={1}
          max={50}
          {...field("standingsBestN")}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn--primary">
            {t("leaderboard.settings.save")}
          </button>
        </div>
      </Form>
      {frozen ? (
        <Form method="post" className="form-actions">
          <input type="hidden" name="intent" value="unfreeze" />
          <button type="submit" className="btn btn--ghost">
            {t("leaderboard.settings.unfreeze")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
