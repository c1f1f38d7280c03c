import { describe, expect, it } from "vitest";
import { databaseEngine, prisma, sqlWrite, write } from "~/db.server";
import { parsePaper } from "~/domain/quiz";
import { Prisma } from "~/generated/prisma/client";
import { TOP_ADMIN, createWorker } from "~/test/factories";
import { createBank, createContest, createOrgUnder } from "~/test/quiz-factories";
import {
  attemptReview,
  closeExpiredAttempts,
  createQuiz,
  listOpenQuizzes,
  saveAnswer,
  startAttempt,
  submitAttempt,
  workerQuizState,
  type QuizInput,
} from "./quiz.server";
import { quizOrgBoard, quizPeopleBoard } from "./quiz-board.server";
import { rebuildEntryStats } from "./entry-stats.server";

// Day 1 of the campaigns below: 2026-11-20 in Beijing.
const DAY1 = new Date("2026-11-20T00:00:00+08:00");
const SAVED = { ok: true, value: undefined };
const TIME_UP = { ok: false, problems: [{ code: "quiz.take.timeUp", params: {} }] };
const at = (day: number, hours: number, seconds = 0) =>
  new Date(DAY1.getTime() + ((day - 1) * 24 + hours) * 3_600_000 + seconds * 1000);

async function world() {
  const federation = await createOrgUnder(null, "federation");
  const district = await createOrgUnder(federation, "district_union");
  const bridge = await createOrgUnder(district, "enterprise", 4);
  const chem = await createOrgUnder(district, "enterprise", 10);
  const elsewhere = await createOrgUnder(null, "federation");
  const outsider = await createOrgUnder(elsewhere, "enterprise", 3);
  const contest = await createContest("knowledge_quiz", federation.id);
  await createBank(contest.id, [
    { category: "安全", count: 12 },
    { category: "法律", count: 6, type: "multiple", difficulty: 3 },
  ]);
  return { federation, district, bridge, chem, outsider, contest };
}

function input(over: Partial<QuizInput> & { scopeOrgId: number }): QuizInput {
  return {
    name: "测试答题",
    kind: "campaign",
    timeLimitSec: 600,
    attemptsAllowed: 1,
    opensAt: DAY1,
    closesAt: at(11, 0),
    plan: [{ category: "安全", count: 3 }],
    drawMode: "shared",
    shuffle: true,
    onePerPage: true,
    pointsPerQuestion: 5,
    reviewPolicy: "after_submit",
    partialCredit: "none",
    ...over,
  };
}

async function quizOf(contestId: number, over: Partial<QuizInput> & { scopeOrgId: number }) {
  const created = await createQuiz(TOP_ADMIN.scope, contestId, input(over));
  if (!created) throw new Error("the top administrator manages every contest");
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  return created.value.id;
}

async function paperOf(attemptId: number) {
  const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  return parsePaper(row.paper).map((p) => p.questionId);
}

/** Starts, answers `correct` questions right (the rest wrong) and hands in after `seconds`. */
async function play(
  quizId: number,
  workerId: number,
  start: Date,
  correct: number,
  seconds: number,
  answer: (i: number) => string[] = (i) => (i < correct ? ["B"] : ["C"]),
) {
  const s = await startAttempt(quizId, { workerId }, start);
  if (!s.ok) throw new Error(`start: ${s.problems[0]?.code}`);
  const paper = await paperOf(s.value.attemptId);
  for (const [i, q] of paper.entries())
    expect(
      await saveAnswer(s.value.attemptId, workerId, q, answer(i), new Date(start.getTime() + 1000)),
    ).toEqual(SAVED);
  await submitAttempt(s.value.attemptId, workerId, new Date(start.getTime() + seconds * 1000));
  return s.value.attemptId;
}

