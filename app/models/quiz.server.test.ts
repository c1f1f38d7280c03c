import { describe, expect, it } from "vitest";
import { prisma, write } from "~/db.server";
import { rankAttempts } from "~/domain/quiz";
import { createOrganisation, createWorker } from "~/test/factories";
import { createContest, createQuestions } from "~/test/quiz-factories";
import {
  closeExpiredAttempts,
  createQuiz,
  organisationLeaderboard,
  quizLeaderboard,
  saveAnswer,
  startAttempt,
  submitAttempt,
} from "./quiz.server";

const T0 = new Date("2026-11-22T02:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function setup() {
  const union = await createOrganisation({ kind: "federation" });
  const org = await createOrganisation({ parentId: union.id });
  await write((tx) =>
    tx.organisation.update({ where: { id: union.id }, data: { path: `/${union.id}/` } }),
  );
  await write((tx) =>
    tx.organisation.update({
      where: { id: org.id },
      data: { path: `/${union.id}/`, headcount: 4 },
    }),
  );
  const contest = await createContest("knowledge_quiz", union.id);
  await createQuestions(contest.id);
  const quiz = await createQuiz(contest.id, {
    name: "测试答题",
    timeLimitSec: 60,
    attemptsAllowed: 2,
    opensAt: at(-3600),
    closesAt: at(86400),
    plan: [{ category: "安全", count: 3 }],
    shuffle: true,
    onePerPage: true,
    pointsPerQuestion: 5,
  });
  if (!quiz.ok) throw new Error("quiz");
  return { union, org, quizId: quiz.id };
}

async function paperOf(attemptId: number) {
  const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  return (JSON.parse(row.paper) as { questionId: string }[]).map((p) => p.questionId);
}

describe("quiz attempts", () => {
  it("refuses a composition the bank cannot fill", async () => {
    const { union } = await setup();
    const contest = await createContest("knowledge_quiz", union.id);
    await createQuestions(contest.id, "法律", 2);
    const outcome = await createQuiz(contest.id, {
      name: "不够",
      timeLimitSec: 60,
      attemptsAllowed: 1,
      opensAt: at(0),
      closesAt: at(100),
      plan: [{ category: "法律", count: 3 }],
      shuffle: false,
      onePerPage: true,
      pointsPerQuestion: 1,
    });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.code)).toEqual([
      "quiz_category_too_few",
    ]);
  });

  it("saves answers as they go, ignores saves after the deadline and times the attempt out on the server", async () => {
    const { org, quizId } = await setup();
    const worker = await createWorker(org.id);
    const started = await startAttempt(quizId, { workerId: worker.id }, at(0));
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const [q1, q2] = await paperOf(started.attemptId);
    expect(await saveAnswer(started.attemptId, worker.id, q1 ?? "", ["B"], at(10))).toBe("saved");
    // Another worker cannot write into this attempt.
    const other = await createWorker(org.id);
    expect(await saveAnswer(started.attemptId, other.id, q1 ?? "", ["A"], at(11))).toBe(
      "not_found",
    );
    expect(await saveAnswer(started.attemptId, worker.id, q2 ?? "", ["B"], at(90))).toBe("late");
    const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(row).toMatchObject({ status: "timed_out", score: 500, durationMs: 60_000 });
    expect(await submitAttempt(started.attemptId, worker.id, at(95))).toBe("timed_out");
  });

  it("closes abandoned attempts when the board is read", async () => {
    const { org, quizId } = await setup();
    const worker = await createWorker(org.id);
    const started = await startAttempt(quizId, { workerId: worker.id }, at(0));
    if (!started.ok) throw new Error("start");
    expect(await closeExpiredAttempts(quizId, at(30))).toBe(0);
    expect(await closeExpiredAttempts(quizId, at(120))).toBe(1);
    expect(
      (await prisma.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } })).status,
    ).toBe("timed_out");
  });

  it("ranks best attempts by score then time, in the same order as the domain rule", async () => {
    const { union, org, quizId } = await setup();
    const plan: [correct: number, seconds: number][][] = [
      [[3, 40]],
      [[3, 30]],
      [
        [2, 10],
        [3, 50],
      ],
      [[1, 5]],
    ];
    const attempts: {
      attemptId: string;
      participantId: string;
      score: number;
      startedAt: Date;
      submittedAt: Date;
      deadline: Date;
    }[] = [];
    for (const [w, tries] of plan.entries()) {
      const worker = await createWorker(org.id);
      for (const [i, [correct, seconds]] of tries.entries()) {
        const start = at(1000 * w + 200 * i);
        const s = await startAttempt(quizId, { workerId: worker.id }, start);
        if (!s.ok) throw new Error("start");
        const paper = await paperOf(s.attemptId);
        for (const [k, q] of paper.entries())
          await saveAnswer(
            s.attemptId,
            worker.id,
            q,
            [k < correct ? "B" : "A"],
            at(1000 * w + 200 * i + 1),
          );
        await submitAttempt(s.attemptId, worker.id, at(1000 * w + 200 * i + seconds));
        const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: s.attemptId } });
        attempts.push({
          attemptId: String(row.id),
          participantId: String(worker.id),
          score: row.score ?? 0,
          startedAt: row.startedAt,
          submittedAt: row.submittedAt ?? start,
          deadline: row.deadline,
        });
      }
    }
    const board = await quizLeaderboard(quizId, 10);
    const expected = rankAttempts(attempts);
    expect(board.top.map((r) => [String(r.workerId), r.rank, r.score])).toEqual(
      expected.map((e) => [e.participantId, e.rank, e.score]),
    );
    expect(board.top.map((r) => r.score)).toEqual([1500, 1500, 1500, 500]);

    const orgs = await organisationLeaderboard(quizId, union.id);
    const mine = orgs.find((o) => o.organisationId === String(org.id));
    expect(mine).toMatchObject({ participants: 4, participationRate: 10000, averageScore: 1250 });
  });
});
