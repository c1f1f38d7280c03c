import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT, codeLabel } from "~/i18n";
import { notFound, requireOrganiser } from "~/http/session.server";
import { getQuizContest, listQuestions, questionBankSummary } from "~/models/quiz.server";
import quizStyles from "~/styles/quiz.css";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: quizStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "title.quiz.bank", data?.contest.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const contest = await getQuizContest(organiser.scope, params.code ?? "");
  if (!contest) throw notFound();
  const url = new URL(request.url);
  const category = (url.searchParams.get("category") ?? "").slice(0, 30);
  const search = (url.searchParams.get("q") ?? "").trim().slice(0, 50);
  const pageText = url.searchParams.get("page") ?? "1";
  const page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 1;
  const [categories, list] = await Promise.all([
    questionBankSummary(contest.id),
    listQuestions(contest.id, {
      category: category || undefined,
      search: search || undefined,
      page,
    }),
  ]);
  return {
    contest: { code: contest.code, name: contest.name },
    categories: categories.map((c) => c.category),
    filter: { category, search },
    ...list,
  };
}

const letters = (answer: string[]) =>
  answer.map((a) => (a === "true" ? "√" : a === "false" ? "×" : a)).join("");

export default function QuestionBank() {
  const { contest, categories, filter, questions, total, page, pages } =
    useLoaderData<typeof loader>();
  const t = useT();
  const base = `/admin/quiz/${encodeURIComponent(contest.code)}/questions`;
  const pageLink = (n: number) =>
    `${base}?${new URLSearchParams({ category: filter.category, q: filter.search, page: String(n) })}`;
  return (
    <article aria-labelledby="bank-title" className="quiz">
      <p className="eyebrow">
        <Link to="/admin/quiz">{t("quiz.admin.title")}</Link> ·{" "}
        <Link to={`/admin/quiz/${encodeURIComponent(contest.code)}`}>{contest.name}</Link>
      </p>
      <h1 id="bank-title">{t("quiz.questions.title")}</h1>
      <Form method="get" className="quiz-filter" aria-label={t("quiz.questions.filter")}>
        <label>
          <span>{t("quiz.bank.category")}</span>{" "}
          <select name="category" defaultValue={filter.category}>
            <option value="">{t("quiz.questions.allCategories")}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          <span>{t("quiz.questions.search")}</span>{" "}
          <input type="search" name="q" defaultValue={filter.search} maxLength={50} />
        </label>{" "}
        <button type="submit" className="btn btn--ghost btn--small">
          {t("quiz.questions.filter")}
        </button>
      </Form>
      <p className="muted small">{t("quiz.questions.count", { n: total })}</p>
      {questions.length === 0 ? (
        <p className="muted">{t("quiz.questions.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table" aria-labelledby="bank-title">
            <thead>
              <tr>
                <th scope="col">{t("quiz.questions.id")}</th>
                <th scope="col">{t("quiz.bank.category")}</th>
                <th scope="col">{t("quiz.questions.type")}</th>
                <th scope="col">{t("quiz.questions.stem")}</th>
                <th scope="col">{t("quiz.questions.answer")}</th>
                <th scope="col">{t("quiz.questions.difficulty")}</th>
                <th scope="col">{t("quiz.questions.edit")}</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => (
                <tr key={q.id}>
                  <td>{q.id}</td>
                  <td>{q.category}</td>
                  <td>{codeLabel(t, "rules.question_type", q.type)}</td>
                  <td>{q.stem}</td>
                  <td>{letters(q.answer)}</td>
                  <td>{q.difficulty}</td>
                  <td>
                    <Link to={`${base}/${q.id}`} aria-label={`${t("quiz.questions.edit")} ${q.id}`}>
                      {t("quiz.questions.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="quiz-nav" aria-label={t("quiz.questions.page", { page, pages })}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("quiz.questions.prev")}</Link> : <span />}
          <span className="small">{t("quiz.questions.page", { page, pages })}</span>
          {page < pages ? (
            <Link to={pageLink(page + 1)}>{t("quiz.questions.next")}</Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </article>
  );
}
