import { Prisma } from "~/generated/prisma/client";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expect, queryDb, test } from "./support/fixtures";
import { openScoringWindow } from "./support/scoring-window";

const SCREENSHOTS = "e2e/.screenshots";
const BOARD = "/results/XA2026SKILLS/HEAT";

type Entry = {
  id: number;
  blindCode: string;
  entryNumber: string;
  name: string;
  organisation: string;
};

type BoardState = { resultsVisibility: string; freezeAt: unknown };

/**
 * Two heat-plant entries nobody has scored yet, from a unit none of the panel judges belongs to
 * (西安城东供热 first, as on a fresh database), and the event's board settings. A retry finds the
 * event as the failed try left it (its entries scored, the board live or frozen): it takes the
 * next unscored entries, and the test puts the settings back itself.
 */
async function heatEntries() {
  const [event] = await queryDb<{ id: number } & BoardState>(
    Prisma.sql`SELECT e."id", e."resultsVisibility", e."freezeAt" FROM "Event" e JOIN "Contest" c ON c."id" = e."contestId" WHERE c."code" = 'XA2026SKILLS' AND e."code" = 'HEAT'`,
  );
  const entries = await queryDb<Entry>(
    Prisma.sql`SELECT r."id", r."blindCode", r."entryNumber", w."name", o."name" AS "organisation"
     FROM "Registration" r
     JOIN "Worker" w ON w."id" = r."workerId" JOIN "Organisation" o ON o."id" = r."organisationId"
     WHERE r."eventId" = ${event!.id} AND r."blindCode" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "ScoreSheet" s WHERE s."registrationId" = r."id")
       AND r."organisationId" NOT IN (SELECT u."organisationId" FROM "JudgeAssignment" j
         JOIN "User" u ON u."id" = j."userId" WHERE j."eventId" = ${event!.id} AND u."organisationId" IS NOT NULL)
     ORDER BY CASE WHEN o."name" = '西安城东供热有限公司' THEN 0 ELSE 1 END, r."id"`,
  );
  expect(entries.length, "unscored heat-plant entries").toBeGreaterThanOrEqual(2);
  return { event: event!, eventId: event!.id, a: entries[0]!, b: entries[1]! };
}

/**
 * The rank the board must give an entry: one more than the complete results with a higher
 * total (on a fresh database only this test's entries have any; a retry's earlier entries,
 * scored alike, tie with its own).
 */
async function expectedRank(eventId: number, entry: Entry): Promise<number> {
  const [row] = await queryDb<{ ahead: number | bigint | string }>(
    Prisma.sql`SELECT COUNT(*) AS "ahead" FROM "Result" x JOIN "Result" me ON me."registrationId" = ${entry.id}
     WHERE x."eventId" = ${eventId} AND x."total" IS NOT NULL AND x."total" > me."total"`,
  );
  return 1 + Number(row!.ahead);
}

type Sheet = { t1: string; p1: string; p2: string; p3: string };

/** Every judge of the panel submits the entry's sheet; a judge recused from it sees no link. */
async function scoreByPanel(
  page: Page,
  loginAs: (u: string) => Promise<void>,
  eventId: number,
  entry: Entry,
  marks: Sheet,
) {
  await openScoringWindow(page, loginAs, eventId);
  for (const judge of ["chief", "judge1", "judge2", "judge3"]) {
    await loginAs(judge);
    await page.goto(`/judge/events/${eventId}`);
    const link = page.getByRole("link", { name: new RegExp(`^${entry.blindCode} `) });
    if ((await link.count()) === 0) continue;
    await link.click();
    await expect(page.getByLabel("P1 机组启停操作")).toBeVisible();
    // The theory mark is a measurement recorded once, on the sheets that carry it.
    const theory = page.getByLabel("T1 理论考试");
    if ((await theory.count()) > 0) await theory.fill(marks.t1);
    await page.getByLabel("P1 机组启停操作").fill(marks.p1);
    await page.getByLabel("P2 故障判断与处置").fill(marks.p2);
    await page.getByLabel("P3 安全规程执行").fill(marks.p3);
    await page.getByRole("button", { name: "提交评分" }).click();
    await expect(page.getByText(`加密号 ${entry.blindCode} 的评分已提交`)).toBeVisible();
  }
}

