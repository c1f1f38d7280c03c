// Keyboard-only journeys (issue 14): a judge scores a sheet, a company contact enters a
// worker for an event, and a worker takes a quiz with Tab, Shift+Tab, typing, arrows, Enter
// and Space alone, never a click. Each stop is reached in tab order and shows where focus is;
// a refused submit brings focus to what has to change. The organiser's set-up (a scoring
// window, a contest open for entries) is not part of the journeys and uses the mouse.
import type { Locator, Page } from "@playwright/test";
import { Prisma } from "~/generated/prisma/client";
import { eventIdOf, expect, queryDb, test } from "./support/fixtures";
import { chinaInput, openScoringWindow } from "./support/scoring-window";

/** Presses Tab (Shift+Tab with `back`) until the target has focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}) {
  await expect(target).toBeAttached();
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectFocusVisible(target);
      return;
    }
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`not reached with ${max} presses of ${back ? "Shift+Tab" : "Tab"}: ${target}`);
}

/** The focused element shows it: it matches :focus-visible and draws an outline or a ring. */
async function expectFocusVisible(target: Locator) {
  const shown = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return el.matches(":focus-visible") && (outline || style.boxShadow !== "none");
  });
  expect(shown, "focus is visible").toBe(true);
}

/** The first Tab on a page reaches the skip link, and Enter on it lands in the main content. */
async function skipToContent(page: Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectFocusVisible(skip);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
}

