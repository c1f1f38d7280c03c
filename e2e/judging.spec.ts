import { Prisma } from "~/generated/prisma/client";
import { mkdirSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, queryDb, test } from "./support/fixtures";
import { openScoringWindow } from "./support/scoring-window";

const SCREENSHOTS = "e2e/.screenshots";

type Entry = { id: number; blindCode: string; username: string | null };

async function demoEvent() {
  const [event] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT e."id" FROM "Event" e JOIN "Contest" c ON c."id" = e."contestId" WHERE c."code" = 'XA2026DIGI' AND e."code" = 'OFFICE'`,
  );
  const entries = await queryDb<Entry>(
    Prisma.sql`SELECT r."id", r."blindCode", u."username" FROM "Registration" r LEFT JOIN "User" u ON u."workerId" = r."workerId"
     WHERE r."eventId" = ${event!.id} ORDER BY r."id"`,
  );
  const byUser = (name: string | null) => entries.find((e) => e.username === name)!;
  return { eventId: event!.id, a: byUser("worker"), b: byUser("worker2"), c: byUser(null) };
}

async function rightEdge(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  return box ? box.x + box.width : Infinity;
}

/** A button (or a link styled as one) whose label stays on one line: no circle, no column. */
async function expectOneLine(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, "the button is laid out").not.toBeNull();
  expect(box!.height).toBeLessThanOrEqual(48);
  expect(box!.width).toBeGreaterThan(box!.height);
}

type Sheet = { t1?: string; p1?: string; p2: string; p3: string };

async function scoreSheet(page: Page, eventId: number, entry: Entry, marks: Sheet) {
  await page.goto(`/judge/events/${eventId}`);
  await page.getByRole("link", { name: new RegExp(`^${entry.blindCode} `) }).click();
  await expect(
    page.getByRole("heading", { name: new RegExp(`评分表 ${entry.blindCode}`) }),
  ).toBeVisible();
  if (marks.t1) await page.getByLabel("T1 理论考试").fill(marks.t1);
  if (marks.p1) await page.getByLabel("P1 文档排版").fill(marks.p1);
  await page.getByLabel("P2 数据处理与图表").fill(marks.p2);
  await page.getByLabel("P3 演示文稿设计").fill(marks.p3);
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText(`加密号 ${entry.blindCode} 的评分已提交`)).toBeVisible();
}

test("three judges score, the chief resolves, locks and publishes, a worker reads the receipt, an appeal changes the ranks", async ({
  page,
  browser,
  loginAs,
}) => {
  test.setTimeout(180_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { eventId, a, b, c } = await demoEvent();

  // The organiser sees the marking scheme of the event.
  await loginAs("admin");
  await page.goto(`/admin/events/${eventId}/scheme`);
  await expect(page.getByRole("heading", { name: "评分细则 · 办公软件应用" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "实际操作" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectOneLine(page.getByRole("button", { name: "导入评分细则" }));
  await page.screenshot({ path: `${SCREENSHOTS}/judging-scheme-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Chief judge records the measurements and judges the two aspects; a mark above its
  // maximum is refused on the sheet itself.
  await loginAs("chief");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/judge/events/${eventId}`);
  await page.getByRole("link", { name: new RegExp(`^${a.blindCode} `) }).click();
  await page.getByLabel("P3 演示文稿设计").fill("31");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("评分超过满分 30.00")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/judging-sheet-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await scoreSheet(page, eventId, a, { t1: "80", p1: "35", p2: "3", p3: "24" });
  // The worklist counts what is done and leads to the next sheet.
  await expect(page.getByText("已提交 1 / 3 份")).toBeVisible();
  await expect(page.getByRole("link", { name: `下一个待评：${b.blindCode}` })).toBeVisible();
  // A submitted sheet says what changing it means.
  await page.getByRole("link", { name: new RegExp(`^${a.blindCode} `) }).click();
  await expect(
    page.getByText(/你已提交这份评分表。现在修改并保存，会改动已提交的分数/),
  ).toBeVisible();
  await page.goto(`/judge/events/${eventId}`);
  await scoreSheet(page, eventId, b, { t1: "78", p1: "34", p2: "2", p3: "25" });
  await scoreSheet(page, eventId, c, { t1: "60", p1: "30", p2: "1", p3: "18" });

  await loginAs("judge2");
  await page.goto(`/judge/events/${eventId}`);
  // Judges see blind codes only.
  await expect(page.getByRole("link", { name: new RegExp(`^${a.blindCode} `) })).toBeVisible();
  await expect(page.getByText("西安秦岭软件")).toHaveCount(0);
  await scoreSheet(page, eventId, a, { p2: "1", p3: "26" });
  await scoreSheet(page, eventId, b, { p2: "2", p3: "27" });
  await scoreSheet(page, eventId, c, { p2: "1", p3: "20" });

  await loginAs("judge3");
  await scoreSheet(page, eventId, a, { p2: "2", p3: "20" });
  await scoreSheet(page, eventId, b, { p2: "2", p3: "22" });
  await scoreSheet(page, eventId, c, { p2: "1", p3: "15" });

  // While the judges mark, the public board of this judged event shows no score at all.
  const visitor = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await visitor.goto("/results/XA2026DIGI/OFFICE");
  await expect(visitor.getByText("本赛项成绩将在裁判长公布后显示。")).toBeVisible();
  await expect(visitor.locator("table.lb-table")).toHaveCount(0);

  // Chief judge: the WorldSkills aspect of entry A is 2 points apart and blocks locking.
  await loginAs("chief");
  await page.goto(`/judge/events/${eventId}`);
  await expect(page.getByText("裁判1与裁判2的评分相差 2 分")).toBeVisible();
  await page.getByLabel(/我已了解：锁定后评分不能再修改/).check();
  await page.getByRole("button", { name: "锁定成绩" }).click();
  await expect(page.getByText("还有 1 处评分分歧（相差超过 1 分）未协调")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/judging-chief.png`, fullPage: true });
  // The review button keeps its shape on a phone: one line, wider than tall.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectOneLine(page.getByRole("link", { name: `复核 ${a.blindCode}` }));
  await page.screenshot({ path: `${SCREENSHOTS}/judging-chief-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("link", { name: `复核 ${a.blindCode}` }).click();
  await page.getByLabel("P2 裁判2").fill("2");
  await page.getByLabel("修改原因（记入审计日志）").fill("裁判组协调后，裁判2改判为2分");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("评分已修改并记录")).toBeVisible();
  await page.goto(`/judge/events/${eventId}`);
  await page.getByLabel(/我已了解：锁定后评分不能再修改/).check();
  await page.getByRole("button", { name: "锁定成绩" }).click();
  await expect(page.getByText("成绩已锁定，名次和奖项已生成")).toBeVisible();
  // The confirmation says how many entries and when the notice period ends.
  await expect(page.getByLabel(/公布后 3 个参赛报名的成绩和名次对外公开/)).toBeVisible();
  await page.getByLabel(/公示期 \d+ 天，至 .* 结束/).check();
  await page.getByRole("button", { name: "公布成绩" }).click();
  await expect(page.getByText("成绩已公布，公示期开始")).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByText("本赛项成绩将在裁判长公布后显示。")).toHaveCount(0);
  await expect(visitor.locator("table.lb-table").first().locator("tbody tr")).toHaveCount(3);
  await visitor.context().close();

  // The worker (entry A) opens the receipt: every judge's mark, what was dropped, the rank.
  await loginAs("worker");
  await page.goto("/me/receipts");
  await page.getByRole("link", { name: "查看成绩回执" }).click();
  await expect(page.getByRole("heading", { name: "成绩回执 · 办公软件应用" })).toBeVisible();
  await expect(page.getByText("81.63 / 100.00")).toBeVisible();
  await expect(page.getByText("第 1 名（共 3 人）")).toBeVisible();
  await expect(page.getByText("一等奖")).toBeVisible();
  await expect(page.getByText("去掉的最高分").first()).toBeVisible();
  await expect(page.getByText("裁判3").first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/judging-receipt.png`, fullPage: true });
  // On a phone the receipt's tables fit the screen, and the navigation shows every link.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const wrap of await page.locator("main .table-wrap").all())
    expect(await wrap.evaluate((w) => w.scrollWidth - w.clientWidth)).toBeLessThanOrEqual(1);
  for (const link of await page.getByRole("navigation", { name: "主导航" }).getByRole("link").all())
    expect(await rightEdge(link)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SCREENSHOTS}/judging-receipt-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The manager of entry B's unit appeals in writing during the notice period.
  await loginAs("qinchuan");
  await page.goto(`/org/receipts/${b.id}`);
  await expect(page.getByText("第 2 名（共 3 人）")).toBeVisible();
  await page
    .getByLabel("申诉理由（书面）")
    .fill("演示文稿设计一项的评分与现场录像不符，请裁判长复核。");
  await page.getByRole("button", { name: "提交申诉" }).click();
  await expect(page.getByText("申诉已提交，等待裁判长复核")).toBeVisible();
  // Another unit's entry does not exist for this manager.
  const other = await page.goto(`/org/receipts/${a.id}`);
  expect(other?.status()).toBe(404);

  // The chief judge reviews, reopens the marks, and upholds the appeal.
  await loginAs("chief");
  // Judges address entries by blind code: no registration id in a judge's address bar.
  await page.goto(`/judge/events/${eventId}/review/${b.blindCode}`);
  await page.getByRole("button", { name: "受理并开始复核" }).click();
  await expect(page.getByText("已开始复核，可修改该选手的评分")).toBeVisible();
  for (const n of [1, 2, 3]) await page.getByLabel(`P3 裁判${n}`).fill("30");
  await page.getByLabel("修改原因（记入审计日志）").fill("申诉复核：演示文稿按现场录像改判");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("评分已修改并记录")).toBeVisible();
  await page.getByLabel("复核结论").selectOption("upheld");
  await page.getByLabel("复核意见").fill("经查看现场录像，申诉成立，演示文稿设计一项改判。");
  await page.getByRole("button", { name: "作出决定" }).click();
  await expect(page.getByText("申诉已处理，名次已重新计算")).toBeVisible();
  await expect(page.getByText("名次：第 2 名 → 第 1 名；总成绩：78.70 → 82.20")).toBeVisible();

  // The appellant sees the decision, the changed marks and the new rank.
  await loginAs("qinchuan");
  await page.goto(`/org/receipts/${b.id}`);
  await expect(page.getByText("申诉成立", { exact: true })).toBeVisible();
  await expect(page.getByText("评分项 P3（裁判2）：27.00 → 30.00")).toBeVisible();
  await expect(page.getByText("名次：第 2 名 → 第 1 名；总成绩：78.70 → 82.20")).toBeVisible();
  await expect(page.getByText("第 1 名（共 3 人）")).toBeVisible();

  // The organiser's audit log for the entry shows who changed which mark, and why.
  await loginAs("admin");
  await page.goto(`/admin/events/${eventId}/audit?entry=${b.id}`);
  await expect(
    page.getByRole("cell", { name: "申诉复核：演示文稿按现场录像改判" }).first(),
  ).toBeVisible();
  await expect(page.getByRole("cell", { name: "裁判长修改评分" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "申诉决定" })).toBeVisible();
});