async function publicPage(browser: Browser, viewport = { width: 390, height: 844 }) {
  const context = await browser.newContext({
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport,
  });
  return context.newPage();
}

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

test("a judge's save shows up live, the board freezes for the public and the big screen reveals it", async ({
  page,
  browser,
  loginAs,
}) => {
  test.setTimeout(180_000);
  const { event, eventId, a, b } = await heatEntries();
  // A retry: the board back to what a new event has, through the organiser's settings.
  if (event.resultsVisibility !== "on_publication" || event.freezeAt !== null) {
    await loginAs("admin");
    await page.goto(BOARD);
    await page.getByLabel("公布前公众能看到什么").selectOption("on_publication");
    await page.getByLabel("封榜时间").fill("");
    await page.getByRole("button", { name: "保存设置" }).click();
    await expect(page.getByText("榜单设置已保存。")).toBeVisible();
  }

  // A member of the public has the board open on a phone before any result exists. A new
  // event shows nothing before publication, until the organiser chooses live scores.
  const watcher = await publicPage(browser);
  await watcher.goto(BOARD);
  await expect(watcher.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(watcher.getByText("本赛项成绩将在裁判长公布后显示。")).toBeVisible();
  await loginAs("admin");
  await page.goto(BOARD);
  await page.getByLabel("公布前公众能看到什么").selectOption("live");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("榜单设置已保存。")).toBeVisible();
  // The open board hears of it and shows the live board (still empty).
  await expect(watcher.getByText("本赛项成绩将在裁判长公布后显示。")).toHaveCount(0);
  await expect(watcher.getByText("实时更新")).toBeVisible();
  await expect(watcher.getByRole("row", { name: new RegExp(a.name) })).toHaveCount(0);

  // The panel scores entry A; the last save completes it and the open board updates itself.
  await scoreByPanel(page, loginAs, eventId, a, { t1: "88", p1: "36", p2: "35.5", p3: "18" });
  const rowA = watcher.getByRole("row", { name: new RegExp(a.name) });
  await expect(rowA).toBeVisible({ timeout: 5_000 });
  await expect(rowA.getByRole("cell").first()).toHaveText(String(await expectedRank(eventId, a)));
  await watcher.screenshot({ path: `${SCREENSHOTS}/leaderboard-live-390.png`, fullPage: true });

  // The organiser freezes the board from a minute ago.
  await loginAs("admin");
  await page.goto(BOARD);
  const past = new Date(Date.now() - 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);
  await page.getByLabel("封榜时间").fill(past);
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("榜单设置已保存。")).toBeVisible();

  // Entry B is scored after the freeze: the organiser sees it, the public does not.
  await scoreByPanel(page, loginAs, eventId, b, { t1: "95", p1: "39", p2: "38", p3: "19.5" });
  await loginAs("admin");
  await page.goto(BOARD);
  await expect(page.getByText(/你看到的是实时排名/)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(b.name) })).toBeVisible();
  await watcher.reload();
  await expect(watcher.getByText(/公众看到的是封榜时的排名/)).toBeVisible();
  await expect(watcher.getByRole("row", { name: new RegExp(a.name) })).toBeVisible();
  await expect(watcher.getByRole("row", { name: new RegExp(b.name) })).toHaveCount(0);

  // The venue's big screen shows the frozen board at 1920×1080.
  const screen = await publicPage(browser, { width: 1920, height: 1080 });
  await screen.goto(`${BOARD}/screen`);
  await expect(screen.getByText(/封榜/)).toBeVisible();
  await expect(screen.getByRole("cell", { name: a.name })).toBeVisible();
  await expect(screen.getByRole("cell", { name: b.name })).toHaveCount(0);
  await screen.screenshot({ path: `${SCREENSHOTS}/leaderboard-screen-frozen.png` });

  // Unfreezing reveals B on the big screen without a reload, with the reveal animation.
  await page.getByRole("button", { name: "解除封榜并揭晓" }).click();
  await expect(page.getByText("榜单设置已保存。")).toBeVisible();
  await expect(screen.getByText("揭晓最终排名")).toBeVisible({ timeout: 5_000 });
  await expect(screen.getByRole("cell", { name: b.name })).toBeVisible();
  await screen.waitForTimeout(1_500);
  await screen.screenshot({ path: `${SCREENSHOTS}/leaderboard-screen-reveal.png` });
  await expect(screen.getByText(/封榜/)).toHaveCount(0);
  await watcher.reload();
  const rowB = watcher.getByRole("row", { name: new RegExp(b.name) });
  await expect(rowB).toBeVisible();
  await expect(rowB.getByRole("cell").first()).toHaveText(String(await expectedRank(eventId, b)));
  await screen.context().close();
  await watcher.context().close();

  // A worker with only the short number on their entry card (“0002”) finds their rank, total
  // and neighbours on a phone, without JavaScript; so does one who types their name.
  const phone = await browser.newContext({
    locale: "zh-CN",
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const mine = await phone.newPage();
  await mine.goto(BOARD);
  const shortNumber = a.entryNumber.split("-").at(-1)!;
  expect(shortNumber).toMatch(/^\d{4}$/);
  await mine.getByLabel("参赛编号或姓名").fill(shortNumber);
  await mine.getByRole("button", { name: "查询名次" }).click();
  await expect(mine.getByRole("status").filter({ hasText: a.entryNumber })).toContainText(
    `${a.name}（${a.entryNumber}）第 ${await expectedRank(eventId, a)} 名`,
  );
  const meRow = mine.locator("tr[aria-current=true]");
  await expect(meRow).toContainText(a.name);
  // The prize column stays on a phone's screen, not scrolled off to the right.
  const table = mine.getByRole("table").first();
  const prize = await table.getByRole("columnheader", { name: "奖项" }).boundingBox();
  expect(prize!.x + prize!.width).toBeLessThanOrEqual(390);
  expect(await table.evaluate((t) => t.scrollWidth - t.parentElement!.clientWidth)).toBeLessThan(1);
  await mine.screenshot({ path: `${SCREENSHOTS}/leaderboard-my-rank-390.png`, fullPage: true });
  await mine.getByLabel("参赛编号或姓名").fill(b.name);
  await mine.getByRole("button", { name: "查询名次" }).click();
  await expect(mine.getByRole("status").filter({ hasText: b.entryNumber })).toContainText(
    `${b.name}（${b.entryNumber}）第 ${await expectedRank(eventId, b)} 名`,
  );
  // The unit standings lead to the unit's page of the contest.
  await mine
    .getByRole("region", { name: "单位团体总分" })
    .getByRole("link", { name: a.organisation })
    .click();
  await expect(mine).toHaveURL(/\/results\/XA2026SKILLS\/org\/\d+$/);
  await expect(mine.getByRole("heading", { level: 1 })).toContainText(a.organisation);

  // Anyone can take the board away as CSV or Excel.
  const csv = await mine.request.get(`${BOARD}/export?format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toContain("名次,选手,参赛编号,单位,总分");
  expect(text).toContain(`1,${b.name},${b.entryNumber},${b.organisation},95.90`);
  const xlsx = await mine.request.get(`${BOARD}/export?format=xlsx`);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  await phone.close();
});

test("an unknown entry number gets a clear answer, and a worker's own page lists their entries", async ({
  browser,
  page,
  loginAs,
}) => {
  await loginAs("worker");
  await page.goto("/me/results");
  await expect(page.getByRole("heading", { name: "我的成绩" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "计算机程序设计" })).toBeVisible();

  const context = await browser.newContext({
    locale: "zh-CN",
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const anonymous = await context.newPage();
  await anonymous.goto("/results");
  await anonymous
    .getByRole("link", { name: /高技能人才/ })
    .first()
    .click();
  await anonymous.getByRole("link", { name: "计算机程序设计" }).first().click();
  await anonymous.getByLabel("参赛编号或姓名").fill("XA2026SKILLS-PROG-9999");
  await anonymous.getByRole("button", { name: "查询名次" }).click();
  await expect(anonymous.getByText(/“XA2026SKILLS-PROG-9999”暂无排名/)).toBeVisible();
  await anonymous.getByLabel("参赛编号或姓名").fill("9999");
  await anonymous.getByRole("button", { name: "查询名次" }).click();
  await expect(anonymous.getByText(/“9999”暂无排名/)).toBeVisible();
  await context.close();
});