test("a judge fills in and submits a score sheet with the keyboard alone", async ({
  page,
  loginAs,
}) => {
  // A heat-plant entry of 长安热力 (the live-board journey scores 城东供热's); one judge's sheet
  // gives it no total, so no board changes.
  const heat = await eventIdOf("XA2026SKILLS", "HEAT");
  const [entry] = await queryDb<{ blindCode: string }>(
    Prisma.sql`SELECT r."blindCode" FROM "Registration" r JOIN "Organisation" o ON o."id" = r."organisationId"
     WHERE r."eventId" = ${heat} AND r."blindCode" IS NOT NULL AND o."name" = '西安长安热力有限公司'
     ORDER BY r."id" LIMIT 1`,
  );
  expect(entry).toBeDefined();
  await openScoringWindow(page, loginAs, heat);

  await loginAs("judge3");
  await page.goto(`/judge/events/${heat}`);
  await skipToContent(page);
  await tabTo(page, page.getByRole("link", { name: new RegExp(`^${entry!.blindCode} `) }));
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { name: new RegExp(`评分表 ${entry!.blindCode}`) }),
  ).toBeVisible();

  // The first mark has focus; Enter moves from one mark to the next, as on a keypad.
  const marks = page.locator("input[data-mark]");
  const labels = await marks.evaluateAll((inputs) =>
    inputs.map((i) => (i as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ""),
  );
  const values: Record<string, string> = {
    "T1 理论考试": "86",
    // Above its maximum of 40: refused in the browser on submit.
    "P1 机组启停操作": "45",
    "P2 故障判断与处置": "33.5",
    "P3 安全规程执行": "17",
  };
  expect(labels.filter((l) => l !== "T1 理论考试")).toEqual([
    "P1 机组启停操作",
    "P2 故障判断与处置",
    "P3 安全规程执行",
  ]);
  await expect(marks.first()).toBeFocused();
  for (const [i, label] of labels.entries()) {
    await expect(marks.nth(i)).toBeFocused();
    await page.keyboard.type(values[label] ?? "");
    if (i < labels.length - 1) await page.keyboard.press("Enter");
  }

  // Tab reaches 提交评分 after 保存草稿; the refused submit puts focus on the mark to correct.
  const submit = page.getByRole("button", { name: "提交评分" });
  await tabTo(page, submit, { max: 3 });
  await page.keyboard.press("Enter");
  const p1 = page.getByLabel("P1 机组启停操作");
  await expect(p1).toBeFocused();
  await expect(p1).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("评分超过满分 40.00")).toBeVisible();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("36");
  await tabTo(page, submit, { max: 6 });
  await page.keyboard.press("Space");
  await expect(page.getByText(`加密号 ${entry!.blindCode} 的评分已提交`)).toBeVisible();

  const [sheet] = await queryDb<{ n: number }>(
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "Mark" m JOIN "Registration" r ON r."id" = m."registrationId"
     JOIN "User" u ON u."id" = m."judgeId"
     WHERE r."blindCode" = ${entry!.blindCode} AND u."username" = 'judge3' AND m."value" = 3600`,
  );
  expect(Number(sheet?.n)).toBe(1);
});

test("a company contact enters a worker for an event with the keyboard alone", async ({
  page,
  loginAs,
}) => {
  // The organiser opens a contest with one event for everyone (set-up, with the mouse).
  const stamp = String(Date.now()).slice(-5);
  const eventName = `键盘报名赛${stamp}`;
  await loginAs("admin");
  await page.goto("/admin/contests/new");
  await page.getByLabel("竞赛代码").fill(`KB${stamp}`);
  await page.getByLabel("竞赛名称").fill(`键盘报名竞赛${stamp}`);
  await page.getByLabel("报名开始").fill(chinaInput(-1));
  await page.getByLabel("报名截止").fill(chinaInput(20));
  await page.getByLabel("比赛开始日期").fill(chinaInput(30).slice(0, 10));
  await page.getByLabel("比赛结束日期").fill(chinaInput(31).slice(0, 10));
  await page.getByRole("button", { name: "新建竞赛" }).click();
  await page.getByRole("link", { name: "添加赛项" }).click();
  await page.getByLabel("赛项代码").fill("KEYS");
  await page.getByLabel("赛项名称").fill(eventName);
  await page.getByLabel("每单位名额").fill("1");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("link", { name: eventName })).toBeVisible();
  await page.getByRole("button", { name: "改为“报名中”" }).click();
  await expect(page.getByText("竞赛状态已改为“报名中”")).toBeVisible();

  await loginAs("yungou");
  await page.goto("/org/registrations");
  await skipToContent(page);
  const event = page.getByRole("article", { name: new RegExp(eventName) });
  const picker = event.getByLabel("选手");
  await tabTo(page, picker, { max: 80 });
  // Submitting with nobody chosen is refused, and focus comes back to the picker.
  const submit = event.getByRole("button", { name: "提交报名" });
  await tabTo(page, submit, { max: 3 });
  await page.keyboard.press("Enter");
  await expect(picker).toBeFocused();
  await expect(picker).toHaveAttribute("aria-invalid", "true");
  await expect(event.getByRole("alert").filter({ hasText: "请选择选手" })).toBeVisible();

  // Arrow keys choose the first worker who can be entered (the others are disabled).
  await page.keyboard.press("ArrowDown");
  const chosen = await picker.evaluate(
    (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "",
  );
  expect(chosen).not.toBe("请选择选手");
  expect(chosen).not.toContain("不能报名");
  const name = chosen.replace(/（.*$/, "");
  await tabTo(page, submit, { max: 3 });
  await page.keyboard.press("Enter");
  await expect(page.getByText("报名已提交，等待组织者审核")).toBeVisible();
  await expect(
    page.getByRole("table").getByRole("row", { name: new RegExp(`${name}.*${eventName}`) }),
  ).toContainText("待审核");
});

test("a worker takes a quiz with the keyboard alone", async ({ page, loginAs }) => {
  // 第二期 opens the day before the seed runs and closes five days after it, so the test does
  // not depend on the calendar (第一期 keeps the report's dates and closes on 2026-12-15).
  const quizName = "第二期：职业病防治知识";
  await loginAs("quiz5");
  await page.goto("/quiz");
  await skipToContent(page);
  await tabTo(page, page.getByRole("link", { name: new RegExp(quizName) }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: quizName })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "开始答题" }), { max: 10 });
  await page.keyboard.press("Enter");

  // Focus moves to the question; the next Tab reaches its options, Space answers.
  for (let n = 1; n <= 3; n++) {
    const question = page.getByRole("group", { name: new RegExp(`^第 ${n} / \\d+ 题`) });
    await expect(question).toBeFocused();
    await page.keyboard.press("Tab");
    const option = question.locator("input").first();
    await expect(option).toBeFocused();
    await expectFocusVisible(option);
    await page.keyboard.press("Space");
    await expect(option).toBeChecked();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    await tabTo(page, page.getByRole("link", { name: "下一题" }), { max: 6 });
    await page.keyboard.press("Enter");
  }
  // Past the options, Tab reaches 上一题: the answer given there is kept.
  await expect(page.getByRole("group", { name: /^第 4 \/ \d+ 题/ })).toBeFocused();
  await tabTo(page, page.getByRole("link", { name: "上一题" }), { max: 8 });
  await page.keyboard.press("Enter");
  const third = page.getByRole("group", { name: /^第 3 \/ \d+ 题/ });
  await expect(third).toBeFocused();
  await expect(third.locator("input:checked")).toHaveCount(1);

  // 交卷 after the question numbers; the browser's confirmation is answered with Enter.
  page.once("dialog", (dialog) => void dialog.accept());
  await tabTo(page, page.getByRole("button", { name: "交卷" }), { max: 40 });
  await page.keyboard.press("Enter");
  await expect(page.getByText("已交卷。")).toBeVisible();
  await expect(page.getByText(/^得分 \d+(\.\d+)? \/ 100(\.00)?$/)).toBeVisible();
});