test("a judge cannot open a recused entry by URL, and a stale sheet is refused with a clear message", async ({
  page,
  browser,
  loginAs,
}) => {
  // judge1 works for 航发精密零部件: its CNC entries are not on the worklist and answer 404.
  const [hangfa] = await queryDb<{ blindCode: string; eventId: number }>(
    Prisma.sql`SELECT r."blindCode", r."eventId" FROM "Registration" r JOIN "Organisation" o ON o."id" = r."organisationId"
     JOIN "Event" e ON e."id" = r."eventId" JOIN "Contest" c ON c."id" = e."contestId"
     WHERE o."name" = '西安航发精密零部件有限公司' AND c."code" = 'XA2026SKILLS' AND r."blindCode" IS NOT NULL LIMIT 1`,
  );
  await loginAs("judge1");
  const response = await page.goto(`/judge/events/${hangfa!.eventId}/entries/${hangfa!.blindCode}`);
  expect(response?.status()).toBe(404);

  // Two tabs of judge2 on the same PROG sheet: the second save is refused, nothing overwritten.
  const [prog] = await queryDb<{ eventId: number; blindCode: string }>(
    Prisma.sql`SELECT r."eventId", r."blindCode" FROM "Registration" r JOIN "Event" e ON e."id" = r."eventId"
     JOIN "Contest" c ON c."id" = e."contestId" JOIN "Organisation" o ON o."id" = r."organisationId"
     WHERE c."code" = 'XA2026SKILLS' AND e."code" = 'PROG' AND r."blindCode" IS NOT NULL AND o."name" = '西安丝路数据服务有限公司' LIMIT 1`,
  );
  const url = `/judge/events/${prog!.eventId}/entries/${prog!.blindCode}`;
  // Scoring opens tomorrow: the sheet says when and cannot be saved.
  await openScoringWindow(page, loginAs, prog!.eventId, 1);
  await loginAs("judge2");
  await page.goto(url);
  await expect(page.getByText(/评分尚未开始：本赛项 .* 开放评分/)).toBeVisible();
  await expect(page.getByRole("button", { name: "保存草稿" })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/judging-not-open-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  // The organiser opens the window; now the sheet takes marks.
  await openScoringWindow(page, loginAs, prog!.eventId);
  await loginAs("judge2");
  const second = await page.context().newPage();
  await page.goto(url);
  await second.goto(url);
  await page.getByLabel("P3 代码规范与可读性").fill("20");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存")).toBeVisible();
  await second.getByLabel("P3 代码规范与可读性").fill("10");
  await second.getByRole("button", { name: "保存草稿" }).click();
  await expect(second.getByText(/评分表已被更新/)).toBeVisible();
  await second.getByRole("link", { name: "重新加载评分表" }).click();
  await expect(second.getByLabel("P3 代码规范与可读性")).toHaveValue("20");
  void browser;
});