describe("single-paper quiz", () => {
  it("refuses a composition the bank cannot fill, per category and difficulty", async () => {
    const { federation, contest } = await world();
    const outcome = await createQuiz(
      TOP_ADMIN.scope,
      contest.id,
      input({
        scopeOrgId: federation.id,
        kind: "paper",
        plan: [
          { category: "法律", count: 7 },
          { category: "安全", difficulty: 5, count: 1 },
        ],
      }),
    );
    if (!outcome) throw new Error("the top administrator manages every contest");
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.code)).toEqual([
      "rules.quiz_category_too_few",
      "rules.quiz_category_difficulty_too_few",
    ]);
  });

  it("saves answers as they go, ignores saves after the deadline and times the attempt out on the server", async () => {
    const { federation, bridge, contest } = await world();
    const quizId = await quizOf(contest.id, {
      scopeOrgId: federation.id,
      kind: "paper",
      timeLimitSec: 60,
      attemptsAllowed: 2,
      drawMode: "personal",
    });
    const worker = await createWorker(bridge.id);
    const started = await startAttempt(quizId, { workerId: worker.id }, at(1, 9));
    if (!started.ok) throw new Error("start");
    const [q1, q2] = await paperOf(started.value.attemptId);
    expect(await saveAnswer(started.value.attemptId, worker.id, q1!, ["B"], at(1, 9, 10))).toEqual(
      SAVED,
    );
    // An option the question does not have is the form's fault, and stores nothing.
    expect(await saveAnswer(started.value.attemptId, worker.id, q1!, ["Z"], at(1, 9, 10))).toEqual({
      ok: false,
      problems: [{ code: "quiz.form.invalid", params: {}, field: "option" }],
    });
    // Another worker cannot write into this attempt.
    const other = await createWorker(bridge.id);
    expect(await saveAnswer(started.value.attemptId, other.id, q1!, ["A"], at(1, 9, 11))).toBe(
      null,
    );
    expect(await saveAnswer(started.value.attemptId, worker.id, q2!, ["B"], at(1, 9, 90))).toEqual(
      TIME_UP,
    );

    const row = await prisma.quizAttempt.findUniqueOrThrow({
      where: { id: started.value.attemptId },
    });
    expect(row).toMatchObject({ status: "timed_out", score: 500, durationMs: 60_000 });
    expect(await submitAttempt(started.value.attemptId, worker.id, at(1, 9, 95))).toBe("timed_out");
    // The board counts the timed-out attempt like any other.
    expect((await quizPeopleBoard(quizId, 0, 10)).top).toMatchObject([
      { workerId: worker.id, points: 500 },
    ]);
  });

  it("closes abandoned attempts when the board is read, and puts them on the board", async () => {
    const { federation, bridge, contest } = await world();
    const quizId = await quizOf(contest.id, {
      scopeOrgId: federation.id,
      kind: "paper",
      timeLimitSec: 60,
    });
    const worker = await createWorker(bridge.id);
    const started = await startAttempt(quizId, { workerId: worker.id }, at(1, 9));
    if (!started.ok) throw new Error("start");
    expect(await closeExpiredAttempts(quizId, at(1, 9, 30))).toBe(0);
    expect(await closeExpiredAttempts(quizId, at(1, 9, 120))).toBe(1);
    const row = await prisma.quizAttempt.findUniqueOrThrow({
      where: { id: started.value.attemptId },
    });
    expect(row.status).toBe("timed_out");
    expect((await quizPeopleBoard(quizId, 0)).participants).toBe(1);
  });
});

