import { compareText } from "~/domain/contest/ranking";
import { seededRng, shuffle, type Rng } from "~/domain/contest/random";
import type { Problem } from "~/domain/identity/result";
import { fail, ok, type Outcome } from "~/utils/outcome";
import type { Question, QuestionType } from "./questions";

export interface DrawPlanEntry {
  readonly category: string;
  /** Restrict this entry to one question type; otherwise any type in the category. */
  readonly type?: QuestionType;
  /** Restrict this entry to one difficulty (1–5); otherwise any. */
  readonly difficulty?: number;
  readonly count: number;
}

export type DrawProblem =
  | Problem<"quiz_category_too_few", { category: string; required: number; available: number }>
  | Problem<
      "quiz_category_type_too_few",
      { category: string; type: QuestionType; required: number; available: number }
    >
  | Problem<
      "quiz_category_difficulty_too_few",
      { category: string; difficulty: number; required: number; available: number }
    >;

export const DRAW_PROBLEM_CODES = Object.keys({
  quiz_category_too_few: true,
  quiz_category_type_too_few: true,
  quiz_category_difficulty_too_few: true,
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
): Outcome<Question[], DrawProblem> {
  const used = new Set<string>();
  const paper: Question[] = [];
  const problems: DrawProblem[] = [];
  const sortedBank = [...bank].sort((a, b) => compareText(a.id, b.id));
  for (const entry of plan) {
    const candidates = candidatesFor(sortedBank, entry, used);
    if (candidates.length < entry.count) {
      problems.push(shortfall(entry, candidates.length));
      continue;
    }
    for (const q of shuffle(candidates, rng).slice(0, entry.count)) {
      used.add(q.id);
      paper.push(q);
    }
  }
  return problems.length > 0 ? fail(...problems) : ok(paper);
}

function candidatesFor(
  sortedBank: readonly Question[],
  entry: DrawPlanEntry,
  used: ReadonlySet<string>,
): Question[] {
  if (!Number.isInteger(entry.count) || entry.count < 0)
    throw new RangeError(`Invalid count for ${entry.category}`);
  return sortedBank.filter(
    (q) =>
      !used.has(q.id) &&
      q.category === entry.category &&
      (entry.type === undefined || q.type === entry.type) &&
      (entry.difficulty === undefined || q.difficulty === entry.difficulty),
  );
}

function shortfall(entry: DrawPlanEntry, available: number): DrawProblem {
  const counts = { category: entry.category, required: entry.count, available };
  if (entry.type !== undefined)
    return { code: "quiz_category_type_too_few", params: { ...counts, type: entry.type } };
  if (entry.difficulty !== undefined)
    return {
      code: "quiz_category_difficulty_too_few",
      params: { ...counts, difficulty: entry.difficulty },
    };
  return { code: "quiz_category_too_few", params: counts };
}

/**
 * The question set of one round when everyone gets the same questions (a campaign's day).
 * Each plan entry's candidates are put in one fixed order for the whole quiz (shuffled by the
 * quiz's seed) and round n takes the next `count` of them, so a bank of a thousand questions
 * serves a hundred days of ten without repeating one (百日千题); a smaller bank wraps round.
 * Same bank, seed and round: same set.
 */
export function drawRoundSet(
  bank: readonly Question[],
  plan: readonly DrawPlanEntry[],
  seed: number,
  round: number,
): Outcome<Question[], DrawProblem> {
  const used = new Set<string>();
  const set: Question[] = [];
  const problems: DrawProblem[] = [];
  const sortedBank = [...bank].sort((a, b) => compareText(a.id, b.id));
  plan.forEach((entry, index) => {
    const candidates = candidatesFor(sortedBank, entry, new Set());
    const fresh = candidates.filter((q) => !used.has(q.id));
    if (fresh.length < entry.count) {
      problems.push(shortfall(entry, fresh.length));
      return;
    }
    if (entry.count === 0) return;
    const order = shuffle(candidates, seededRng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0));
    let i = ((round - 1) * entry.count) % order.length;
    let taken = 0;
    // At most one lap: `fresh` has enough questions, so the lap always finds them.
    for (let step = 0; step < order.length && taken < entry.count; step++) {
      const q = order[i]!;
      i = (i + 1) % order.length;
      if (used.has(q.id)) continue;
      used.add(q.id);
      set.push(q);
      taken++;
    }
  });
  return problems.length > 0 ? fail(...problems) : ok(set);
}
