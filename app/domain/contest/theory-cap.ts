// A cap on the theory (knowledge) share of an event's total. Chinese skills contests commonly
// require the theory exam to carry at most 30% of the total (理论知识考试成绩占比不超过30%)
// so that the practical task decides the placings. A contest may set its own cap; otherwise
// the default of its kind applies. The cap is checked per round: each round's parts are
// weighted into that round's mark (see events.ts).
import type { ContestKind } from "./kinds";

/** Default caps in whole percent; null = no cap (a knowledge quiz is all theory). */
export const DEFAULT_THEORY_CAP_PCT: Readonly<Record<ContestKind, number | null>> = {
  skills_contest: 30,
  labour_competition: null,
  knowledge_quiz: null,
};

/** The cap that applies to a contest: its own, else its kind's default, else none. */
export function theoryCapPct(kind: string, contestCapPct: number | null): number | null {
  if (contestCapPct !== null) return contestCapPct;
  return DEFAULT_THEORY_CAP_PCT[kind as ContestKind] ?? null;
}

export interface WeightedPart {
  readonly kind: string;
  /** Whole percent of its round's mark. */
  readonly weight: number;
  readonly round?: string;
}

export type TheoryCapProblem = {
  readonly code: "event_theory_over_cap";
  readonly params: { readonly stage: string; readonly weight: number; readonly cap: number };
};

/** One problem per round whose theory parts weigh more than the cap. */
export function theoryCapProblems(
  parts: readonly WeightedPart[],
  capPct: number | null,
): TheoryCapProblem[] {
  if (capPct === null) return [];
  const theoryByRound = new Map<string, number>();
  for (const part of parts) {
    if (part.kind !== "theory") continue;
    const round = part.round ?? "final";
    theoryByRound.set(round, (theoryByRound.get(round) ?? 0) + part.weight);
  }
  return [...theoryByRound]
    .filter(([, weight]) => weight > capPct)
    .map(([stage, weight]) => ({
      code: "event_theory_over_cap",
      params: { stage, weight, cap: capPct },
    }));
}

/** A cap the organiser may set: a whole percent from 0 to 100. */
export function isTheoryCap(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 100;
}