describe("eligibility: only workers of the quiz's scope take part", () => {
  it("refuses every way in for a worker outside the scope, and keeps them off the boards", async () => {
    const { district, bridge, chem, outsider, contest } = await world();
    // Scoped to the district: its enterprises are in, another federation's worker is out.
    const quizId = await quizOf(contest.id, { scopeOrgId: district.id });
    const inside = await createWorker(chem.id);
    const out = await createWorker(outsider.id);

    expect((await listOpenQuizzes(at(1, 9), inside.id)).map((q) => q.id)).toContain(quizId);
    expect((await listOpenQuizzes(at(1, 9), out.id)).map((q) => q.id)).not.toContain(quizId);
    const page = await workerQuizState(quizId, out.id, at(1, 9));
    expect(page).toMatchObject({ eligible: false, quiz: { scopeName: district.name } });
    expect(await startAttempt(quizId, { workerId: out.id }, at(1, 9))).toEqual({
      ok: false,
      problems: [{ code: "quiz.start.not_eligible", params: {} }],
    });

    // An attempt of someone else is not theirs to save into, submit or review.
    const own = await play(quizId, inside.id, at(1, 9), 3, 60);
    const paper = await paperOf(own);
    expect(await saveAnswer(own, out.id, paper[0]!, ["B"], at(1, 9, 5))).toBeNull();
    expect(await submitAttempt(own, out.id, at(1, 9, 6))).toBeNull();
    expect(await attemptReview(quizId, own, out.id, at(2, 9))).toBeNull();

    const people = await quizPeopleBoard(quizId, 0, 50);
    expect(people.top.map((r) => r.workerId)).toEqual([inside.id]);
    const orgs = await quizOrgBoard(quizId, 0, district.path);
    expect(orgs.map((o) => o.organisationId).sort()).toEqual([bridge.id, chem.id].sort());
    expect(orgs.find((o) => o.organisationId === outsider.id)).toBeUndefined();
  });
});

