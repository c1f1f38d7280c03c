import { describe, expect, it } from "vitest";
import { seededRng } from "~/domain/contest/random";
import { optionIdsForLabels, shuffleOptions } from "./option-order";
import type { Question } from "./questions";
import { scoreAnswer } from "./scoring";

const q: Question = {
  id: "q",
  type: "multiple",
  category: "c",
  options: [{ id: "opt-1" }, { id: "opt-2" }, { id: "opt-3" }, { id: "opt-4" }],
  correct: ["opt-1", "opt-3"],
  points: 2,
};

describe("shuffleOptions", () => {
  it("relabels options A… in a shuffled order and keeps the mapping", () => {
    const shuffled = shuffleOptions(q, seededRng(11));
    expect(shuffled.options.map((o) => o.label)).toEqual(["A", "B", "C", "D"]);
    expect(new Set(shuffled.options.map((o) => o.optionId))).toEqual(
      new Set(["opt-1", "opt-2", "opt-3", "opt-4"]),
    );
    expect(shuffled).toEqual(shuffleOptions(q, seededRng(11)));
  });
  it("produces different orders for different participants", () => {
    const orders = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        shuffleOptions(q, seededRng(seed))
          .options.map((o) => o.optionId)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
  it("scores by original option ids whatever letters were shown", () => {
    for (let seed = 0; seed < 10; seed++) {
      const shuffled = shuffleOptions(q, seededRng(seed));
      const labels = shuffled.options
        .filter((o) => q.correct.includes(o.optionId))
        .map((o) => o.label);
      const ids = optionIdsForLabels(shuffled, labels);
      expect(scoreAnswer(q, ids)).toMatchObject({ outcome: "correct", score: 200 });
    }
  });
  it("keeps true/false in its fixed order", () => {
    const tf: Question = {
      id: "t",
      type: "true_false",
      category: "c",
      options: [],
      correct: ["false"],
      points: 1,
    };
    expect(shuffleOptions(tf, seededRng(5)).options).toEqual([
      { label: "A", optionId: "true" },
      { label: "B", optionId: "false" },
    ]);
  });
  it("refuses letters that are not on the sheet", () => {
    const shuffled = shuffleOptions(q, seededRng(1));
    expect(optionIdsForLabels(shuffled, ["a", " b "])).toHaveLength(2);
    expect(optionIdsForLabels(shuffled, ["E"])).toBeNull();
  });
});
