import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { seededRng } from "~/domain/contest/random";
import {
  PARTIAL_CREDIT_RULES,
  answerKeyOf,
  answerRowsOf,
  parseAnswerSheet,
  parsePaper,
  quizRankKey,
  scoreSheet,
  type PartialCredit,
  type Question,
} from "~/domain/quiz";
import { TOP_ADMIN, createUser, createWorker } from "~/test/factories";
import { createBank, createContest, createOrgUnder } from "~/test/quiz-factories";
import { quizPeopleBoard, rebuildQuizBoards } from "./quiz-board.server";
import { listRescores, runRescore, startRescore } from "./quiz-rescore.server";
import {
  correctQuestion,
  createQuiz,
  saveAnswer,
  startAttempt,
  submitAttempt,
  updateQuizRules,
} from "./quiz.server";

const DAY1 = new Date("2026-11-20T00:00:00+08:00");
const at = (day: number, hours: number, seconds = 0) =>
  new Date(DAY1.getTime() + ((day - 1) * 24 + hours) * 3_600_000 + seconds * 1000);

async function setup() {
  const federation = await createOrgUnder(null, "federation");
  const orgs = [
    await createOrgUnder(federation, "enterprise", 10),
    await createOrgUnder(federation, "enterprise", 20),
    await createOrgUnder(federation, "enterprise", 0),
  ];
  const contest = await createContest("knowledge_quiz", federation.id);
  const questionIds = await createBank(contest.id, [
    { category: "安全", count: 8 },
    { category: "法律", count: 4, type: "multiple" },
  ]);
  const created = await createQuiz(TOP_ADMIN.scope, contest.id, {
    name: "百日千题（测试）",
    kind: "campaign",
    timeLimitSec: 600,
    attemptsAllowed: 2,
    opensAt: DAY1,
    closesAt: at(8, 0),
    plan: [
      { category: "安全", count: 2 },
      { category: "法律", count: 1 },
    ],
    drawMode: "personal",
    shuffle: true,
    onePerPage: true,
    pointsPerQuestion: 5,
    reviewPolicy: "after_close",
    partialCredit: "none",
    scopeOrgId: federation.id,
  });
  if (!created?.ok) throw new Error("quiz");
  const workers = [];
  for (let i = 0; i < 18; i++) workers.push(await createWorker(orgs[i % 3]!.id));
  const admin = await createUser({ role: "admin", organisationId: federation.id });
  return { federation, contest, quizId: created.value.id, workers, questionIds, admin };
}

/** One attempt with random answers, handed in after a random time. */
async function randomAttempt(
  quizId: number,
  workerId: number,
  start: Date,
  rng: () => number,
  choose: (options: readonly string[]) => string[] = (options) => options.filter(() => rng() < 0.5),
) {
  const s = await startAttempt(quizId, { workerId }, start);
  if (!s.ok) return;
  const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: s.value.attemptId } });
  for (const entry of parsePaper(row.paper)) {
    const pick = choose(entry.optionOrder);
    await saveAnswer(
      s.value.attemptId,
      workerId,
      entry.questionId,
      pick,
      new Date(start.getTime() + 500),
    );
  }
  await submitAttempt(
    s.value.attemptId,
    workerId,
    new Date(start.getTime() + 5_000 + Math.floor(rng() * 60_000)),
  );
}

async function boardTables(quizId: number) {
  const [standings, counts, orgs] = await Promise.all([
    prisma.quizStanding.findMany({
      where: { quizId },
      orderBy: [{ workerId: "asc" }, { day: "asc" }],
    }),
    prisma.quizRankCount.findMany({
      where: { quizId, count: { not: 0 } },
      orderBy: [{ day: "asc" }, { level: "asc" }, { bucket: "asc" }],
    }),
    prisma.quizOrgStanding.findMany({
      where: { quizId, participants: { not: 0 } },
      orderBy: [{ day: "asc" }, { organisationId: "asc" }],
    }),
  ]);
  return { standings, counts, orgs };
}

/** The bank as a hand-in scores it. */
async function bankOf(contestId: number, points: number): Promise<Map<string, Question>> {
  return new Map(
    (await prisma.quizQuestion.findMany({ where: { contestId } })).map((q) => [
      String(q.id),
      {
        id: String(q.id),
        type: q.type as Question["type"],
        category: q.category,
        options: JSON.parse(q.options) as { id: string }[],
        correct: JSON.parse(q.answer) as string[],
        points,
      } satisfies Question,
    ]),
  );
}

