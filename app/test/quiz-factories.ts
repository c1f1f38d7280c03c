// Builders for labour and quiz model tests.
import { write } from "~/db.server";

let counter = 0;

export function createContest(kind: "labour_competition" | "knowledge_quiz", organiserId: number) {
  const n = ++counter;
  return write((tx) =>
    tx.contest.create({
      data: {
        code: `T${kind.slice(0, 3)}${n}`,
        kind,
        name: `测试竞赛${n}`,
        organiserId,
        status: "in_progress",
      },
    }),
  );
}

/** Three single-choice questions in one category; the correct option is always "B". */
export async function createQuestions(contestId: number, category = "安全", count = 3) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const q = await write((tx) =>
      tx.quizQuestion.create({
        data: {
          contestId,
          category,
          type: "single",
          stem: `题目${i + 1}`,
          options: JSON.stringify([
            { id: "A", text: "甲" },
            { id: "B", text: "乙" },
            { id: "C", text: "丙" },
          ]),
          answer: JSON.stringify(["B"]),
        },
      }),
    );
    ids.push(q.id);
  }
  return ids;
}
