// A tool, not a test (kept out of npm test by playwright.config.ts): screenshots of every
// role's main journey in Chinese at 1366×800 and 390×844, to be looked at by a person.
//   E2E_PORT=… JX_BUILD_NAME=… npx playwright test --config playwright.tools.config.ts
// Shots go to SHOTS_DIR (default test-results/shots). The judging demo event is scored,
// locked and published first, so the worker's receipt has something to show.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { Prisma } from "~/generated/prisma/client";
import { eventIdOf, expect, queryDb, test } from "../support/fixtures";

const DIR = process.env.SHOTS_DIR ?? "test-results/shots";
const SIZES = [
  { name: "desktop", width: 1366, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${DIR}/${name}-${size.name}.png`, fullPage: true });
    // What a picture hides: the page wider than the screen, and tables that scroll sideways.
    const layout = await page.evaluate(() => ({
      pageWider: document.documentElement.scrollWidth - window.innerWidth,
      scrollingTables: [...document.querySelectorAll("main .table-wrap")]
        .filter((w) => w.scrollWidth - w.clientWidth > 1)
        .map((w) => w.querySelector("caption, th")?.textContent?.trim().slice(0, 30) ?? "?"),
      title: document.title,
    }));
    appendFileSync(`${DIR}/layout.txt`, `${name}-${size.name}\t${JSON.stringify(layout)}\n`);
  }
}

type Entry = { id: number; blindCode: string; username: string | null };

async function publishOffice(page: Page, loginAs: (u: string) => Promise<void>) {
  const office = await eventIdOf("XA2026DIGI", "OFFICE");
  const entries = await queryDb<Entry>(
    Prisma.sql`SELECT r."id", r."blindCode", u."username" FROM "Registration" r LEFT JOIN "User" u ON u."workerId" = r."workerId"
     WHERE r."eventId" = ${office} ORDER BY r."id"`,
  );
  const marks: Record<string, Record<string, string>[]> = {
    chief: [
      { t1: "80", p1: "35", p2: "2", p3: "24" },
      { t1: "78", p1: "34", p2: "2", p3: "25" },
      { t1: "60", p1: "30", p2: "1", p3: "18" },
    ],
    judge2: [
      { p2: "2", p3: "26" },
      { p2: "2", p3: "27" },
      { p2: "1", p3: "20" },
    ],
    judge3: [
      { p2: "2", p3: "20" },
      { p2: "2", p3: "22" },
      { p2: "1", p3: "15" },
    ],
  };
  for (const [judge, sheets] of Object.entries(marks)) {
    await loginAs(judge);
    for (const [i, m] of sheets.entries()) {
      const entry = entries[i]!;
      await page.goto(`/judge/events/${office}/entries/${entry.blindCode}`);
      if (m.t1) await page.getByLabel("T1 理论考试").fill(m.t1);
      if (m.p1) await page.getByLabel("P1 文档排版").fill(m.p1);
      await page.getByLabel("P2 数据处理与图表").fill(m.p2!);
      await page.getByLabel("P3 演示文稿设计").fill(m.p3!);
      await page.getByRole("button", { name: "提交评分" }).click();
      await expect(page.getByText(`加密号 ${entry.blindCode} 的评分已提交`)).toBeVisible();
    }
  }
  await loginAs("chief");
  await page.goto(`/judge/events/${office}`);
  await shoot(page, "chief-workbench");
  await page.getByLabel(/我已了解：锁定后评分不能再修改/).check();
  await page.getByRole("button", { name: "锁定成绩" }).click();
  await expect(page.getByText("成绩已锁定，名次和奖项已生成")).toBeVisible();
  await shoot(page, "chief-locked");
  await page.getByLabel(/公示期 \d+ 天，至 .* 结束/).check();
  await page.getByRole("button", { name: "公布成绩" }).click();
  await expect(page.getByText("成绩已公布，公示期开始")).toBeVisible();
  return { office, entries };
}

test("screenshots of every role's journey", async ({ page, loginAs, pageChecks }) => {
  test.setTimeout(900_000);
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${DIR}/layout.txt`, "");
  pageChecks.accessibilityScope = "route";
  const skills = await eventIdOf("XA2026SKILLS", "PROG");
  const [contest] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "Contest" WHERE "code" = 'XA2026SKILLS'`,
  );
  const [quiz] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "Quiz" WHERE "name" = '第一期：安全生产与劳动法律知识'`,
  );

  // Judges (and the chief) score the demo event; its results are published.
  await loginAs("judge2");
  await page.goto("/judge");
  await shoot(page, "judge-home");
  const { office, entries } = await publishOffice(page, loginAs);
  await loginAs("judge2");
  await page.goto(`/judge/events/${office}`);
  await shoot(page, "judge-worklist");
  await page.goto(`/judge/events/${office}/entries/${entries[0]!.blindCode}`);
  await shoot(page, "judge-sheet");

  const journeys: [string | null, string, string][] = [
    [null, "/", "visitor-home"],
    [null, "/contests", "visitor-contests"],
    [null, "/contests/XA2026SKILLS", "visitor-contest-skills"],
    [null, "/contests/WN2026QUIZ", "visitor-contest-quiz"],
    [null, "/results", "visitor-results"],
    [null, "/results/XA2026DIGI/OFFICE", "visitor-board-office"],
    [null, "/labour/XA2026GAMES", "visitor-labour"],
    [null, "/honours", "visitor-honours"],
    [null, "/honours/showcase", "visitor-showcase"],
    [null, "/verify", "visitor-verify"],
    [null, "/login", "visitor-login"],
    ["admin", "/admin", "organiser-home"],
    ["admin", "/admin/contests", "organiser-contests"],
    ["admin", `/admin/contests/${contest!.id}`, "organiser-contest"],
    ["admin", `/admin/contests/${contest!.id}/registrations`, "organiser-review"],
    ["admin", `/admin/events/${skills}/scheme`, "organiser-scheme"],
    ["admin", `/admin/events/${skills}/judges`, "organiser-judges"],
    ["admin", "/admin/quiz/WN2026QUIZ", "organiser-quiz"],
    ["admin", "/admin/labour/XA2026GAMES", "organiser-labour"],
    ["admin", "/admin/honours", "organiser-honours"],
    ["qinling", "/org", "company-home"],
    ["qinling", "/org/workers", "company-roster"],
    ["qinling", "/org/workers/import", "company-roster-import"],
    ["qinling", "/org/registrations", "company-entries"],
    ["qinling", "/org/receipts", "company-receipts"],
    ["qinling", `/org/receipts/${entries[0]!.id}`, "company-receipt"],
    ["qinling", "/org/certificates", "company-certificates"],
    ["worker", "/me", "worker-home"],
    ["worker", "/me/results", "worker-results"],
    ["worker", "/me/receipts", "worker-receipts"],
    ["worker", `/me/receipts/${entries[0]!.id}`, "worker-receipt"],
    ["worker", "/me/certificates", "worker-certificates"],
    ["quiz5", "/quiz", "worker-quizzes"],
    ["quiz5", `/quiz/${quiz!.id}`, "worker-quiz"],
  ];
  let signedIn: string | null = "judge2";
  for (const [user, url, name] of journeys) {
    if (user !== signedIn) {
      await page.context().clearCookies();
      if (user) await loginAs(user);
      signedIn = user;
    }
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.goto(url);
    await shoot(page, name);
  }
  // The quiz, started: one question on the page.
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.getByRole("button", { name: "开始答题" }).click();
  await expect(page.getByRole("group", { name: /^第 1 \/ \d+ 题/ })).toBeVisible();
  await shoot(page, "worker-quiz-question");
});
