// Recheck before lock (复核), from the organiser's rule to the lock: the organiser sets the
// rule, the panel marks, the chief judge's lock is refused until the rechecks the rule asks
// for are selected and done, a judge who did not mark the entries rechecks them (one
// difference becomes a correction with a reason), the error rate orders a full re-review,
// and only then does the lock go through. The receipt says the entry was rechecked.
import { mkdirSync } from "node:fs";
import { Prisma } from "~/generated/prisma/client";
import type { Page } from "@playwright/test";
import { eventIdOf, expect, queryDb, test } from "./support/fixtures";

const SCREENSHOTS = "e2e/.screenshots";

type Entry = { id: number; blindCode: string; org: string };

async function sheetEvent() {
  const eventId = await eventIdOf("XA2026DIGI", "SHEET");
  const entries = await queryDb<Entry>(
    Prisma.sql`SELECT r."id", r."blindCode", o."name" AS "org" FROM "Registration" r
     JOIN "Organisation" o ON o."id" = r."organisationId"
     WHERE r."eventId" = ${eventId} ORDER BY r."id"`,
  );
  const byOrg = (name: string) => entries.find((e) => e.org === name)!;
  return {
    eventId,
    top: byOrg("西安秦岭软件科技有限公司"),
    b: byOrg("西安秦川数控机床有限公司"),
    c: byOrg("西安丝路数据服务有限公司"),
  };
}

function rechecksOf(eventId: number) {
  return queryDb<{
    id: number;
    registrationId: number;
    blindCode: string;
    status: string;
    reason: string;
  }>(
    Prisma.sql`SELECT k."id", k."registrationId", r."blindCode", k."status", k."reason" FROM "Recheck" k
     JOIN "Registration" r ON r."id" = k."registrationId"
     WHERE k."eventId" = ${eventId} ORDER BY k."id"`,
  );
}

async function mark(page: Page, eventId: number, entry: Entry, p1: string, t1?: string) {
  await page.goto(`/judge/events/${eventId}`);
  await page.getByRole("link", { name: new RegExp(`^${entry.blindCode} `) }).click();
  if (t1) await page.getByLabel("T1 理论考试").fill(t1);
  await page.getByLabel("P1 报表设计与公式").fill(p1);
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText(`加密号 ${entry.blindCode} 的评分已提交`)).toBeVisible();
}

async function assignAll(page: Page, eventId: number) {
  await page.goto(`/judge/events/${eventId}/rechecks`);
  for (const r of (await rechecksOf(eventId)).filter((r) => r.status === "selected")) {
    // judge1 did not mark this event (not on its panel) and is from an unrelated unit.
    await expect(page.getByLabel(`复核裁判（${r.blindCode}）`)).toHaveValue(/\d+/);
    await page.getByRole("button", { name: `分配 ${r.blindCode}` }).click();
    await expect(page.getByText("复核已分配")).toBeVisible();
  }
}

