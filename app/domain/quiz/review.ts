import type { AnswerSheet, PaperEntry } from "./paper";
import { ANSWER_GRACE_SECONDS, scoreSheet } from "./paper";
import type { Question } from "./questions";
import type { AnswerOutcome, Hundredths, PartialCredit } from "./scoring";
import { isLate } from "./timing";

export interface ReviewQuestion extends Question {
  readonly stem: string;
  readonly explanation: string;
}

export interface ReviewItem {
  readonly questionId: string;
  readonly stem: string;
  readonly type: Question["type"];
  /** In the order the worker saw them, labelled A, B … (true/false keeps its own words). */
  readonly options: readonly {
    readonly id: string;
    readonly text: string;
    readonly chosen: boolean;
    readonly correct: boolean;
  }[];
  readonly outcome: AnswerOutcome;
  readonly score: Hundredths;
  readonly maxScore: Hundredths;
  /** An answer saved after the deadline, which did not count. */
  readonly late: boolean;
  readonly explanation: string;
}

/**
 * What the worker answered beside the key, question by question, scored exactly as the
 * attempt was (the same rule and deadline), so the review never disagrees with the score.
 * Questions no longer in the bank are left out.
 */
export function reviewAttempt(input: {
  readonly paper: readonly PaperEntry[];
  readonly sheet: AnswerSheet;
  readonly questions: readonly ReviewQuestion[];
  readonly deadline: Date | null;
  readonly partialCredit: PartialCredit;
}): ReviewItem[] {
  const byId = new Map(input.questions.map((q) => [q.id, q]));
  const onPaper = input.paper.flatMap((p) => {
    const q = byId.get(p.questionId);
    return q ? [{ entry: p, q }] : [];
  });
  const scored = scoreSheet(
    onPaper.map((x) => x.q),
    input.sheet,
    input.deadline,
    input.partialCredit,
  );
  const late = new Set(scored.lateQuestionIds);
  return onPaper.map(({ entry, q }, i) => {
    const result = scored.perQuestion[i]!;
    const saved = input.sheet[q.id];
    const counted =
      saved && !isLate(new Date(saved.t), input.deadline, ANSWER_GRACE_SECONDS) ? saved.o : [];
    const texts = new Map(q.options.map((o) => [o.id, o.text ?? ""]));
    return {
      questionId: q.id,
      stem: q.stem,
      type: q.type,
      options: entry.optionOrder.map((id) => ({
        id,
        text: texts.get(id) ?? "",
        chosen: counted.includes(id),
        correct: q.correct.includes(id),
      })),
      outcome: result.outcome,
      score: result.score,
      maxScore: result.maxScore,
      late: late.has(q.id),
      explanation: q.explanation,
    };
  });
}
