// npm run bench:quiz — the seed report's quiz volume: 26,000 workers, 500,000 attempts.
// Builds a separate database (e2e/.data/bench-quiz.db) with raw better-sqlite3 bulk
// inserts, serves the production build on it, then re-scores every attempt in a child
// process while measuring how fast a worker's quiz page and answer saves are answered,
// and times both leaderboards. Needs a build: `JX_BUILD_NAME=… npx remix build` first.
import { execSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";

type AutocannonResult = {
  requests: { total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  non2xx: number;
};
// autocannon ships no types; only the part used here is declared.
const autocannon = createRequire(import.meta.url)("autocannon") as (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 500_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 26_000);
const ORGS = 60;
const PORT = Number(process.env.BENCH_PORT ?? 3197);
const BUILD = process.env.JX_BUILD_NAME || "build";
const file = path.resolve("e2e/.data/bench-quiz.db");

process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET ??= "bench-session-secret-0123456789abcdefghijklmnopqrstuvwxyz";
process.env.ID_NUMBER_KEY ??= "be4cbe4cbe4cbe4cbe4cbe4cbe4cbe4cbe4cbe4cbe4cbe4cbe4cbe4cbe4cbe4c";
process.env.COOKIE_SECURE = "0";

const { seededRng } = await import("~/domain/contest/random");
const { composePaper } = await import("~/domain/quiz");
const { QUESTION_BANK } = await import("../../prisma/seed/quiz");

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const log = (line: string) => console.log(line);

function buildDatabase() {
  mkdirSync(path.dirname(file), { recursive: true });
  for (const f of readdirSync(path.dirname(file)))
    if (f.startsWith("bench-quiz.db")) rmSync(path.join(path.dirname(file), f));
  execSync("npx tsx prisma/scripts/migrate-deploy.ts", { env: process.env, stdio: "ignore" });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const started = performance.now();
  db.transaction(() => {
    const now = iso(Date.now());
    db.prepare(
      `INSERT INTO "Organisation" (id, name, kind, path, headcount, createdAt) VALUES (1, '渭南市总工会', 'federation', '/', 0, ?)`,
    ).run(now);
    const org = db.prepare(
      `INSERT INTO "Organisation" (id, name, kind, parentId, path, headcount, createdAt) VALUES (?, ?, 'enterprise', 1, '/1/', ?, ?)`,
    );
    for (let o = 2; o < ORGS + 2; o++)
      org.run(o, `基准测试企业${o - 1}`, Math.ceil(WORKERS / ORGS) + 80, now);
    const worker = db.prepare(
      `INSERT INTO "Worker" (id, organisationId, name, gender, idNumberCipher, idNumberHash, idNumberMasked, birthDate, createdAt, updatedAt) VALUES (?, ?, ?, 'male', '-', ?, '6105**********0000', ?, ?, ?)`,
    );
    for (let w = 1; w <= WORKERS; w++)
      worker.run(w, 2 + (w % ORGS), `职工${w}`, `bench-${w}`, iso(Date.UTC(1990, 0, 1)), now, now);
    worker.run(WORKERS + 1, 2, "基准职工", "bench-me", iso(Date.UTC(1990, 0, 1)), now, now);
    db.prepare(
      `INSERT INTO "User" (username, displayName, passwordHash, role, organisationId, workerId, locale, active, createdAt) VALUES ('bench', '基准职工', '-', 'worker', 2, ?, 'zh', 1, ?)`,
    ).run(WORKERS + 1, now);
    db.prepare(
      `INSERT INTO "Contest" (id, code, kind, name, organiserId, status, createdAt, updatedAt) VALUES (1, 'BENCHQUIZ', 'knowledge_quiz', '基准测试答题', 1, 'in_progress', ?, ?)`,
    ).run(now, now);
    const question = db.prepare(
      `INSERT INTO "QuizQuestion" (id, contestId, category, type, stem, options, answer, difficulty, createdAt) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`,
    );
    QUESTION_BANK.forEach((q, i) => {
      const options =
        q[0] === "true_false"
          ? [
              { id: "true", text: "正确" },
              { id: "false", text: "错误" },
            ]
          : q[3].map((text, j) => ({ id: "ABCDEF"[j], text }));
      const correct = q[0] === "true_false" ? [q[4] === "对" ? "true" : "false"] : [...q[4]];
      question.run(
        i + 1,
        q[1],
        q[0],
        q[2],
        JSON.stringify(options),
        JSON.stringify(correct),
        q[5],
        now,
      );
    });
    db.prepare(
      `INSERT INTO "Quiz" (id, contestId, name, timeLimitSec, attemptsAllowed, opensAt, closesAt, plan, shuffle, onePerPage, pointsPerQuestion, createdAt) VALUES (1, 1, '基准测试', 1200, 100, ?, ?, ?, 1, 1, 5, ?)`,
    ).run(
      iso(Date.now() - 86400_000),
      iso(Date.now() + 30 * 86400_000),
      JSON.stringify([
        { category: "安全生产", count: 8 },
        { category: "劳动法", count: 6 },
        { category: "职业健康", count: 3 },
        { category: "消防安全", count: 3 },
      ]),
      now,
    );
  })();
  // Papers come from the app's own draw; 500 distinct ones are plenty to vary the rows.
  const bank = QUESTION_BANK.map((q, i) => ({
    id: String(i + 1),
    type: q[0],
    category: q[1],
    options: q[0] === "true_false" ? [] : q[3].map((_, j) => ({ id: "ABCDEF"[j] ?? "" })),
    correct: q[0] === "true_false" ? [q[4] === "对" ? "true" : "false"] : [...q[4]],
    points: 5,
  }));
  const plan = [
    { category: "安全生产", count: 8 },
    { category: "劳动法", count: 6 },
    { category: "职业健康", count: 3 },
    { category: "消防安全", count: 3 },
  ];
  const rng = seededRng(530_000);
  const papers = Array.from({ length: 500 }, () => {
    const p = composePaper(bank, plan, rng, { shuffleQuestions: true, shuffleOptions: true });
    if (!p.ok) throw new Error("bench bank too small");
    return p.value;
  });
  const byId = new Map(bank.map((q) => [q.id, q]));
  const insert = db.prepare(
    `INSERT INTO "QuizAttempt" (quizId, workerId, organisationId, attemptNo, startedAt, deadline, submittedAt, status, paper, answers, score, durationMs) VALUES (1, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, NULL, NULL)`,
  );
  const base = Date.now() - 7 * 86400_000;
  db.transaction(() => {
    for (let i = 0; i < ATTEMPTS; i++) {
      const w = (i % WORKERS) + 1;
      const paper = papers[i % papers.length] ?? [];
      const start = base + Math.floor(rng() * 6 * 86400_000);
      const sheet: Record<string, { o: string[]; t: number }> = {};
      let t = start;
      for (const e of paper) {
        t += 5_000 + Math.floor(rng() * 40_000);
        const q = byId.get(e.questionId);
        if (!q) continue;
        sheet[e.questionId] = {
          o:
            rng() < 0.75
              ? [...q.correct]
              : [e.optionOrder.find((o) => !q.correct.includes(o)) ?? "A"],
          t,
        };
      }
      insert.run(
        w,
        2 + (w % ORGS),
        Math.floor(i / WORKERS) + 1,
        iso(start),
        iso(start + 1_200_000),
        iso(Math.min(t + 3_000, start + 1_200_000)),
        JSON.stringify(paper),
        JSON.stringify(sheet),
      );
    }
  })();
  // The benchmark worker's own attempt in progress, for the page and save measurements.
  const mine = papers[0] ?? [];
  const info = db
    .prepare(
      `INSERT INTO "QuizAttempt" (quizId, workerId, organisationId, attemptNo, startedAt, deadline, status, paper, answers) VALUES (1, ?, 2, 1, ?, ?, 'in_progress', ?, '{}')`,
    )
    .run(WORKERS + 1, iso(Date.now()), iso(Date.now() + 3 * 3600_000), JSON.stringify(mine));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return {
    ms: performance.now() - started,
    attemptId: Number(info.lastInsertRowid),
    firstQuestion: mine[0]?.questionId ?? "1",
    firstOption: mine[0]?.optionOrder[0] ?? "A",
  };
}

async function waitForServer(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start at ${url}`);
}

type Load = { requests: number; p50: number; p99: number; max: number; errors: number };

function load(
  url: string,
  cookie: string,
  seconds: number,
  method: "GET" | "POST" = "GET",
  body?: string,
): Promise<Load> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: 4,
        duration: seconds,
        method,
        body,
        headers: {
          cookie,
          ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
          errors: result.errors + result.non2xx,
        });
      },
    );
  });
}

const show = (name: string, l: Load) =>
  log(
    `  ${name.padEnd(34)} ${String(l.requests).padStart(6)} req  p50 ${l.p50} ms  p99 ${l.p99} ms  max ${l.max} ms  errors ${l.errors}`,
  );

if (!existsSync(`${BUILD}/index.js`))
  throw new Error(
    `No build at ${BUILD}/index.js: run \`JX_BUILD_NAME=${BUILD} npx remix build\` first`,
  );

log(
  `Building ${file}: ${WORKERS.toLocaleString()} workers, ${ATTEMPTS.toLocaleString()} attempts …`,
);
const built = buildDatabase();
log(`  bulk insert took ${fmt(built.ms)}`);

const { signedInCookie } = await import("~/http/session.server");
const reader = new Database(file, { readonly: true });
const benchUser = reader.prepare(`SELECT id FROM "User" WHERE username = 'bench'`).get() as {
  id: number;
};
reader.close();
const cookie = await signedInCookie(benchUser.id);

const server = spawn("npx", ["tsx", "app/server/serve.ts", `./${BUILD}/index.js`], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1" },
  stdio: "ignore",
  detached: true,
});
try {
  const base = `http://127.0.0.1:${PORT}`;
  await waitForServer(`${base}/healthz`);
  const page = `${base}/quiz/1?q=1`;
  const data = `${base}/quiz/1.data?q=1`;
  const save = `${base}/quiz/1.data?index`;
  const saveBody = new URLSearchParams({
    intent: "save",
    attemptId: String(built.attemptId),
    questionId: built.firstQuestion,
    option: built.firstOption,
  }).toString();

  log("\nQuiz pages while idle (4 connections, 5 s each):");
  show("GET quiz page (HTML)", await load(page, cookie, 5));
  show("GET quiz data route", await load(data, cookie, 5));
  show("POST save answer", await load(save, cookie, 5, "POST", saveBody));

  log(
    `\nRe-scoring ${ATTEMPTS.toLocaleString()} attempts in a separate process (app model rescoreQuiz), measuring meanwhile:`,
  );
  const scoring = spawn("npx", ["tsx", "e2e/perf/quiz-bench-score.ts", "1"], {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  scoring.stdout.on("data", (chunk) => (output += String(chunk)));
  const finished = new Promise<void>((resolve) => scoring.on("exit", () => resolve()));
  let running = true;
  void finished.then(() => (running = false));
  const during: Record<string, Load[]> = { page: [], save: [] };
  while (running) {
    during.page?.push(await load(page, cookie, 3));
    if (!running) break;
    during.save?.push(await load(save, cookie, 3, "POST", saveBody));
  }
  await finished;
  const result = JSON.parse(output.trim().split("\n").pop() ?? "{}") as {
    attempts: number;
    ms: number;
  };
  log(
    `  scoring: ${result.attempts.toLocaleString()} attempts in ${fmt(result.ms)} (${Math.round(result.attempts / (result.ms / 1000)).toLocaleString()} attempts/s)`,
  );
  const merge = (ls: Load[]): Load => ({
    requests: ls.reduce((s, l) => s + l.requests, 0),
    p50: Math.max(0, ...ls.map((l) => l.p50)),
    p99: Math.max(0, ...ls.map((l) => l.p99)),
    max: Math.max(0, ...ls.map((l) => l.max)),
    errors: ls.reduce((s, l) => s + l.errors, 0),
  });
  show("GET quiz page during scoring (worst)", merge(during.page ?? []));
  show("POST save during scoring (worst)", merge(during.save ?? []));

  log("\nLeaderboards straight from the database (app models):");
  const { quizLeaderboard, organisationLeaderboard } = await import("~/models/quiz.server");
  const { disconnectDb } = await import("~/db.server");
  for (let run = 1; run <= 2; run++) {
    let t = performance.now();
    const people = await quizLeaderboard(1, 50, WORKERS + 1);
    const peopleMs = performance.now() - t;
    t = performance.now();
    const orgs = await organisationLeaderboard(1, 1);
    const orgMs = performance.now() - t;
    log(
      `  run ${run}: per quiz (top 50 + own place) ${peopleMs.toFixed(0)} ms, top score ${(people.top[0]?.score ?? 0) / 100}; per organisation (${orgs.length} orgs) ${orgMs.toFixed(0)} ms`,
    );
  }
  const t = performance.now();
  const board = await fetch(`${base}/quiz/1/leaderboard`, { headers: { cookie } });
  log(`  leaderboard page over HTTP: ${board.status} in ${(performance.now() - t).toFixed(0)} ms`);
  await disconnectDb();
} finally {
  if (server.pid) process.kill(-server.pid);
}
