// Weinan's “党的知识”百日千题 campaign: a hundred days (2026-09-01 to 12-09) of five shared
// questions a day (two of party history, two of trade-union knowledge, one of labour law), one
// attempt a day, answers and explanations shown after the day closes. Weinan's workers have
// played days 1–82 (to 2026-11-21, where the seed's story stands) with their own diligence, so
// the boards, streaks and organisation participation have something to show; the quiz1…quiz5
// accounts have not played, so a demo (or the e2e journey) can start fresh.
import { seededRng, type Rng } from "~/domain/contest/random";
import {
  arrangePaper,
  drawRoundSet,
  finishAttempt,
  roundByNumber,
  type AnswerSheet,
  type Question,
} from "~/domain/quiz";
import { insertFinishedAttempts, rebuildStatements } from "~/models/quiz.sql.server";
import type { SeedExtension } from "./context";
import { CAMPAIGN_BANK, type CampaignRow } from "./quiz-campaign-bank";
import { QUIZ_WORKERS } from "./quiz";

export const CAMPAIGN_CODE = "WN2026BRQT";
const OPENS = new Date("2026-09-01T00:00:00+08:00");
const CLOSES = new Date("2026-12-10T00:00:00+08:00");
const PLAYED_DAYS = 82;
const DRAW_SEED = 2026_0901;
const PLAN = [
  { category: "党史知识", count: 2 },
  { category: "工会知识", count: 2 },
  { category: "劳动法规", count: 1 },
];
const LETTERS = "ABCDEF";

function options(row: CampaignRow): { id: string; text: string }[] {
  return row.type === "true_false"
    ? [
        { id: "true", text: "正确" },
        { id: "false", text: "错误" },
      ]
    : row.options.map((text, i) => ({ id: LETTERS[i] ?? "", text }));
}

function answer(row: CampaignRow): string[] {
  if (row.type === "true_false") return [row.answer === "对" ? "true" : "false"];
  return [...row.answer];
}

/** A wrong choice for a question: the first option not in the key. */
function wrongChoice(q: Question, order: readonly string[]): string[] {
  return [order.find((o) => !q.correct.includes(o)) ?? order[0] ?? ""];
}

type AttemptRow = Parameters<typeof insertFinishedAttempts>[0][number];