describe("campaigns", () => {
  it("gives everyone the same set on a day, a new set the next day, and one attempt a day", async () => {
    const { federation, bridge, chem, contest } = await world();
    const quizId = await quizOf(contest.id, { scopeOrgId: federation.id });
    const a = await createWorker(bridge.id);
    const b = await createWorker(chem.id);
    const sa = await startAttempt(quizId, { workerId: a.id }, at(1, 9));
    const sb = await startAttempt(quizId, { workerId: b.id }, at(1, 10));
    if (!sa.ok || !sb.ok) throw new Error("start");
    const day1 = await paperOf(sa.value.attemptId);
    expect([...(await paperOf(sb.value.attemptId))].sort()).toEqual([...day1].sort());
    await submitAttempt(sa.value.attemptId, a.id, at(1, 9, 30));
    expect(await startAttempt(quizId, { workerId: a.id }, at(1, 11))).toEqual({
      ok: false,
      problems: [{ code: "quiz.start.no_attempts_left", params: {} }],
    });
    // Day 2: the next three questions of the campaign's order, none of day 1's.
    const sa2 = await startAttempt(quizId, { workerId: a.id }, at(2, 8));
    if (!sa2.ok) throw new Error("start day 2");
    const day2 = await paperOf(sa2.value.attemptId);
    expect(day2.filter((q) => day1.includes(q))).toEqual([]);
    expect(await startAttempt(quizId, { workerId: a.id }, at(0, 23))).toMatchObject({
      ok: false,
      problems: [{ code: "quiz.start.closed", params: {} }],
    });
  });

  it("collects points per day, sums them overall, keeps streaks and a history", async () => {
    const { federation, bridge, chem, contest } = await world();
    const quizId = await quizOf(contest.id, { scopeOrgId: federation.id });
    const a = await createWorker(bridge.id);
    const b = await createWorker(chem.id);
    await play(quizId, a.id, at(1, 9), 3, 100);
    await play(quizId, a.id, at(2, 9), 2, 80);
    await play(quizId, a.id, at(4, 9), 3, 50);
    await play(quizId, b.id, at(2, 9), 3, 60);
    await play(quizId, b.id, at(3, 9), 3, 60);
    await play(quizId, b.id, at(4, 9), 3, 70);

    const state = await workerQuizState(quizId, a.id, at(5, 8));
    if (!state?.eligible || state.current) throw new Error("in the lobby");
    expect(state.overall).toEqual({ points: 4000, durationMs: 230_000, days: 3 });
    expect(state.history.map((h) => [h.day, h.points])).toEqual([
      [4, 1500],
      [2, 1000],
      [1, 1500],
    ]);
    // Day 5 has not been played yet: day 4 still carries a streak of one; the longest was two.
    expect(state.streaks).toEqual({ current: 1, longest: 2 });

    const overall = await quizPeopleBoard(quizId, 0, 10, a.id);
    expect(overall.top.map((r) => [r.workerId, r.rank, r.points, r.days])).toEqual([
      [b.id, 1, 4500, 3],
      [a.id, 2, 4000, 3],
    ]);
    const day4 = await quizPeopleBoard(quizId, 4, 10);
    // Same points on day 4: the faster one first.
    expect(day4.top.map((r) => [r.workerId, r.rank])).toEqual([
      [a.id, 1],
      [b.id, 2],
    ]);
    const day3 = await quizOrgBoard(quizId, 3, federation.path);
    expect(day3.map((o) => [o.organisationId, o.participants, o.participationRate])).toEqual([
      [chem.id, 1, 1000],
      [bridge.id, 0, 0],
    ]);
    const orgs = await quizOrgBoard(quizId, 0, federation.path);
    // bridge: 1 of 4 workers (25 %), chem: 1 of 10 (10 %).
    expect(orgs.map((o) => [o.organisationId, o.participationRate, o.averagePoints])).toEqual([
      [bridge.id, 2500, 4000],
      [chem.id, 1000, 4500],
    ]);
  });

  it("shows answers only as the organiser allows", async () => {
    const { federation, bridge, contest } = await world();
    const afterSubmit = await quizOf(contest.id, {
      scopeOrgId: federation.id,
      attemptsAllowed: 2,
    });
    const afterClose = await quizOf(contest.id, {
      scopeOrgId: federation.id,
      reviewPolicy: "after_close",
    });
    const never = await quizOf(contest.id, { scopeOrgId: federation.id, reviewPolicy: "never" });
    const w = await createWorker(bridge.id);

    const first = await play(afterSubmit, w.id, at(1, 9), 2, 30);
    // One more attempt is allowed today: the key stays hidden until it is used or the day ends.
    expect(await attemptReview(afterSubmit, first, w.id, at(1, 10))).toMatchObject({ open: false });
    await play(afterSubmit, w.id, at(1, 11), 3, 30);
    const review = await attemptReview(afterSubmit, first, w.id, at(1, 12));
    if (!review?.open) throw new Error("review");
    expect(review.items).toHaveLength(3);
    expect(review.items.map((i) => i.outcome)).toEqual(["correct", "correct", "wrong"]);
    const wrong = review.items[2]!;
    expect(wrong.options.filter((o) => o.chosen).map((o) => o.id)).toEqual(["C"]);
    expect(wrong.options.filter((o) => o.correct).map((o) => o.id)).toEqual(["B"]);
    expect(wrong.explanation).toMatch(/的解析$/);

    const closing = await play(afterClose, w.id, at(1, 9), 3, 30);
    expect(await attemptReview(afterClose, closing, w.id, at(1, 23))).toMatchObject({
      open: false,
    });
    expect(await attemptReview(afterClose, closing, w.id, at(2, 0))).toMatchObject({ open: true });

    const hidden = await play(never, w.id, at(1, 9), 3, 30);
    expect(await attemptReview(never, hidden, w.id, at(9, 0))).toMatchObject({ open: false });
  });

  it("gives partial credit for multiple choice when enabled", async () => {
    const { federation, bridge, contest } = await world();
    const half = await quizOf(contest.id, {
      scopeOrgId: federation.id,
      plan: [{ category: "法律", count: 2 }],
      partialCredit: "half",
    });
    const w = await createWorker(bridge.id);
    // One answer right (A, B), one a strict subset (A): full points plus half.
    await play(half, w.id, at(1, 9), 1, 30, (i) => (i === 0 ? ["A", "B"] : ["A"]));
    expect((await quizPeopleBoard(half, 1)).top[0]?.points).toBe(750);
  });
});

