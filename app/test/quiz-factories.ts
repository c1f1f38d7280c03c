// Builders for labour and quiz model tests.
import { write } from "~/db.server";

let counter = 0;

export function createContest(kind: "labour_competition" | "knowledge_quiz", organiserId: number) {
  const n = ++counter;
  return write((tx) =>
    tx.contest.create({
      data: {
        year: 2026,
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

/** An organisation with its materialised path ("/1/5/12/"), as the seed builds them. */
export async function createOrgUnder(
  parent: { id: number; path: string } | null,
  kind = "enterprise",
  headcount = 0,
) {
  const org = await write((tx) =>
    tx.organisation.create({
      data: { name: `答题单位${++counter}`, kind, parentId: parent?.id ?? null, headcount },
    }),
  );
  const path = `${parent?.path ?? "/"}${org.id}/`;
  return write((tx) => tx.organisation.update({ where: { id: org.id }, data: { path } }));
}

/** Questions with explanations; the correct option of each is "B" (multiple: "A" and "B"). */
export async function createBank(
  contestId: number,
  specs: { category: string; count: number; type?: "single" | "multiple"; difficulty?: number }[],
) {
  const ids: number[] = [];
  for (const spec of specs) {
    for (let i = 0; i < spec.count; i++) {
      const q = await write((tx) =>
        tx.quizQuestion.create({
          data: {
            contestId,
            category: spec.category,
            type: spec.type ?? "single",
            stem: `${spec.category}题${i + 1}`,
            options: JSON.stringify([
              { id: "A", text: "甲" },
              { id: "B", text: "乙" },
              { id: "C", text: "丙" },
            ]),
            answer: JSON.stringify(spec.type === "multiple" ? ["A", "B"] : ["B"]),
            difficulty: spec.difficulty ?? 2,
            explanation: `${spec.category}题${i + 1}的解析`,
          },
        }),
      );
      ids.push(q.id);
    }
  }
  return ids;
}