export const seedQuizCampaign: SeedExtension = async (tx, ctx) => {
  const organiserId = ctx.orgId.get("wn");
  if (organiserId === undefined) return;
  const contest = await tx.contest.create({
    data: {
      code: CAMPAIGN_CODE,
      kind: "knowledge_quiz",
      name: "渭南市“党的知识”百日千题答题活动",
      organiserId,
      description:
        "深入推进党史学习教育常态化：每天 5 道党史、工会和劳动法规知识题，连续答题 100 天，每天交卷后次日公布答案和解析。",
      startsAt: OPENS,
      endsAt: new Date(CLOSES.getTime() - 1),
      // The year it counts in for statistics: it opens in 2026 (Beijing).
      year: 2026,
      status: "in_progress",
    },
  });
  ctx.contestIds.set(CAMPAIGN_CODE, contest.id);

  const bank: Question[] = [];
  for (const row of CAMPAIGN_BANK) {
    const created = await tx.quizQuestion.create({
      data: {
        contestId: contest.id,
        category: row.category,
        type: row.type,
        stem: row.stem,
        options: JSON.stringify(options(row)),
        answer: JSON.stringify(answer(row)),
        difficulty: row.difficulty,
        explanation: row.explanation,
      },
    });
    bank.push({
      id: String(created.id),
      type: row.type,
      category: row.category,
      options: options(row),
      correct: answer(row),
      points: 10,
      difficulty: row.difficulty,
    });
  }

  const quiz = await tx.quiz.create({
    data: {
      contestId: contest.id,
      name: "“党的知识”百日千题",
      kind: "campaign",
      timeLimitSec: 300,
      attemptsAllowed: 1,
      opensAt: OPENS,
      closesAt: CLOSES,
      plan: JSON.stringify(PLAN),
      drawMode: "shared",
      drawSeed: DRAW_SEED,
      shuffle: true,
      onePerPage: true,
      pointsPerQuestion: 10,
      reviewPolicy: "after_close",
      partialCredit: "none",
      scopeOrgId: organiserId,
    },
  });

  // The days already played, each with the set everyone got that day.
  const sets = new Map<number, Question[]>();
  for (let day = 1; day <= PLAYED_DAYS; day++) {
    const set = drawRoundSet(bank, PLAN, DRAW_SEED, day);
    if (!set.ok) throw new Error(`campaign bank too small for day ${day}`);
    sets.set(day, set.value);
    await tx.quizRoundSet.create({
      data: {
        quizId: quiz.id,
        day,
        questionIds: JSON.stringify(set.value.map((q) => q.id)),
        createdAt: roundByNumber({ kind: "campaign", opensAt: OPENS, closesAt: CLOSES }, day)
          ?.opensAt,
      },
    });
  }

  const schedule = { kind: "campaign" as const, opensAt: OPENS, closesAt: CLOSES };
  const accounts = new Set(QUIZ_WORKERS.map((a) => a.org));
  const rng: Rng = seededRng(2026_1121);
  const rows: AttemptRow[] = [];
  for (const [org, workers] of ctx.workersByOrg) {
    if (!org.startsWith("wn-")) continue;
    const organisationId = ctx.orgId.get(org);
    if (organisationId === undefined) continue;
    // The quiz accounts use each organisation's last worker: leave them unplayed.
    const players = accounts.has(org) ? workers.slice(0, -1) : workers;
    for (const worker of players) {
      const diligence = 0.25 + rng() * 0.7;
      const skill = 0.5 + rng() * 0.45;
      let attemptNo = 0;
      for (let day = 1; day <= PLAYED_DAYS; day++) {
        if (rng() > diligence) continue;
        const round = roundByNumber(schedule, day);
        const set = sets.get(day);
        if (!round || !set) continue;
        const paper = arrangePaper(set, rng, { shuffleQuestions: true, shuffleOptions: true });
        const startedAt = new Date(
          round.opensAt.getTime() + (7 + rng() * 15) * 3_600_000 + Math.floor(rng() * 60_000),
        );
        const deadline = new Date(startedAt.getTime() + 300_000);
        const byId = new Map(set.map((q) => [q.id, q]));
        const sheet: Record<string, { o: string[]; t: number }> = {};
        let t = startedAt.getTime();
        for (const entry of paper) {
          const q = byId.get(entry.questionId);
          if (!q) continue;
          t += 8_000 + Math.floor(rng() * 40_000);
          sheet[entry.questionId] = {
            o: rng() < skill ? [...q.correct] : wrongChoice(q, entry.optionOrder),
            t,
          };
        }
        const done = finishAttempt({
          questions: set,
          sheet: sheet as AnswerSheet,
          startedAt,
          deadline,
          now: new Date(Math.min(t + 4_000, deadline.getTime())),
        });
        rows.push({
          quizId: quiz.id,
          workerId: worker.id,
          organisationId,
          attemptNo: ++attemptNo,
          day,
          startedAt,
          deadline,
          submittedAt: done.submittedAt,
          status: done.status,
          paper: JSON.stringify(paper),
          answers: JSON.stringify(sheet),
          score: done.score,
          durationMs: done.durationMs,
        });
      }
    }
  }
  // One multi-row statement per 300 attempts: createMany costs several times as much here.
  for (let i = 0; i < rows.length; i += 300)
    await tx.$executeRaw(insertFinishedAttempts(rows.slice(i, i + 300)));
  for (const statement of rebuildStatements(quiz.id)) await tx.$executeRaw(statement);
};
