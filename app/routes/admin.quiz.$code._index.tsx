import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, FormAlert, SelectField, TextField } from "~/components/form-fields";
import { QuizRuleFields } from "~/components/quiz-rule-fields";
import { useZodForm } from "~/components/use-zod-form";
import {
  DRAW_MODES,
  checkQuestionRow,
  importedQuestion,
  questionImportColumns,
  type DrawMode,
  type PartialCredit,
  type QuizKind,
  type ReviewPolicy,
} from "~/domain/quiz";
import { validateImport } from "~/domain/registration/import-rows";
import { quizComposeSchema } from "~/forms/quiz";
import {
  formatDateTime,
  translate,
  translateProblem,
  useLocale,
  useT,
  type Locale,
  codeLabel,
  makeT,
  isMessageKey,
} from "~/i18n";
import { getLocale } from "~/http/locale.server";
import {
  createQuiz,
  getQuizContest,
  importQuestions,
  listQuizzes,
  questionBankSummary,
  scopeChoices,
} from "~/models/quiz.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import type { OrganiserScope } from "~/domain/organisation";
import quizStyles from "~/styles/quiz.css";
import { parseForm } from "~/utils/forms";
import { readXlsxTable } from "~/http/quiz-xlsx.server";
import { readForm } from "~/http/form-body.server";
import { invalidForm, refused, type ActionFailure } from "~/http/refusal.server";
import { refusalText } from "~/i18n/problem-text";
import { pageTitle } from "~/i18n/page-title";
import { publicPaths } from "~/utils/public-paths";
import { stackTable } from "~/components/stack-table";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, null, data?.contest.name);

const MAX_FILE_BYTES = 2 * 1024 * 1024;

async function contestOr404(scope: OrganiserScope, code: string | undefined) {
  const contest = await getQuizContest(scope, code ?? "");
  if (!contest) throw notFound();
  return contest;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const contest = await contestOr404(organiser.scope, params.code);
  const [bank, quizzes, scopes] = await Promise.all([
    questionBankSummary(contest.id),
    listQuizzes(contest.id),
    scopeChoices(contest.organiserId),
  ]);
  return { contest, bank, quizzes, scopes: scopes.map((s) => ({ id: s.id, name: s.name })) };
}

/** Import problems come from the shared import rules (rules.*) or from the quiz's own cells (quiz.*). */
function importMessage(
  locale: Locale,
  e: { code: string; params: Record<string, unknown> },
): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.params))
    if (typeof v === "string" || typeof v === "number") params[k] = v;
  if (typeof e.params.type === "string")
    params.type = codeLabel(makeT(locale), "rules.question_type", e.params.type);
  const quizKey = `quiz.${e.code}`;
  return isMessageKey(quizKey) && !isMessageKey(`rules.${e.code}`)
    ? translate(locale, quizKey, params)
    : translateProblem(locale, "rules", { code: e.code, params });
}

const MAX_QUESTION_ROWS = 5000;

/** "2026-11-22T09:30" typed by an organiser in Beijing. */
const beijing = (local: string) => new Date(`${local}:00+08:00`);

