import { mkdirSync } from "node:fs";
import { expect, test } from "./support/fixtures";

const SCREENSHOTS = "e2e/.screenshots";
const CONTEST = "/admin/labour/XA2026GAMES";
const P1 = "2026年12月上半月";
const P2 = "2026年12月下半月";
const YUNGOU = "西安云构建筑设计研究院有限公司";
const HEAT = "西安长安热力有限公司";

// One journey across roles: periods, unit reports, panel scoring with a veto, close, red flag.
test.describe.serial("labour competition", () => {
  test("the organiser opens two new periods", async ({ page, loginAs }) => {
    await loginAs("admin");
    await page.goto(CONTEST);
    await expect(
      page.getByRole("heading", { name: "“助力十四运 建功新时代”重点项目立功竞赛" }),
    ).toBeVisible();
    // The seeded weights already add up to 100 %; a wrong total is refused with the domain message.
    await page.getByLabel("质量权重（%）").fill("40");
    await page.getByRole("button", { name: "保存考核指标" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "合计为 115%" })).toBeVisible();
    await page.getByLabel("质量权重（%）").fill("25");
    await page.getByRole("button", { name: "保存考核指标" }).click();
    await expect(page.getByText("考核指标已保存。")).toBeVisible();

    for (const [name, from, to] of [
      [P1, "2026-12-01", "2026-12-15"],
      [P2, "2026-12-16", "2026-12-31"],
    ] as const) {
      await page.getByLabel("周期", { exact: true }).fill(name);
      await page.getByLabel("开始日期").fill(from);
      await page.getByLabel("结束日期").fill(to);
      await page.getByRole("button", { name: "新建周期" }).click();
      await expect(page.getByRole("link", { name })).toBeVisible();
    }
  });

  test("two units report their figures with evidence", async ({ page, loginAs }) => {
    for (const [user, schedule, participation] of [
      ["yungou", "98", "400"],
      ["heat", "96", "500"],
    ] as const) {
      await page.context().clearCookies();
      await loginAs(user);
      await page.goto("/org/labour");
      await page.getByRole("link", { name: P1 }).click();
      await expect(page.getByRole("heading", { name: `填报${P1}数据` })).toBeVisible();
      await page.getByLabel("进度：节点按期完成率（%）").fill(schedule);
      await page.getByLabel("创新：技术创新和合理化建议项数").fill("4");
      await page.getByLabel("产值：本期完成产值（万元）").fill("1200");
      await page.getByLabel("参与：参加竞赛活动人次").fill(participation);
      await page.getByLabel("佐证材料").fill("监理验收记录 JL-2026-12-01；安全检查台账第 48 页");
      await page.getByRole("button", { name: "提交本期数据" }).click();
      await expect(page.getByText(/已于 .* 提交/)).toBeVisible();
    }
    // Another unit's manager cannot open a period of a competition it is not in.
    await page.context().clearCookies();
    await loginAs("qinling");
    const other = await page.goto("/org/labour/1");
    expect(other?.status()).toBe(404);
  });

  test("the panel scores, vetoes one unit and closes both periods", async ({ page, loginAs }) => {
    await loginAs("admin");
    await page.goto(CONTEST);
    await page.getByRole("link", { name: P1 }).click();
    const yungou = page.getByRole("form", { name: YUNGOU });
    await yungou.getByLabel("质量评分（0–100）").fill("92");
    await yungou.getByLabel("安全评分（0–100）").fill("95");
    await yungou.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("form", { name: YUNGOU }).getByText("已保存。")).toBeVisible();

    const heat = page.getByRole("form", { name: HEAT });
    await heat.getByLabel("质量评分（0–100）").fill("97");
    await heat.getByLabel("安全评分（0–100）").fill("98");
    await heat.getByLabel("一票否决").selectOption({ label: "发生较大及以上安全事故" });
    await heat.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("form", { name: HEAT }).getByText("已保存。")).toBeVisible();

    // The veto puts the stronger unit last and the preview says who would get the flag.
    await expect(page.getByText(`按当前数据，流动红旗将授予 ${YUNGOU}`)).toBeVisible();
    await page.getByRole("button", { name: "结束本周期并计算排名" }).click();
    await expect(page.getByText(`本周期流动红旗：${YUNGOU}`)).toBeVisible();
    const heatRow = page.getByRole("row").filter({ hasText: HEAT });
    await expect(heatRow.getByText("一票否决")).toBeVisible();
    await expect(heatRow.getByRole("cell").last()).toContainText("0.00");

    await page.goto(CONTEST);
    await page.getByRole("link", { name: P2 }).click();
    // Participation is compared per head: 600 of 530 staff beats 300 of 320.
    for (const [unit, quality, safety, participation] of [
      [YUNGOU, "90", "90", "300"],
      [HEAT, "96", "97", "600"],
    ] as const) {
      const card = page.getByRole("form", { name: unit });
      await card.getByLabel("进度数据").fill("97");
      await card.getByLabel("创新数据").fill("3");
      await card.getByLabel("产值数据").fill("1000");
      await card.getByLabel("参与度数据").fill(participation);
      await card.getByLabel("质量评分（0–100）").fill(quality);
      await card.getByLabel("安全评分（0–100）").fill(safety);
      await card.getByRole("button", { name: "保存" }).click();
      await expect(page.getByRole("form", { name: unit }).getByText("已保存。")).toBeVisible();
    }
    await page.getByRole("button", { name: "结束本周期并计算排名" }).click();
    await expect(page.getByText(`本周期流动红旗：${HEAT}`)).toBeVisible();
  });

  test("the board shows both flags, the veto and the trend; units see their flag", async ({
    page,
    loginAs,
  }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/labour/XA2026GAMES");
    await expect(page.getByText(`${P2}流动红旗：西安长安热力`)).toBeVisible();
    await expect(page.getByRole("img", { name: /折线图/ })).toBeVisible();
    await expect(
      page.getByText("参与度按参赛单位职工人数折算后比较", { exact: false }),
    ).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/labour-board-phone.png`, fullPage: true });

    await page.getByRole("link", { name: "西安云构" }).first().click();
    await expect(page.getByRole("heading", { name: YUNGOU })).toBeVisible();
    await expect(page.getByText(`${P1}流动红旗`)).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/labour-unit-phone.png`, fullPage: true });

    await loginAs("heat");
    await page.goto("/org/labour");
    await expect(page.getByText(`${P2}流动红旗`)).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: P1 }).getByText("一票否决")).toBeVisible();
  });
});
