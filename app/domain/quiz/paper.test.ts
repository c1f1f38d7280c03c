import { describe, expect, it } from "vitest";
import { seededRng } from "~/domain/contest/random";
import {
  ANSWER_GRACE_SECONDS,
  composePaper,
  finishAttempt,
  parseAnswerSheet,
  parsePaper,
  recordAnswer,
  answerKeyOf,
  answerMask,
  answerRowsOf,
  maskPoints,
  pickedOfMask,
  scoreSheet,
} from "./paper";
import { PARTIAL_CREDIT_RULES } from "./scoring";
import type { Question } from "./questions";

const q = (id: string, category: string, type: Question["type"] = "single"): Question => ({
  id,
  type,
  category,
  options: [{ id: "A" }, { id: "B" }, { id: "C" }, { id: "D" }],
  correct: type === "multiple" ? ["A", "C"] : type === "true_false" ? ["true"] : ["B"],
  points: 5,
});
const bank = [
  q("1", "安全"),
  q("2", "安全"),
  q("3", "安全"),
  q("4", "法律", "multiple"),
  q("5", "法律", "true_false"),
];
const start = new Date("2026-11-22T08:00:00Z");
const deadline = new Date("2026-11-22T08:10:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("composePaper", () => {
  it("draws per category and keeps every option of each question", () => {
    const paper = composePaper(
      bank,
      [
        { category: "安全", count: 2 },
        { category: "法律", count: 2 },
      ],
      seededRng(7),
      {
        shuffleQuestions: true,
        shuffleOptions: true,
      },
    );
    expect(paper.ok).toBe(true);
    if (!paper.ok) return;
    expect(paper.value).toHaveLength(4);
    const tf = paper.value.find((p) => p.questionId === "5");
    expect(tf?.optionOrder).toEqual(["true", "false"]);
    for (const entry of paper.value.filter((p) => p.questionId !== "5"))
      expect([...entry.optionOrder].sort()).toEqual(["A", "B", "C", "D"]);
  });
  it("keeps bank order and option order when shuffling is off", () => {
    const paper = composePaper(bank, [{ category: "安全", count: 3 }], seededRng(1), {
      shuffleQuestions: false,
      shuffleOptions: false,
    });
    expect(paper.ok && paper.value.every((p) => p.optionOrder.join("") === "ABCD")).toBe(true);
  });
  it("reports a category that is too small", () => {
    const paper = composePaper(bank, [{ category: "法律", count: 3 }], seededRng(1), {
      shuffleQuestions: true,
      shuffleOptions: true,
    });
    expect(paper.ok ? [] : paper.problems.map((p) => p.code)).toEqual(["quiz_category_too_few"]);
  });
});

describe("stored paper and answers", () => {
  it("round-trips and drops malformed entries", () => {
    const paper = [{ questionId: "1", optionOrder: ["B", "A"] }];
    expect(parsePaper(JSON.stringify([...paper, { questionId: 3 }]))).toEqual(paper);
    expect(parsePaper("not json")).toEqual([]);
    expect(parseAnswerSheet(JSON.stringify({ "1": { o: ["A"], t: 5 }, "2": { o: "A" } }))).toEqual({
      "1": { o: ["A"], t: 5 },
    });
  });
});

describe("recordAnswer", () => {
  const paper = [{ questionId: "1", optionOrder: ["A", "B", "C", "D"] }];
  it("saves the latest choice with the server time", () => {
    const first = recordAnswer(paper, {}, "1", ["A"], at(10), deadline);
    expect(first.kind).toBe("saved");
    const second =
      first.kind === "saved"
        ? recordAnswer(paper, first.sheet, "1", ["B"], at(20), deadline)
        : first;
    expect(second).toEqual({ kind: "saved", sheet: { "1": { o: ["B"], t: at(20).getTime() } } });
  });
  it("refuses a save after the deadline plus grace, whatever the browser thinks", () => {
    expect(recordAnswer(paper, {}, "1", ["B"], at(600 + ANSWER_GRACE_SECONDS), deadline).kind).toBe(
      "saved",
    );
    expect(
      recordAnswer(paper, {}, "1", ["B"], at(600 + ANSWER_GRACE_SECONDS + 1), deadline).kind,
    ).toBe("late");
  });
  it("refuses questions and options not on the paper", () => {
    expect(recordAnswer(paper, {}, "9", ["A"], at(1), deadline).kind).toBe("not_on_paper");
    expect(recordAnswer(paper, {}, "1", ["Z"], at(1), deadline).kind).toBe("invalid_option");
  });
  it("clears an answer when nothing is chosen", () => {
    const saved = recordAnswer(paper, { "1": { o: ["A"], t: 1 } }, "1", [], at(1), deadline);
    expect(saved).toEqual({ kind: "saved", sheet: {} });
  });
});