test("recheck before lock: configured, selected, rechecked by another judge, full re-review on errors, then locked", async ({
  page,
  loginAs,
}) => {
  test.setTimeout(240_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { eventId, top, b, c } = await sheetEvent();

  // The organiser sets the rule: the top 1 in full, at least 50% of the rest, a full
  // re-review above a 5% error rate. A share over 100% is refused on its field.
  await loginAs("admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/judging");
  await page.getByRole("link", { name: "锁定前复核 电子表格应用" }).click();
  await expect(page.getByRole("heading", { name: "锁定前复核 · 电子表格应用" })).toBeVisible();
  await page.getByLabel("前 N 名全部复核").fill("1");
  await page.getByLabel("其余选手抽查比例（%）").fill("150");
  await page.getByRole("button", { name: "保存复核规则" }).click();
  await expect(page.getByText("请输入 0 到 100 之间、最多两位小数的百分比")).toBeVisible();
  await page.getByLabel("其余选手抽查比例（%）").fill("50");
  await page.getByLabel("全部复核的差错率阈值（%）").fill("5");
  await page.getByRole("button", { name: "保存复核规则" }).click();
  await expect(page.getByText("复核规则已保存")).toBeVisible();
  await expect(
    page.getByText("前 1 名全部复核，其余选手至少抽查 50%；差错率超过 5% 时全部复核。"),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/recheck-organiser-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The panel marks the three entries; the chief records the theory exam.
  await loginAs("chief");
  await mark(page, eventId, top, "80", "90");
  await mark(page, eventId, b, "60", "70");
  await mark(page, eventId, c, "50", "60");
  await loginAs("judge2");
  await mark(page, eventId, top, "82");
  await mark(page, eventId, b, "62");
  await mark(page, eventId, c, "55");
  await loginAs("judge3");
  await mark(page, eventId, top, "78");
  await mark(page, eventId, b, "58");
  await mark(page, eventId, c, "52");

  // Lock is refused until the rechecks are selected; the chief selects by the rule.
  await loginAs("chief");
  await page.goto(`/judge/events/${eventId}`);
  await page.getByLabel(/我已了解：锁定后评分不能再修改/).check();
  await page.getByRole("button", { name: "锁定成绩" }).click();
  await expect(page.getByText(/还有 2 名选手须按复核规则抽取或指定复核/)).toBeVisible();
  await page.getByRole("link", { name: "复核安排" }).click();
  await page.getByRole("button", { name: "按规则选取" }).click();
  await expect(page.getByText("已选取 1 名（按名次或全部复核），随机抽取 1 名")).toBeVisible();
  const selected = await rechecksOf(eventId);
  expect(selected.map((r) => r.reason)).toEqual(["top", "random"]);
  expect(selected[0]!.blindCode).toBe(top.blindCode);
  await expect(page.getByText(/第 1 次抽取：种子 [0-9a-f]{32}，从 2 名候选/)).toBeVisible();
  await assignAll(page, eventId);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/recheck-chief-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // judge1 rechecks: the first entry's theory mark was misread (a correction with a
  // reason), the second is right. One of two in error is above 5%: full re-review.
  await loginAs("judge1");
  await page.setViewportSize({ width: 390, height: 844 });
  const [first, second] = selected;
  await page.goto("/judge");
  await page.getByRole("link", { name: `开始复核 ${first!.blindCode}` }).click();
  await expect(page.getByRole("heading", { name: `复核 ${first!.blindCode}` })).toBeVisible();
  await page.getByLabel("T1 测量值").fill("88");
  await page.getByRole("button", { name: "完成复核" }).click();
  await expect(page.getByText("有分数与原评分不同，请写明差异说明").first()).toBeVisible();
  await page
    .getByLabel("差异说明（有修改时必填，记入审计日志）")
    .fill("理论试卷复核：第 7 题误判，实得 88 分");
  await page.screenshot({ path: `${SCREENSHOTS}/recheck-sheet-phone.png`, fullPage: true });
  await page.getByRole("button", { name: "完成复核" }).click();
  await expect(page.getByText("复核已完成：更正 1 处")).toBeVisible();
  await page.goto("/judge");
  await page.getByRole("link", { name: `开始复核 ${second!.blindCode}` }).click();
  await page.getByRole("button", { name: "完成复核" }).click();
  await expect(page.getByText("复核已完成：更正 0 处")).toBeVisible();
  await expect(page.getByText("差错率已超过阈值，裁判长须安排对全部选手复核。")).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });

  // The chief sees the error rate; lock demands the full re-review; the last entry follows.
  await loginAs("chief");
  await page.goto(`/judge/events/${eventId}`);
  await expect(
    page.getByText("已完成 2 份复核，其中 1 份发现差错，差错率 50%（阈值 5%）。"),
  ).toBeVisible();
  await page.getByLabel(/我已了解：锁定后评分不能再修改/).check();
  await page.getByRole("button", { name: "锁定成绩" }).click();
  await expect(
    page.getByText("复核差错率 50% 超过 5%，须对全部选手复核，还有 1 名未复核"),
  ).toBeVisible();
  await page.getByRole("link", { name: "复核安排" }).click();
  await page.getByRole("button", { name: "按规则选取" }).click();
  await expect(page.getByText("已选取 1 名（按名次或全部复核），随机抽取 0 名")).toBeVisible();
  await assignAll(page, eventId);
  const last = (await rechecksOf(eventId)).find((r) => r.reason === "full")!;
  await loginAs("judge1");
  await page.goto(`/judge/rechecks/${last.id}`);
  await page.getByRole("button", { name: "完成复核" }).click();
  await expect(page.getByText("复核已完成：更正 0 处")).toBeVisible();

  await loginAs("chief");
  await page.goto(`/judge/events/${eventId}`);
  await page.getByLabel(/我已了解：锁定后评分不能再修改/).check();
  await page.getByRole("button", { name: "锁定成绩" }).click();
  await expect(page.getByText("成绩已锁定，名次和奖项已生成")).toBeVisible();
  await page.getByLabel(/我已了解：公布后/).check();
  await page.getByRole("button", { name: "公布成绩" }).click();
  await expect(page.getByText("成绩已公布，公示期开始")).toBeVisible();

  // The audit trail keeps the correction with its reason; the receipt says it was rechecked.
  await loginAs("admin");
  await page.goto(`/admin/events/${eventId}/audit?entry=${first!.registrationId}`);
  await expect(
    page.getByRole("cell", { name: "理论试卷复核：第 7 题误判，实得 88 分" }).first(),
  ).toBeVisible();
  await page.goto(`/admin/events/${eventId}/recheck`);
  await expect(
    page.getByText("已完成 3 份复核，其中 1 份发现差错，差错率 33.33%（阈值 5%）。"),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/recheck-organiser-done.png`, fullPage: true });
  await loginAs("qinling");
  await page.goto(`/org/receipts/${top.id}`);
  await expect(page.getByText(/本成绩已在锁定前复核（前 N 名），复核更正 [01] 处。/)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/recheck-receipt-phone.png`, fullPage: true });
});

