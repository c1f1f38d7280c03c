import { Prisma } from "~/generated/prisma/client";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, queryDb, test } from "./support/fixtures";

const SCREENSHOTS = "e2e/.screenshots";
// A retry runs in a new worker process and starts again from the import, against a database
// that keeps the first attempt's questions and quiz: names of this process's own keep the
// first test's "nothing imported yet" check true on a retry.
const RUN = process.pid.toString(36);
const CATEGORY = `E2E限时专项${RUN}`;
const QUIZ_NAME = `E2E限时答题${RUN}`;
const HEADER = ["题型", "类别", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "难度"];

/** Stem → the option texts a correct answer picks. */
const KEY: Record<string, string[]> = {
  "E2E：安全帽的主要作用是？": ["防止头部受到冲击伤害"],
  "E2E：下列属于个人劳动防护用品的有？": ["安全带", "防护眼镜"],
  "E2E：劳动者有权拒绝违章指挥和强令冒险作业。": ["正确"],
};
const ROWS = [
  [
    "单选",
    CATEGORY,
    "E2E：安全帽的主要作用是？",
    "防止头部受到冲击伤害",
    "装饰",
    "保暖",
    "遮阳",
    "A",
    "1",
  ],
  [
    "多选",
    CATEGORY,
    "E2E：下列属于个人劳动防护用品的有？",
    "安全带",
    "办公桌",
    "防护眼镜",
    "文件柜",
    "AC",
    "2",
  ],
  ["判断", CATEGORY, "E2E：劳动者有权拒绝违章指挥和强令冒险作业。", "", "", "", "", "对", "1"],
];