describe("question page", () => {
  it("reads nothing but the worker's own attempt and its questions", async () => {
    const { federation, bridge, contest } = await world();
    const quizId = await quizOf(contest.id, { scopeOrgId: federation.id });
    const w = await createWorker(bridge.id);
    await play(quizId, w.id, at(2, 9), 3, 60);
    const s = await startAttempt(quizId, { workerId: w.id }, at(3, 9));
    if (!s.ok) throw new Error("start");
    const state = await workerQuizState(quizId, w.id, at(3, 9, 5));
    if (!state?.eligible) throw new Error("eligible");
    // The lobby's results of day 2 stay out of every question's page while day 3 is answered.
    expect(Object.keys(state).sort()).toEqual(["current", "eligible", "quiz"]);
    expect(Object.keys(state.quiz).sort()).toEqual(["contestName", "id", "name", "onePerPage"]);
    // One question a page: the page's question alone, the rest as numbers and answered or not.
    const paper = await paperOf(s.value.attemptId);
    expect(state.current).toMatchObject({ total: 3, index: 0, answered: [false, false, false] });
    expect(state.current?.questions.map((q) => q.id)).toEqual([paper[0]]);
    expect(state.current?.questions[0]?.options.map((o) => o.text).sort()).toEqual([
      "丙",
      "乙",
      "甲",
    ]);
    expect(await saveAnswer(s.value.attemptId, w.id, paper[1]!, ["B"], at(3, 9, 5))).toEqual(SAVED);
    const second = await workerQuizState(quizId, w.id, at(3, 9, 5), 2);
    if (!second?.eligible || !second.current) throw new Error("taking");
    expect(second.current).toMatchObject({ index: 1, answered: [false, true, false] });
    expect(second.current.questions.map((q) => q.id)).toEqual([paper[1]]);
    expect(second.current.answers).toEqual({ [paper[1]!]: ["B"] });
    // A number past the paper shows its last question.
    const past = await workerQuizState(quizId, w.id, at(3, 9, 5), 99);
    expect(past?.eligible && past.current?.questions.map((q) => q.id)).toEqual([paper[2]]);
    // Handed in, the page is the lobby again, with both days.
    await submitAttempt(s.value.attemptId, w.id, at(3, 9, 6));
    const lobby = await workerQuizState(quizId, w.id, at(3, 9, 7));
    if (!lobby?.eligible || lobby.current) throw new Error("in the lobby");
    expect(lobby.history.map((h) => h.day)).toEqual([3, 2]);
    expect(lobby.finished).toHaveLength(2);
  });

  it("sends a paper shown on one page whole", async () => {
    const { federation, bridge, contest } = await world();
    const quizId = await quizOf(contest.id, { scopeOrgId: federation.id, onePerPage: false });
    const w = await createWorker(bridge.id);
    const s = await startAttempt(quizId, { workerId: w.id }, at(3, 9));
    if (!s.ok) throw new Error("start");
    const paper = await paperOf(s.value.attemptId);
    expect(await saveAnswer(s.value.attemptId, w.id, paper[2]!, ["C"], at(3, 9, 1))).toEqual(SAVED);
    const state = await workerQuizState(quizId, w.id, at(3, 9, 2), 2);
    if (!state?.eligible || !state.current) throw new Error("taking");
    expect(state.current).toMatchObject({ total: 3, index: 0, answered: [false, false, true] });
    expect(state.current.questions.map((q) => q.id)).toEqual(paper);
    expect(state.current.answers).toEqual({ [paper[2]!]: ["C"] });
  });
});