export async function action({ request, params }: ActionFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const contest = await contestOr404(organiser.scope, params.code);
  const locale = await getLocale(request);
  const formData = await readForm(request, "upload");
  const intent = formData.get("intent");
  if (intent === "import") {
    const file = formData.get("file");
    const noRows = { intent, rowErrors: [] as RowError[] };
    if (!(file instanceof File) || file.size === 0)
      return invalidForm({ file: "quiz.import.noFile" }, noRows);
    if (file.size > MAX_FILE_BYTES) return invalidForm({ file: "quiz.import.tooLarge" }, noRows);
    const table = await readXlsxTable(await file.arrayBuffer(), MAX_QUESTION_ROWS);
    if (!table) return invalidForm({ file: "quiz.import.notXlsx" }, noRows);
    const result = validateImport(table, questionImportColumns, {
      maxRows: MAX_QUESTION_ROWS,
      checkRow: checkQuestionRow,
    });
    if (!result.ok) {
      const rowErrors: RowError[] = result.problems.map((e) => ({
        row: e.row,
        column: e.column,
        message: importMessage(locale, e),
      }));
      // Nothing is imported: the refusal counts the problems, the table lists them.
      return refused([{ code: "quiz.import.failed", params: { count: rowErrors.length } }], 400, {
        intent,
        rowErrors,
      });
    }
    const count = await importQuestions(
      organiser.scope,
      contest.id,
      result.value.map((r) => importedQuestion(r.values)),
    );
    if (count === null) throw notFound();
    return {
      intent,
      rowErrors: [] as RowError[],
      message: translate(locale, "quiz.import.done", { count }),
      ok: true as const,
    };
  }
  if (intent === "compose") {
    const categories = formData.getAll("category").map(String);
    const parsed = parseForm(quizComposeSchema(categories.length), formData);
    if (!parsed.ok) return invalidForm(parsed.errors, { intent, rowErrors: [] as RowError[] });
    const v = parsed.data;
    const plan = categories
      .map((category, i) => {
        const difficulty = String(v[`difficulty_${i}`] ?? "");
        return {
          category,
          count: Number(v[`count_${i}`]),
          ...(difficulty ? { difficulty: Number(difficulty) } : {}),
        };
      })
      .filter((e) => e.count > 0);
    const outcome = await createQuiz(
      organiser.scope,
      contest.id,
      {
        name: String(v.name),
        kind: v.kind as QuizKind,
        timeLimitSec: Number(v.timeLimitSec),
        attemptsAllowed: Number(v.attemptsAllowed),
        pointsPerQuestion: Number(v.pointsPerQuestion),
        opensAt: beijing(String(v.opensAt)),
        closesAt: beijing(String(v.closesAt)),
        drawMode: v.drawMode as DrawMode,
        reviewPolicy: v.reviewPolicy as ReviewPolicy,
        partialCredit: v.partialCredit as PartialCredit,
        scopeOrgId: Number(v.scopeOrgId),
        shuffle: Boolean(v.shuffle),
        onePerPage: v.layout === "one",
        plan,
      },
      organiser.id,
    );
    if (!outcome) throw notFound();
    if (!outcome.ok) return refused(outcome.problems, 400, { intent, rowErrors: [] as RowError[] });
    return {
      intent,
      rowErrors: [] as RowError[],
      message: translate(locale, "quiz.compose.done"),
      ok: true as const,
    };
  }
  throw new Response("Bad Request", { status: 400 });
}

type RowError = { row: number; column: string | null; message: string };

type ActionResult =
  | { intent: string; ok: true; message: string; rowErrors: RowError[] }
  | (ActionFailure & { intent: string; rowErrors: RowError[] });