/**
 * Every finished attempt's QuizAnswer rows are its JSON answers that count, as masks with the
 * points of the current key and rule, and add up to its score; unfinished attempts have none.
 */
async function expectRowsAgree(quizId: number, contestId: number, rule: PartialCredit) {
  const keys = new Map(
    [...(await bankOf(contestId, 5))].map(([id, q]) => [id, answerKeyOf(q)] as const),
  );
  const attempts = await prisma.quizAttempt.findMany({ where: { quizId }, orderBy: { id: "asc" } });
  const rows = await prisma.quizAnswer.findMany({
    where: { quizId },
    orderBy: [{ attemptId: "asc" }, { questionId: "asc" }],
  });
  const expected = attempts.flatMap((a) =>
    a.status === "in_progress"
      ? []
      : answerRowsOf(keys, parsePaper(a.paper), parseAnswerSheet(a.answers), a.deadline, rule)
          .map((r) => ({
            attemptId: a.id,
            quizId,
            workerId: a.workerId,
            questionId: Number(r.questionId),
            chosen: r.chosen,
            points: r.points,
          }))
          .sort((x, y) => x.questionId - y.questionId),
  );
  expect(rows).toEqual(expected);
  expect(rows.length).toBeGreaterThan(attempts.length);
  const sums = new Map<number, number>();
  for (const r of rows) sums.set(r.attemptId, (sums.get(r.attemptId) ?? 0) + r.points);
  for (const a of attempts)
    if (a.status !== "in_progress") {
      expect(a.answerRows).toBe(true);
      expect(sums.get(a.id) ?? 0, `attempt ${a.id}`).toBe(a.score);
    }
}

/** Every worker's place from the board against a plain sort of the standings. */
async function expectRanksAgree(quizId: number, day: number) {
  const rows = await prisma.quizStanding.findMany({ where: { quizId, day } });
  const keys = rows.map((r) => quizRankKey(r.points, Number(r.durationMs)));
  for (const [i, r] of rows.entries()) {
    const expected = 1 + keys.filter((k) => k > keys[i]!).length;
    expect(
      (await quizPeopleBoard(quizId, day, 1, r.workerId)).mine?.rank,
      `worker ${r.workerId}`,
    ).toBe(expected);
  }
}

describe("quiz boards kept up to date with every hand-in", () => {
  it("agree with a rebuild from the attempts, and rank like a plain sort", async () => {
    const { quizId, workers } = await setup();
    const rng = seededRng(16);
    for (let day = 1; day <= 4; day++)
      for (const w of workers) {
        if (rng() < 0.3) continue;
        await randomAttempt(quizId, w.id, at(day, 8 + rng() * 10), rng);
        if (rng() < 0.4) await randomAttempt(quizId, w.id, at(day, 20), rng);
      }
    const incremental = await boardTables(quizId);
    expect(incremental.standings.length).toBeGreaterThan(40);
    await rebuildQuizBoards(quizId);
    expect(await boardTables(quizId)).toEqual(incremental);
    await expectRanksAgree(quizId, 0);
    await expectRanksAgree(quizId, 2);
    // Empty buckets are dropped as standings move, not left behind.
    expect(await prisma.quizRankCount.count({ where: { quizId, count: 0 } })).toBe(0);
  });
});