describe("the quiz write lock", () => {
  // SQLite has one writer per file; on PostgreSQL a quiz's writes lock that quiz only.
  it.skipIf(databaseEngine() !== "postgresql")(
    "lets two quizzes' answer saves run beside each other, and one quiz's take turns",
    async () => {
      const { federation, bridge, contest } = await world();
      const quizzes = [
        await quizOf(contest.id, { scopeOrgId: federation.id }),
        await quizOf(contest.id, { scopeOrgId: federation.id, name: "第二场" }),
      ];
      const worker = await createWorker(bridge.id);
      const attempts = [];
      for (const quizId of quizzes) {
        const s = await startAttempt(quizId, { workerId: worker.id }, at(1, 9));
        if (!s.ok) throw new Error(s.problems[0]?.code);
        attempts.push({ id: s.value.attemptId, question: (await paperOf(s.value.attemptId))[0]! });
      }
      const [a, b] = attempts as [(typeof attempts)[0], (typeof attempts)[0]];
      // A write of the first quiz stays open (as a re-scoring chunk would) until released.
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const holder = sqlWrite(
        async (sql) => {
          // A statement answered: the locks sent before it (pipelined) are held.
          await sql.one(Prisma.sql`SELECT 1 AS "one"`);
          entered();
          await new Promise<void>((resolve) => (release = resolve));
        },
        { quiz: quizzes[0]! },
      );
      await inside;
      // The other quiz's save goes through meanwhile…
      expect(await saveAnswer(b.id, worker.id, b.question, ["B"], at(1, 9, 5))).toEqual(SAVED);
      // …while this quiz's waits for the open write.
      let waited = true;
      const same = saveAnswer(a.id, worker.id, a.question, ["B"], at(1, 9, 5)).then((outcome) => {
        waited = false;
        return outcome;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(waited).toBe(true);
      release();
      await holder;
      expect(await same).toEqual(SAVED);
      const saved = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: a.id } });
      expect(Object.keys(JSON.parse(saved.answers) as object)).toEqual([a.question]);
    },
  );
});

describe("the year in numbers", () => {
  it("counts finished attempts and participants as they finish, as a rebuild does", async () => {
    const { federation, bridge, contest } = await world();
    const quizId = await quizOf(contest.id, {
      scopeOrgId: federation.id,
      kind: "paper",
      attemptsAllowed: 2,
      timeLimitSec: 60,
      opensAt: at(1, 0),
      closesAt: at(3, 0),
    });
    const participation = async () => {
      const r = await prisma.statCount.findUnique({
        where: {
          unionId_year_dim_value: { unionId: 0, year: 0, dim: "quiz", value: String(quizId) },
        },
      });
      return [r?.entries ?? 0, r?.workers ?? 0];
    };
    const [a, b] = [await createWorker(bridge.id), await createWorker(bridge.id)];
    const first = await startAttempt(quizId, { workerId: a.id }, at(1, 1));
    if (!first.ok) throw new Error("start");
    expect(await participation()).toEqual([0, 0]);
    expect(await submitAttempt(first.value.attemptId, a.id, at(1, 1, 20))).toBe("submitted");
    // A second submit of the same attempt counts nothing.
    await submitAttempt(first.value.attemptId, a.id, at(1, 1, 21));
    expect(await participation()).toEqual([1, 1]);
    // The same worker's second attempt is one more attempt, not one more participant.
    const second = await startAttempt(quizId, { workerId: a.id }, at(1, 2));
    if (!second.ok) throw new Error("second");
    await submitAttempt(second.value.attemptId, a.id, at(1, 2, 20));
    expect(await participation()).toEqual([2, 1]);
    // Another worker's attempt closed by the server at its deadline.
    const other = await startAttempt(quizId, { workerId: b.id }, at(1, 3));
    if (!other.ok) throw new Error("other");
    await closeExpiredAttempts(quizId, at(1, 4));
    expect(await participation()).toEqual([3, 2]);
    // The maintained row is what a rebuild from the attempts gives.
    await write((tx) => rebuildEntryStats(tx));
    expect(await participation()).toEqual([3, 2]);
  });
});