test("rules that cannot work are refused: a theory cap below an event, prize rules on their fields", async ({
  page,
  loginAs,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const cnc = await eventIdOf("XA2026SKILLS", "CNC");
  await loginAs("admin");
  await page.setViewportSize({ width: 390, height: 844 });
  // The digital-skills contest keeps the skills default (theory ≤ 30%); 20% would break
  // both of its events, so it is refused and each event is named.
  const [digi] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "Contest" WHERE "code" = 'XA2026DIGI'`,
  );
  await page.goto(`/admin/contests/${digi!.id}`);
  const cap = page.getByLabel("理论成绩占比上限（%）");
  await expect(page.getByText("留空则采用本类竞赛的默认上限：30%。")).toBeVisible();
  await cap.fill("20");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(
    page.getByText(/办公软件应用：“决赛”理论知识占 30%，超过本竞赛规定的理论成绩占比上限 20%/),
  ).toBeVisible();
  await expect(page.getByText(/电子表格应用：“决赛”理论知识占 30%/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/theory-cap-refused-phone.png`, fullPage: true });

  await page.goto(`/admin/events/${cnc}/scheme`);
  await page.getByLabel("一等奖 比例（%）或人数").fill("60");
  await page.getByLabel("二等奖 比例（%）或人数").fill("60");
  await page.getByRole("button", { name: "保存计分规则" }).click();
  await expect(page.getByText("计分规则与奖项未保存，请修改标出的项目：")).toBeVisible();
  await expect(page.getByText("各奖项比例合计 150%，超过了 100%").first()).toBeVisible();
  await expect(page.getByLabel("一等奖 比例（%）或人数")).toHaveAttribute("aria-invalid", "true");
  await page.getByText("计分规则与奖项未保存").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/prize-rules-refused-phone.png` });
  // The same in English.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "切换语言" }).click();
  await expect(page.getByRole("button", { name: "Save scoring rules" })).toBeVisible();
  await page.getByLabel("First Prize Share (%) or count").fill("60");
  await page.getByLabel("Second Prize Share (%) or count").fill("60");
  await page.getByRole("button", { name: "Save scoring rules" }).click();
  await expect(page.getByText("Prize shares add up to 150%, more than 100%").first()).toBeVisible();
});

test("a panel that recusal leaves short is named for the organiser and the chief, and a reserve judge closes it", async ({
  page,
  loginAs,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const cnc = await eventIdOf("XA2026SKILLS", "CNC");
  const judgesPage = `/admin/events/${cnc}/judges`;
  const hangfa = "西安航发精密零部件有限公司";
  await loginAs("admin");
  await page.goto(judgesPage);
  await expect(page.getByText("回避后，每名选手都有足够的裁判。")).toBeVisible();
  // Without judge3, judge1 being recused from 航发's entries leaves them two judges.
  await page.getByRole("checkbox", { name: /（judge3）/ }).uncheck();
  await page.getByRole("button", { name: "保存裁判安排" }).click();
  await expect(page.getByText("裁判安排已保存")).toBeVisible();
  await expect(
    page.getByText(new RegExp(`${hangfa} 的 \\d+ 名选手：回避后只有 2 名裁判`)),
  ).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/judges-coverage-phone.png`, fullPage: true });

  // The chief judge's workbench says which entries cannot be totalled, and what to do.
  await loginAs("chief");
  await page.goto(`/judge/events/${cnc}`);
  await expect(
    page.getByText(/评分项 P2\/P3\/P4 的计分方法至少需要 3 名裁判，回避后只剩 2 名/).first(),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/workbench-reasons-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // judge3 back as a reserve: the short panels are full again, the others unchanged.
  await loginAs("admin");
  await page.goto(judgesPage);
  await page.getByRole("checkbox", { name: /（judge3）/ }).check();
  const reserve = page.getByRole("checkbox", { name: "备用裁判 冯文博" });
  await reserve.check();
  await page.getByRole("button", { name: "保存裁判安排" }).click();
  await expect(page.getByText("回避后，每名选手都有足够的裁判。")).toBeVisible();
  // Restore the seeded panel (judge3 a regular judge) for the other journeys.
  await reserve.uncheck();
  await page.getByRole("button", { name: "保存裁判安排" }).click();
  await expect(page.getByText("裁判安排已保存")).toBeVisible();
});