describe("re-scoring", () => {
  it("applies a corrected answer to every attempt and the boards, while workers keep handing in", async () => {
    const { quizId, workers, questionIds, contest, admin } = await setup();
    const rng = seededRng(7);
    for (let day = 1; day <= 3; day++)
      for (const w of workers) await randomAttempt(quizId, w.id, at(day, 9 + rng() * 8), rng);

    // The key of one question was wrong: B → C.
    const target = questionIds[0]!;
    const corrected = await correctQuestion(
      contest.id,
      target,
      { answer: ["C"], explanation: "依据新修订的规程。", reason: "答案有误" },
      admin.id,
    );
    expect(corrected).toEqual({ ok: true, value: { changed: true } });
    const before = await prisma.quizAttempt.findMany({ where: { quizId } });
    const jobId = await startRescore(quizId, admin.id, "第1题答案更正");
    // Small chunks, with hand-ins of day 4 landing between them.
    const late = workers.slice(0, 6).map((w, i) => randomAttempt(quizId, w.id, at(4, 9, i), rng));
    // On the scoring thread, as a big quiz would be.
    const [job] = await Promise.all([
      runRescore(jobId, { chunkAttempts: 7, thread: true }),
      ...late,
    ]);
    expect(job).toMatchObject({ status: "done" });
    expect(job?.done).toBeGreaterThanOrEqual(job?.total ?? 1);

    // Every stored score equals a fresh scoring with the corrected key.
    const afterJob = await boardTables(quizId);
    const attempts = await prisma.quizAttempt.findMany({ where: { quizId } });
    // Papers are drawn at random: the job counts exactly the attempts whose score moved, which
    // may (rarely) be none of those holding the question.
    const scoreBefore = new Map(before.map((a) => [a.id, a.score]));
    expect(job?.changed).toBe(
      attempts.filter((a) => scoreBefore.has(a.id) && scoreBefore.get(a.id) !== a.score).length,
    );
    const containing = attempts.filter((a) =>
      parsePaper(a.paper).some((p) => p.questionId === String(target)),
    );
    expect(containing.length).toBeGreaterThan(0);
    // The same job on this thread (where no scoring thread can start) finds nothing left to change.
    const again = await startRescore(quizId, admin.id, "复核");
    expect(await runRescore(again, { thread: false })).toMatchObject({
      status: "done",
      changed: 0,
    });
    await rebuildQuizBoards(quizId);
    expect(await boardTables(quizId)).toEqual(afterJob);
    await expectRanksAgree(quizId, 0);

    const audit = await prisma.auditLog.findMany({
      where: { entityType: "Quiz", entityId: quizId },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "quiz.create",
      "quiz.rescore.start",
      "quiz.rescore.finish",
      "quiz.rescore.start",
      "quiz.rescore.finish",
    ]);
    expect(
      await prisma.auditLog.findFirst({ where: { entityType: "QuizQuestion", entityId: target } }),
    ).toMatchObject({ action: "quiz.question.correct", reason: "答案有误", actorId: admin.id });
    const jobs = await listRescores(quizId, new Date());
    expect(jobs[0]).toMatchObject({ status: "done", changed: 0 });
  });

  it("stops a job that a newer one superseded, and re-scores under a new partial-credit rule", async () => {
    const { quizId, workers, admin } = await setup();
    const rng = seededRng(3);
    const [half, ...rest] = workers;
    for (const w of rest) await randomAttempt(quizId, w.id, at(1, 9), rng);
    // The paper's option order is drawn by the server, so random picks may miss every strict
    // subset; this worker answers "A" everywhere: half of each multiple-choice key ("A","B").
    await randomAttempt(quizId, half!.id, at(1, 9), rng, () => ["A"]);
    const first = await startRescore(quizId, admin.id, "一");
    const second = await startRescore(quizId, admin.id, "二");
    expect(await runRescore(first)).toMatchObject({ status: "superseded" });
    expect(
      await updateQuizRules(
        quizId,
        { reviewPolicy: "after_close", partialCredit: "half" },
        admin.id,
      ),
    ).toEqual({
      scoringChanged: true,
    });
    await runRescore(second);
    const tables = await boardTables(quizId);
    await rebuildQuizBoards(quizId);
    expect(await boardTables(quizId)).toEqual(tables);
    // Half points exist only for strict subsets of a multiple-choice key: some random answers are.
    const points = tables.standings.filter((s) => s.day === 1).map((s) => s.points % 500);
    expect(points.some((p) => p === 250)).toBe(true);
    expect(tables.standings.find((s) => s.workerId === half!.id && s.day === 1)?.points).toBe(250);
  });

  it("gives exactly the scores and boards of scoring from scratch, under each partial-credit rule", async () => {
    const { quizId, workers, questionIds, contest, admin } = await setup();
    const rng = seededRng(21);
    for (let day = 1; day <= 3; day++)
      for (const w of workers) {
        await randomAttempt(quizId, w.id, at(day, 9 + rng() * 8), rng);
        if (rng() < 0.3) await randomAttempt(quizId, w.id, at(day, 20), rng);
      }
    // A multiple-choice key gains its third option (thirds under proportional credit), and a
    // single-choice key moves: nearly every attempt's score can change.
    const multiple = questionIds[8]!;
    for (const [id, answer] of [
      [multiple, ["A", "B", "C"]],
      [questionIds[0]!, ["A"]],
    ] as const)
      expect(
        await correctQuestion(
          contest.id,
          id,
          { answer: [...answer], explanation: "", reason: "更正" },
          admin.id,
        ),
      ).toEqual({ ok: true, value: { changed: true } });

    for (const [i, rule] of (["proportional", "half", "none"] as const).entries()) {
      expect(PARTIAL_CREDIT_RULES).toContain(rule);
      await updateQuizRules(quizId, { reviewPolicy: "after_close", partialCredit: rule }, admin.id);
      const before = await prisma.quizAttempt.findMany({
        where: { quizId },
        orderBy: { id: "asc" },
      });
      const job = await startRescore(quizId, admin.id, rule);
      // Chunks of a few workers; the first rule on the scoring thread, as a big quiz runs.
      const done = await runRescore(job, { chunkAttempts: 5 + i * 20, thread: i === 0 });
      expect(done).toMatchObject({ status: "done" });

      // From scratch: every finished attempt scored by the domain's reference rule, whole.
      const bank = await bankOf(contest.id, 5);
      const after = await prisma.quizAttempt.findMany({
        where: { quizId },
        orderBy: { id: "asc" },
      });
      const expected = after.map((a) =>
        a.status === "in_progress"
          ? null
          : scoreSheet(
              parsePaper(a.paper).flatMap((p) => bank.get(p.questionId) ?? []),
              parseAnswerSheet(a.answers),
              a.deadline,
              rule,
            ).score,
      );
      expect(after.map((a) => (a.status === "in_progress" ? null : a.score))).toEqual(expected);
      expect(done?.changed).toBe(after.filter((a, k) => a.score !== before[k]!.score).length);
      const partial = after.filter((a) => a.score! % 500 !== 0).length;
      if (rule === "none") expect(partial).toBe(0);
      else expect(partial).toBeGreaterThan(0);

      // The boards the chunks left equal boards rebuilt from those scores, to the last count.
      const tables = await boardTables(quizId);
      expect(await prisma.quizRankCount.count({ where: { quizId, count: 0 } })).toBe(0);
      await rebuildQuizBoards(quizId);
      expect(await boardTables(quizId)).toEqual(tables);
      await expectRanksAgree(quizId, 0);
      await expectRowsAgree(quizId, contest.id, rule);
    }
  });

  it("keeps per-answer rows that agree with the JSON answers, from the hand-in and for older attempts", async () => {
    const { quizId, workers, questionIds, contest, admin } = await setup();
    const rng = seededRng(5);
    for (let day = 1; day <= 2; day++)
      for (const w of workers) await randomAttempt(quizId, w.id, at(day, 9 + rng() * 8), rng);
    // One attempt still open: no rows until it is handed in.
    await startAttempt(quizId, { workerId: workers[0]!.id }, at(3, 9));
    await expectRowsAgree(quizId, contest.id, "none");

    // Attempts handed in before the rows existed: the job reads their JSON once and writes them.
    const older = workers.slice(0, 9).map((w) => w.id);
    await prisma.quizAnswer.deleteMany({ where: { quizId, workerId: { in: older } } });
    await prisma.quizAttempt.updateMany({
      where: { quizId, workerId: { in: older } },
      data: { answerRows: false },
    });
    expect(
      await correctQuestion(
        contest.id,
        questionIds[1]!,
        { answer: ["C"], explanation: "", reason: "更正" },
        admin.id,
      ),
    ).toEqual({ ok: true, value: { changed: true } });
    await updateQuizRules(quizId, { reviewPolicy: "after_close", partialCredit: "half" }, admin.id);
    const job = await startRescore(quizId, admin.id, "更正");
    expect(await runRescore(job, { chunkAttempts: 4, thread: false })).toMatchObject({
      status: "done",
    });
    await expectRowsAgree(quizId, contest.id, "half");
    const tables = await boardTables(quizId);
    await rebuildQuizBoards(quizId);
    expect(await boardTables(quizId)).toEqual(tables);

    // Nothing left to move: the next job is done at once and changes nothing.
    const again = await startRescore(quizId, admin.id, "复核");
    expect(await runRescore(again, { thread: false })).toMatchObject({
      status: "done",
      changed: 0,
      done: await prisma.quizAttempt.count({ where: { quizId, status: { not: "in_progress" } } }),
    });
  });
});