describe("finishAttempt", () => {
  const questions = [bank[0], bank[3]].filter((x): x is Question => x !== undefined);
  it("scores a submission in time and counts the time taken", () => {
    const done = finishAttempt({
      questions,
      sheet: {
        "1": { o: ["B"], t: at(30).getTime() },
        "4": { o: ["A", "C"], t: at(60).getTime() },
      },
      startedAt: start,
      deadline,
      now: at(90),
    });
    expect(done).toMatchObject({
      status: "submitted",
      score: 1000,
      maxScore: 1000,
      correctCount: 2,
      durationMs: 90_000,
    });
  });
  it("times out after the deadline: the time taken is the limit and late answers do not count", () => {
    const done = finishAttempt({
      questions,
      sheet: {
        "1": { o: ["B"], t: at(30).getTime() },
        "4": { o: ["A", "C"], t: at(700).getTime() },
      },
      startedAt: start,
      deadline,
      now: at(3600),
    });
    expect(done).toMatchObject({
      status: "timed_out",
      score: 500,
      durationMs: 600_000,
      lateQuestionIds: ["4"],
    });
    expect(done.submittedAt).toEqual(deadline);
  });
  it("an automatic hand-in at the deadline is a timeout, keeping answers saved within the grace", () => {
    const done = finishAttempt({
      questions,
      sheet: { "1": { o: ["B"], t: at(600 + ANSWER_GRACE_SECONDS).getTime() } },
      startedAt: start,
      deadline,
      now: at(601),
    });
    expect(done).toMatchObject({ status: "timed_out", score: 500, durationMs: 600_000 });
    const early = finishAttempt({ questions, sheet: {}, startedAt: start, deadline, now: at(599) });
    expect(early.status).toBe("submitted");
  });
});

describe("answerRowsOf (the per-answer rows re-scoring reads)", () => {
  it("add up to scoreSheet's score of the stored JSON, malformed and late answers included", () => {
    const rng = seededRng(99);
    const byId = new Map(bank.map((b) => [b.id, b]));
    const ids = ["A", "B", "C", "D", "true", "false", "Z"];
    const sheets: [string, string][] = [
      ["not json", "{}"],
      ["[]", "not json"],
      [JSON.stringify([{ questionId: "1", optionOrder: ["A"] }, { questionId: 2 }]), "[]"],
      [
        JSON.stringify([{ questionId: "9", optionOrder: [] }]),
        JSON.stringify({ 9: { o: ["A"], t: 1 } }),
      ],
    ];
    for (let i = 0; i < 400; i++) {
      const paper = bank
        .filter(() => rng() < 0.7)
        .map((b) => ({ questionId: b.id, optionOrder: ["A", "B", "C", "D"] }));
      // A question twice on a paper counts once, as a hand-in reads the paper's questions.
      if (rng() < 0.1 && paper[0]) paper.push(paper[0]);
      const sheet: Record<string, unknown> = {};
      for (const entry of paper) {
        if (rng() < 0.2) continue;
        // Mostly the key or part of it (partial credit), else anything, unknown ids included.
        const key = byId.get(entry.questionId)!.correct;
        const picked = rng() < 0.7 ? key.filter(() => rng() < 0.7) : ids.filter(() => rng() < 0.35);
        if (rng() < 0.1) picked.push(picked[0] ?? "A");
        const t = deadline.getTime() + Math.floor((rng() - 0.9) * 10_000);
        sheet[entry.questionId] = rng() < 0.05 ? { o: "A", t } : { o: picked, t };
      }
      sheets.push([JSON.stringify(paper), JSON.stringify(sheet)]);
    }
    const keys = new Map(bank.map((b) => [b.id, answerKeyOf(b)]));
    for (const rule of PARTIAL_CREDIT_RULES) {
      const rows = sheets.map(([paper, answers]) =>
        answerRowsOf(keys, parsePaper(paper), parseAnswerSheet(answers), deadline, rule),
      );
      const scores = rows.map((r) => r.reduce((sum, a) => sum + a.points, 0));
      const reference = sheets.map(
        ([paper, answers]) =>
          scoreSheet(
            [...new Set(parsePaper(paper).map((p) => p.questionId))].flatMap(
              (id) => byId.get(id) ?? [],
            ),
            parseAnswerSheet(answers),
            deadline,
            rule,
          ).score,
      );
      expect(scores).toEqual(reference);
      expect(new Set(scores).size).toBeGreaterThan(5);
      // A row's mask alone gives its points (re-scoring reads nothing else), and only counted
      // choices have rows.
      for (const row of rows.flat()) {
        expect(row.chosen).toBeGreaterThan(0);
        expect(maskPoints(keys.get(row.questionId)!, row.chosen, rule)).toBe(row.points);
      }
    }
    expect(rows0(sheets, keys).some((r) => r.chosen & (1 << 30))).toBe(true);
  });

  it("masks choices by the question's options in bank order, foreign ids in one bit", () => {
    const ids = ["A", "B", "C", "D"];
    expect(answerMask(ids, ["C", "A", "C"])).toBe(0b101);
    expect(answerMask(ids, ["Z", "B", "Y"])).toBe((1 << 30) | 0b10);
    expect(pickedOfMask(ids, 0b1010)).toEqual(["B", "D"]);
    expect(pickedOfMask(ids, (1 << 30) | 1)).toEqual(["A", "\u0000"]);
    const multiple = answerKeyOf(bank[3]!);
    expect(maskPoints(multiple, 0b101, "none")).toBe(500);
    expect(maskPoints(multiple, 0b001, "none")).toBe(0);
    expect(maskPoints(multiple, 0b001, "half")).toBe(250);
    expect(maskPoints(multiple, 0b011, "half")).toBe(0);
    expect(maskPoints(multiple, (1 << 30) | 0b101, "proportional")).toBe(0);
    expect(maskPoints(answerKeyOf(bank[4]!), 0b01, "none")).toBe(500);
  });
});

function rows0(sheets: [string, string][], keys: Map<string, ReturnType<typeof answerKeyOf>>) {
  return sheets.flatMap(([paper, answers]) =>
    answerRowsOf(keys, parsePaper(paper), parseAnswerSheet(answers), null, "none"),
  );
}