function beijingLocal(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

type BankSummary = {
  category: string;
  total: number;
  byDifficulty: Record<number, number>;
};

function ComposeForm({
  categories,
  scopes,
  result,
}: {
  categories: BankSummary[];
  scopes: { id: number; name: string }[];
  result?: ActionResult;
}) {
  const t = useT();
  const schema = quizComposeSchema(categories.length);
  const now = new Date();
  const defaults: Record<string, string | boolean> = {
    name: "",
    kind: "paper",
    scopeOrgId: String(scopes[0]?.id ?? ""),
    timeLimitSec: "1200",
    attemptsAllowed: "1",
    pointsPerQuestion: "5",
    opensAt: beijingLocal(now),
    closesAt: beijingLocal(new Date(now.getTime() + 14 * 86400_000)),
    drawMode: "personal",
    reviewPolicy: "after_close",
    partialCredit: "none",
    shuffle: true,
    layout: "one",
  };
  categories.forEach((_, i) => {
    defaults[`count_${i}`] = "0";
    defaults[`difficulty_${i}`] = "";
  });
  const mine = result?.intent === "compose" ? result : undefined;
  const { form, onSubmit, errorFor, field } = useZodForm(schema, {
    defaultValues: defaults,
    serverErrors: mine?.ok === false ? mine.errors : null,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="compose" />
      {mine?.ok === false ? <FormAlert message={refusalText(t, mine.problems)} /> : null}
      {mine?.ok ? (
        <p className="alert alert--success" role="status">
          {mine.message}
        </p>
      ) : null}
      <div className="form-grid">
        <TextField label={t("quiz.compose.name")} {...field("name")} />
        <SelectField
          label={t("quiz.compose.kind")}
          hint={t("quiz.compose.kindHint")}
          {...field("kind")}
        >
          <option value="paper">{t("rules.quiz_kind.paper")}</option>
          <option value="campaign">{t("rules.quiz_kind.campaign")}</option>
        </SelectField>
        <SelectField
          label={t("quiz.compose.scope")}
          hint={t("quiz.compose.scopeHint")}
          {...field("scopeOrgId")}
        >
          {scopes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("quiz.compose.timeLimit")}
          type="number"
          inputMode="numeric"
          hint={t("quiz.compose.timeLimitHint")}
          {...field("timeLimitSec")}
        />
        <TextField
          label={t("quiz.compose.attempts")}
          type="number"
          inputMode="numeric"
          hint={t("quiz.compose.attemptsHint")}
          {...field("attemptsAllowed")}
        />
        <TextField
          label={t("quiz.compose.points")}
          type="number"
          inputMode="numeric"
          {...field("pointsPerQuestion")}
        />
        <DateField label={t("quiz.compose.opensAt")} withTime {...field("opensAt")} />
        <DateField label={t("quiz.compose.closesAt")} withTime {...field("closesAt")} />
        <SelectField label={t("quiz.compose.drawMode")} {...field("drawMode")}>
          {DRAW_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`rules.quiz_draw_mode.${m}`)}
            </option>
          ))}
        </SelectField>
        <QuizRuleFields
          reviewPolicy={form.register("reviewPolicy")}
          partialCredit={form.register("partialCredit")}
          errorFor={errorFor}
        />
        <SelectField label={t("quiz.compose.layout")} {...field("layout")}>
          <option value="one">{t("quiz.layout.one")}</option>
          <option value="all">{t("quiz.layout.all")}</option>
        </SelectField>
        <label className="quiz-check">
          <input type="checkbox" {...form.register("shuffle")} /> {t("quiz.compose.shuffle")}
        </label>
      </div>
      <fieldset className="quiz-plan">
        <legend>{t("quiz.compose.plan")}</legend>
        <div className="form-grid">
          {categories.map((c, i) => (
            <div key={c.category} className="quiz-plan__row">
              <input type="hidden" name="category" value={c.category} />
              <TextField
                label={t("quiz.compose.countOf", { category: c.category, total: c.total })}
                type="number"
                inputMode="numeric"
                min={0}
                max={c.total}
                {...field(`count_${i}`)}
              />
              <SelectField
                label={t("quiz.compose.difficultyOf", { category: c.category })}
                {...field(`difficulty_${i}`)}
              >
                <option value="">{t("quiz.compose.anyDifficulty")}</option>
                {Object.entries(c.byDifficulty).map(([level, count]) => (
                  <option key={level} value={level}>
                    {t("quiz.compose.difficulty", { level, count })}
                  </option>
                ))}
              </SelectField>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {t("quiz.compose.submit")}
        </button>
      </div>
    </Form>
  );
}

export default function AdminQuizContest() {
  const { contest, bank, quizzes, scopes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const importResult = result?.intent === "import" ? result : undefined;
  return (
    <article aria-labelledby="contest-title" className="quiz">
      <p className="eyebrow">
        <Link to="/admin/quiz">{t("quiz.admin.title")}</Link>
      </p>
      <h1 id="contest-title">{contest.name}</h1>

      <section className="section" aria-labelledby="bank-title">
        <h2 id="bank-title">{t("quiz.bank.title")}</h2>
        {bank.length === 0 ? (
          <p className="muted">{t("quiz.bank.empty")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("quiz.bank.category")}</th>
                  <th scope="col">{t("rules.question_type.single")}</th>
                  <th scope="col">{t("rules.question_type.multiple")}</th>
                  <th scope="col">{t("rules.question_type.true_false")}</th>
                  <th scope="col">{t("quiz.bank.total")}</th>
                </tr>
              </thead>
              <tbody>
                {bank.map((b) => (
                  <tr key={b.category}>
                    <th scope="row">{b.category}</th>
                    <td>{b.single}</td>
                    <td>{b.multiple}</td>
                    <td>{b.true_false}</td>
                    <td>{b.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <Link to={`/admin/quiz/${encodeURIComponent(contest.code)}/questions`}>
            {t("quiz.bank.browse")}
          </Link>
        </p>
        <h3>{t("quiz.import.title")}</h3>
        <p className="muted small">
          {t("quiz.import.hint")}{" "}
          <a href={`/admin/quiz/${encodeURIComponent(contest.code)}/template`}>
            {t("quiz.import.template")}
          </a>
        </p>
        <Form method="post" encType="multipart/form-data" className="form-grid">
          <input type="hidden" name="intent" value="import" />
          <TextField
            label={t("quiz.import.file")}
            type="file"
            name="file"
            accept=".xlsx"
            error={importResult?.ok === false ? importResult.errors.file : undefined}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary">
              {t("quiz.import.submit")}
            </button>
          </div>
        </Form>
        {importResult?.ok ? (
          <p className="alert alert--success" role="status">
            {importResult.message}
          </p>
        ) : null}
        {importResult?.ok === false && importResult.rowErrors.length > 0 ? (
          <div className="alert alert--error" role="alert">
            <p>{refusalText(t, importResult.problems)}</p>
            <div className="table-wrap" tabIndex={0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("quiz.import.row")}</th>
                    <th scope="col">{t("quiz.import.column")}</th>
                    <th scope="col">{t("quiz.import.problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {importResult.rowErrors.map((e, i) => (
                    <tr key={i}>
                      <td>{e.row}</td>
                      <td>{e.column ?? "—"}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
      </section>

      <section className="section" aria-labelledby="quizzes-title">
        <h2 id="quizzes-title">{t("quiz.list.title")}</h2>
        {quizzes.length === 0 ? (
          <p className="muted">{t("quiz.list.empty")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table {...stackTable.table}>
              <thead {...stackTable.rowgroup}>
                <tr {...stackTable.row}>
                  <th {...stackTable.columnheader}>{t("quiz.compose.name")}</th>
                  <th {...stackTable.columnheader}>{t("quiz.list.kind")}</th>
                  <th {...stackTable.columnheader}>{t("quiz.list.window")}</th>
                  <th {...stackTable.columnheader}>{t("quiz.list.limit")}</th>
                  <th {...stackTable.columnheader}>{t("quiz.list.attempts")}</th>
                  <th {...stackTable.columnheader}>{t("quiz.list.board")}</th>
                </tr>
              </thead>
              <tbody {...stackTable.rowgroup}>
                {quizzes.map((q) => (
                  <tr key={q.id} {...stackTable.row}>
                    <td {...stackTable.cell()}>
                      <Link to={`/admin/quiz/${encodeURIComponent(contest.code)}/${q.id}`}>
                        {q.name}
                      </Link>
                    </td>
                    <td {...stackTable.cell(t("quiz.list.kind"))}>
                      {t(`rules.quiz_kind.${q.kind === "campaign" ? "campaign" : "paper"}`)}
                    </td>
                    <td {...stackTable.cell(t("quiz.list.window"))} className="small">
                      {formatDateTime(locale, q.opensAt)} — {formatDateTime(locale, q.closesAt)}
                    </td>
                    <td {...stackTable.cell(t("quiz.list.limit"))}>
                      {t("quiz.list.limitValue", {
                        minutes: Math.round(q.timeLimitSec / 6) / 10,
                        attempts: q.attemptsAllowed,
                      })}
                    </td>
                    <td {...stackTable.cell(t("quiz.list.attempts"))}>{q._count.attempts}</td>
                    <td {...stackTable.cell()}>
                      <Link to={publicPaths.quizBoard(q.id)}>{t("quiz.list.board")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="compose-title">
        <h2 id="compose-title">{t("quiz.compose.title")}</h2>
        {bank.length === 0 ? (
          <p className="muted">{t("quiz.compose.needBank")}</p>
        ) : (
          <ComposeForm
            key={bank.map((b) => b.category + b.total).join()}
            categories={bank}
            scopes={scopes}
            result={result}
          />
        )}
      </section>
    </article>
  );
}
