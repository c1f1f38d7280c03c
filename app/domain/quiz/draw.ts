import { compareText } from "~/domain/contest/ranking";
import { shuffle, type Rng } from "~/domain/contest/random";
import { err, ok, type Problem, type Result } from "~/domain/identity/result";
import type { Question, QuestionType } from "./questions";

export interface DrawPlanEntry {
  readonly category: string;
  /** Restrict this entry to one question type; otherwise any type in the category. */
  readonly type?: QuestionType;
  readonly count: number;
}

export type DrawProblem =
  | Problem<"quiz_category_too_few", { category: string; required: number; available: number }>
  | Problem<
      "quiz_category_type_too_few",
      { category: string; type: QuestionType; required: number; available: number }
    >;

export const DRAW_PROBLEM_CODES = Object.keys({
  quiz_category_too_few: true,
  quiz_category_type_too_few: true,
} satisfies Record<DrawProblem["code"], true>) as DrawProblem["code"][];

/**
 * Draws a paper without repeats. Entries are filled in plan order and no question is used
 * twice, so an entry for "safety / single" after one for "safety" only sees what is left.
 * Candidates are sorted by id before shuffling: the same seed then gives the same paper
 * however the database happened to order the bank, which makes a draw reproducible from
 * its recorded seed. All shortfalls are reported together.
 */
export function drawQuestions(
  bank: readonly Question[],
  plan: readonly DrawPlanEntry[],
  rng: Rng,
): Result<Question[], DrawProblem[]> {
  const used = new Set<string>();
  const paper: Question[] = [];
  const problems: DrawProblem[] = [];
  const sortedBank = [...bank].sort((a, b) => compareText(a.id, b.id));
  for (const entry of plan) {
    if (!Number.isInteger(entry.count) || entry.count < 0)
      throw new RangeError(`Invalid count for ${entry.category}`);
    const candidates = sortedBank.filter(
      (q) =>
        !used.has(q.id) &&
        q.category === entry.category &&
        (entry.type === undefined || q.type === entry.type),
    );
    if (candidates.length < entry.count) {
      const counts = {
        category: entry.category,
        required: entry.count,
        available: candidates.length,
      };
      problems.push(
        entry.type === undefined
          ? { code: "quiz_category_too_few", params: counts }
          : { code: "quiz_category_type_too_few", params: { ...counts, type: entry.type } },
      );
      continue;
    }
    for (const q of shuffle(candidates, rng).slice(0, entry.count)) {
      used.add(q.id);
      paper.push(q);
    }
  }
  return problems.length > 0 ? err(problems) : ok(paper);
}