async function xlsx(name: string, rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("题库");
  for (const row of [HEADER, ...rows]) sheet.addRow(row);
  const file = path.join(os.tmpdir(), `${name}-${process.env.E2E_RUN_ID ?? Date.now()}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

let quizPath = "";

async function workerName(username: string): Promise<string> {
  const [row] = await queryDb<{ displayName: string }>(
    Prisma.sql`SELECT "displayName" FROM "User" WHERE "username" = ${username}`,
  );
  return row?.displayName ?? username;
}

/**
 * Answers the question on screen: correctly, or with the first wrong option; then waits for
 * 已保存 unless `moveOn` (a worker who does not wait for it).
 */
async function answerShown(page: Page, correct = true, moveOn = false) {
  const stem = (await page.locator(".quiz-question__stem").first().textContent())?.trim() ?? "";
  const right = KEY[stem];
  expect(right, `unknown question ${stem}`).toBeDefined();
  const question = page.locator(".quiz-question").first();
  if (correct) {
    for (const text of right ?? []) await question.getByText(text, { exact: true }).click();
  } else {
    await question
      .locator("label")
      .filter({ hasNotText: (right ?? [])[0] ?? "" })
      .first()
      .click();
  }
  if (!moveOn) await expect(question.getByRole("status")).toHaveText("已保存");
}

async function startQuiz(page: Page) {
  await page.goto(quizPath);
  await page.getByRole("button", { name: "开始答题" }).click();
  await expect(page.getByRole("timer")).toBeVisible();
  await expect(page.getByText("第 1 / 3 题")).toBeVisible();
}

async function next(page: Page, n: number) {
  await page.getByRole("link", { name: "下一题" }).click();
  await expect(page.getByText(`第 ${n} / 3 题`)).toBeVisible();
}

test.describe.serial("knowledge quiz", () => {
  test("the organiser imports questions from Excel and composes a timed quiz", async ({
    page,
    loginAs,
  }) => {
    // The quiz is Weinan's: its federation's organiser runs it.
    await loginAs("weinan");
    await page.goto("/admin/quiz/WN2026QUIZ");
    await expect(
      page.getByRole("heading", { name: "2026年渭南市职工安全生产知识线上答题" }),
    ).toBeVisible();

    // A file with mistakes is refused as a whole, with the row and column of each.
    const bad = await xlsx("bad", [
      ROWS[0] ?? [],
      ["问答", CATEGORY, "E2E：错题", "", "", "", "", "A", "1"],
      ["单选", CATEGORY, "E2E：错答案", "甲", "乙", "", "", "D", "1"],
    ]);
    await page.getByLabel("题库文件（.xlsx）").setInputFiles(bad);
    await page.getByRole("button", { name: "导入", exact: true }).click();
    const errors = page.getByRole("alert").filter({ hasText: "未导入任何题目" });
    await expect(errors).toBeVisible();
    await expect(
      errors.getByRole("row").filter({ hasText: "无法识别的题型“问答”" }).getByRole("cell").first(),
    ).toHaveText("3");
    await expect(
      errors
        .getByRole("row")
        .filter({ hasText: "正确答案 D 不是本题的选项" })
        .getByRole("cell")
        .first(),
    ).toHaveText("4");
    await expect(page.getByRole("rowheader", { name: CATEGORY })).toHaveCount(0);

    const good = await xlsx("good", ROWS);
    await page.getByLabel("题库文件（.xlsx）").setInputFiles(good);
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect(page.getByText("已导入 3 道题。")).toBeVisible();
    await expect(
      page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: CATEGORY }) }),
    ).toContainText("3");

    await page.getByLabel("名称").fill(QUIZ_NAME);
    await page.getByLabel("答题时限（秒）").fill("20");
    await page.getByLabel(`${CATEGORY}（共 3 题）`).fill("3");
    await page.getByRole("button", { name: "生成答题" }).click();
    await expect(page.getByText("答题已生成。")).toBeVisible();
    await expect(page.getByRole("link", { name: QUIZ_NAME })).toBeVisible();
    const [quiz] = await queryDb<{ id: number }>(
      Prisma.sql`SELECT "id" FROM "Quiz" WHERE "name" = ${QUIZ_NAME}`,
    );
    const id = quiz?.id;
    quizPath = `/quiz/${id}`;
    expect(quizPath).toMatch(/^\/quiz\/\d+$/);
  });

  test("a worker answers everything on a phone on a slow connection and hands in", async ({
    page,
    loginAs,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loginAs("quiz1");
    await page.goto("/quiz");
    await expect(page.getByRole("link", { name: QUIZ_NAME })).toBeVisible();
    await startQuiz(page);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/quiz-take-phone.png`, fullPage: true });
    // A slow connection: each request takes 0.25 s more to reach the server, and the worker
    // ticks and moves on without waiting for 已保存. Every tick is stored, in order (the
    // multiple-choice question's second tick too, made while its first is on its way), and
    // 交卷 hands in after the last one.
    await page.route(
      (url) => url.pathname.startsWith(quizPath),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await route.continue();
      },
    );
    await answerShown(page, true, true);
    await next(page, 2);
    await answerShown(page, true, true);
    await next(page, 3);
    await answerShown(page, true, true);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "交卷" }).click();
    await expect(page.getByText("已交卷。")).toBeVisible();
    await expect(page.getByText("得分 15.00 / 15.00")).toBeVisible();
  });

  test("a worker reloads in the middle and loses nothing", async ({ page, loginAs }) => {
    await loginAs("quiz2");
    await startQuiz(page);
    await answerShown(page);
    await next(page, 2);
    await answerShown(page);
    // The dropped connection: a full reload keeps the attempt, the clock and the answers.
    await page.reload();
    await expect(page.getByText("第 2 / 3 题")).toBeVisible();
    await expect(page.locator(".quiz-question input:checked")).not.toHaveCount(0);
    await page.getByRole("link", { name: "1", exact: true }).click();
    await expect(page.getByText("第 1 / 3 题")).toBeVisible();
    await expect(page.locator(".quiz-question input:checked")).not.toHaveCount(0);
    await page.getByRole("link", { name: "3", exact: true }).click();
    await expect(page.getByText("第 3 / 3 题")).toBeVisible();
    await expect(page.locator(".quiz-question input:checked")).toHaveCount(0);
    await answerShown(page);
    // Slower than quiz1 (on its slow connection) on purpose: equal scores are separated by
    // time taken.
    await page.waitForTimeout(5000);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "交卷" }).click();
    await expect(page.getByText("得分 15.00 / 15.00")).toBeVisible();
  });

  test("a worker runs out of time: the server hands in and ignores later answers", async ({
    page,
    loginAs,
    request,
  }) => {
    await loginAs("quiz3");
    await startQuiz(page);
    await answerShown(page);
    await next(page, 2);
    await answerShown(page, false);
    // Past the deadline the countdown hands in; the server records a timeout.
    await expect(page.getByText("答题时间已到，系统已自动交卷", { exact: false })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText("得分 5.00 / 15.00")).toBeVisible();
    const [attempt] = await queryDb<{ id: number; status: string; durationMs: number }>(
      Prisma.sql`SELECT a."id", a."status", a."durationMs" FROM "QuizAttempt" a JOIN "User" u ON u."workerId" = a."workerId"
        WHERE u."username" = 'quiz3' AND a."quizId" = ${Number(quizPath.split("/").pop())}`,
    );
    expect(attempt?.status).toBe("timed_out");
    expect(attempt?.durationMs).toBe(20_000);
    // A save sent after the deadline (a tampered browser) is refused.
    const cookies = await page.context().cookies();
    const late = await request.post(`${quizPath}?index`, {
      form: { intent: "save", attemptId: String(attempt?.id), questionId: "1", option: "A" },
      headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
      maxRedirects: 0,
    });
    expect(late.status()).toBe(409);
  });

  test("the leaderboard ranks by score, then time, and counts organisations", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const response = await page.goto(`${quizPath}/leaderboard`);
    // The same for every anonymous visitor: the app server shares it for a second.
    expect(response?.headers()["cache-control"]).toBe("public, max-age=1");
    const people = page.getByRole("table", { name: "个人排行" });
    const rows = people.getByRole("row");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText(await workerName("quiz1"));
    await expect(rows.nth(1).getByRole("cell").first()).toHaveText("1");
    await expect(rows.nth(2)).toContainText(await workerName("quiz2"));
    await expect(rows.nth(2).getByRole("cell").first()).toHaveText("2");
    await expect(rows.nth(3)).toContainText(await workerName("quiz3"));
    await expect(rows.nth(3)).toContainText("5.00");
    const orgs = page.getByRole("table", { name: "单位排行（参与率和平均分）" });
    await expect(orgs.getByRole("row").filter({ hasText: "渭河特大桥项目部" })).toContainText(
      "15.00",
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/quiz-leaderboard-phone.png`, fullPage: true });
  });
});
