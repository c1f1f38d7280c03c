import { shuffle, type Rng } from "~/domain/contest/random";
import { optionIdsOf, type Question } from "./questions";

export interface LabelledOption {
  /** What the participant sees: A, B, C … */
  readonly label: string;
  /** The stable option id that answers are stored and scored by. */
  readonly optionId: string;
}

export interface ShuffledQuestion {
  readonly questionId: string;
  readonly options: readonly LabelledOption[];
}

const LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Shuffles the display order of a question's options per participant (so neighbours
 * cannot copy "C"), keeping the label → option id mapping for the answer sheet.
 * True/false keeps its fixed 对/错 order: shuffling two options only confuses people.
 */
export function shuffleOptions(question: Question, rng: Rng): ShuffledQuestion {
  const ids = optionIdsOf(question);
  if (ids.length > LABELS.length) throw new RangeError("Too many options to label");
  const order = question.type === "true_false" ? [...ids] : shuffle(ids, rng);
  return {
    questionId: question.id,
    options: order.map((optionId, i) => ({ label: LABELS[i] ?? "", optionId })),
  };
}

/** Translates the letters a participant picked back to option ids; null if a letter is not on the sheet. */
export function optionIdsForLabels(
  shuffled: ShuffledQuestion,
  labels: readonly string[],
): string[] | null {
  const ids: string[] = [];
  for (const label of labels) {
    const found = shuffled.options.find((o) => o.label === label.trim().toUpperCase());
    if (!found) return null;
    ids.push(found.optionId);
  }
  return ids;
}
