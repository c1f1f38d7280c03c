// Journeys without dead ends (issue 14): every contest kind's public page leads to what it
// has, and a worker (and their unit's manager) finds and downloads the certificates earned.
import { mkdirSync } from "node:fs";
import { Prisma } from "~/generated/prisma/client";
import { expect, queryDb, test } from "./support/fixtures";

const SCREENSHOTS = "e2e/.screenshots";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 800 };

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

test("a visitor reaches every contest kind's boards from the home page", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  // The cards count what each kind has, not "0 个赛项" for kinds without events.
  const labourCard = page.getByRole("article").filter({ hasText: "“助力十四运 建功新时代”" });
  await expect(labourCard.getByText("参赛单位 6 个 · 考核周期 4 个")).toBeVisible();
  // Its two quizzes (the federations seed adds a second, closing soon): the first one is followed.
  const quizCard = page.getByRole("article").filter({ hasText: "安全生产知识线上答题" });
  await expect(quizCard.getByText("答题 2 场")).toBeVisible();
  await expect(page.getByText("0 个赛项")).toHaveCount(0);

  // Labour competition → its public ranking.
  await labourCard.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "考核周期" })).toBeVisible();
  await expect(page.getByText("该竞赛尚未设置赛项")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/journeys-labour-contest.png`, fullPage: true });
  await page.getByRole("link", { name: /劳动竞赛排行榜/ }).click();
  await expect(page).toHaveURL(/\/labour\/XA2026GAMES$/);

  // Quiz → the quiz's leaderboard, and the way in for workers.
  await page.setViewportSize(PHONE);
  await page.goto("/contests/WN2026QUIZ");
  await expect(page.getByRole("link", { name: "参加答题（职工登录）" }).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/journeys-quiz-contest-phone.png`, fullPage: true });
  await page.getByRole("link", { name: "排行榜", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /排行榜/ })).toBeVisible();

  // Skills contest → each event's board and the contest's results board.
  await page.goto("/contests/XA2026SKILLS");
  await page.getByRole("link", { name: "查看成绩 · 计算机程序设计" }).click();
  await expect(page).toHaveURL(/\/results\/XA2026SKILLS\/PROG$/);
  await page.goto("/contests/XA2026SKILLS");
  await page
    .getByRole("navigation", { name: "在这里可以查看" })
    .getByRole("link", { name: /成绩榜/ })
    .click();
  await expect(page).toHaveURL(/\/results\/XA2026SKILLS$/);
});

test("a worker finds and downloads their certificate; their manager sees the unit's", async ({
  page,
  loginAs,
}) => {
  const [cert] = await queryDb<{ serial: string }>(
    Prisma.sql`SELECT c."serial" FROM "Certificate" c JOIN "HonourAward" a ON a."id" = c."awardId"
      JOIN "User" u ON u."workerId" = a."workerId" WHERE u."username" = 'worker'`,
  );
  expect(cert).toBeDefined();
  const serial = cert!.serial;

  await loginAs("worker");
  await page.setViewportSize(PHONE);
  await page.goto("/me/receipts");
  await page.getByRole("link", { name: /查看我的全部证书/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的证书" })).toBeVisible();
  await expect(page.getByRole("cell", { name: serial, exact: true })).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/journeys-my-certificates-phone.png`,
    fullPage: true,
  });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: `下载证书 PDF ${serial}` }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  // Another worker may not download it (the same answer as for no such certificate).
  await loginAs("worker2");
  const refused = await page.request.get(`/certificates/${serial}.pdf`);
  expect(refused.status()).toBe(404);
  await page.goto("/me/certificates");
  await expect(page.getByRole("cell", { name: serial, exact: true })).toHaveCount(0);

  // The worker's manager sees the unit's certificates, another unit's manager does not.
  await loginAs("qinling");
  await page.setViewportSize(DESKTOP);
  await page.goto("/org/receipts");
  await page.getByRole("link", { name: /查看本单位全部证书/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "本单位证书" })).toBeVisible();
  await expect(page.getByRole("cell", { name: serial, exact: true })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/journeys-org-certificates.png`, fullPage: true });
  await loginAs("qinchuan");
  await page.goto("/org/certificates");
  await expect(page.getByRole("cell", { name: serial, exact: true })).toHaveCount(0);
});
