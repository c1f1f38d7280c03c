import { Prisma } from "~/generated/prisma/client";
import { mkdirSync } from "node:fs";
import { withIdCheckChar } from "../app/domain/identity/id-number";
import { expect, queryDb, test } from "./support/fixtures";

const SCREENSHOTS = "e2e/.screenshots";

/** A date or datetime-local input value in China time, `days` from now. */
function chinaInput(days: number, dateOnly = false): string {
  const iso = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString();
  return dateOnly ? iso.slice(0, 10) : iso.slice(0, 16);
}

test.describe("contests, events and registrations", () => {
  test("organiser sets up a contest, a manager imports and enters workers, the organiser reviews, the manager sees the outcome", async ({
    page,
    loginAs,
  }) => {
    test.setTimeout(120_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const stamp = String(Date.now()).slice(-5);
    const code = `E2E${stamp}`;
    const contestName = `端到端技能大赛${stamp}`;
    const teamEvent = `团体赛${stamp}`;
    const soloEvent = `个人赛${stamp}`;
    // Birthdays on the 30th never clash with the seed's workers (days 1–28).
    // The entry form names workers with their birth date, never with a masked number too.
    const option = (w: { name: string; id: string } | undefined) => ({
      label: `${w?.name}（${w?.id.slice(6, 10)}-${w?.id.slice(10, 12)}-${w?.id.slice(12, 14)}）`,
    });
    const person = (birth: string, seq: number) =>
      withIdCheckChar(`610116${birth}${String(seq).padStart(3, "0")}`);
    const workers = [
      { name: `甲${stamp}`, id: person("19900630", 101) },
      { name: `乙${stamp}`, id: person("19910630", 103) },
      { name: `丙${stamp}`, id: person("19920630", 105) },
      { name: `丁${stamp}`, id: person("19930630", 107) },
      { name: `戊${stamp}`, id: person("19940630", 108) },
      { name: `老${stamp}`, id: person("19600630", 109) },
    ];

    // ── the organiser creates the contest and its two events ──
    await loginAs("admin");
    await page.goto("/admin");
    await page.getByRole("link", { name: "竞赛与赛项设置" }).click();
    await page.getByRole("link", { name: "新建竞赛" }).click();
    await page.getByLabel("竞赛代码").fill(code);
    await page.getByLabel("竞赛名称").fill(contestName);
    await page.getByLabel("报名开始").fill(chinaInput(-1));
    await page.getByLabel("报名截止").fill(chinaInput(20));
    await page.getByLabel("比赛开始日期").fill(chinaInput(30, true));
    await page.getByLabel("比赛结束日期").fill(chinaInput(31, true));
    await page.getByRole("button", { name: "新建竞赛" }).click();
    await expect(page.getByRole("heading", { level: 1, name: contestName })).toBeVisible();
    const contestUrl = new URL(page.url()).pathname;

    await page.getByRole("link", { name: "添加赛项" }).click();
    await page.getByLabel("赛项代码").fill("TEAM");
    await page.getByLabel("赛项名称").fill(teamEvent);
    await page.getByLabel("比赛形式").selectOption("team");
    await page.getByLabel("每队上场人数（最少）").fill("2");
    await page.getByLabel("每队上场人数（最多）").fill("3");
    await page.getByLabel("替补人数上限").fill("1");
    await page.getByLabel("每单位名额").fill("1");
    // Weights that do not add up are caught before anything is sent.
    await page.getByLabel("决赛 技能操作").fill("60");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("本轮权重合计须为 100%")).toBeVisible();
    await page.getByLabel("决赛 技能操作").fill("70");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("link", { name: teamEvent })).toBeVisible();

    await page.getByRole("link", { name: "添加赛项" }).click();
    await page.getByLabel("赛项代码").fill("SOLO");
    await page.getByLabel("赛项名称").fill(soloEvent);
    await page.getByLabel("每单位名额").fill("2");
    await page.getByLabel("最大年龄").fill("55");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("link", { name: soloEvent })).toBeVisible();
    await page.getByRole("button", { name: "改为“报名中”" }).click();
    await expect(page.getByText("竞赛状态已改为“报名中”")).toBeVisible();

    // ── the manager imports a roster ──
    await loginAs("heat");
    await page.goto("/org");
    await page.getByRole("link", { name: "维护职工名册" }).click();
    await page.getByRole("link", { name: "批量导入" }).click();
    await page.getByLabel("选择文件").setInputFiles({
      name: "photo.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
    });
    await page.getByRole("button", { name: "上传并导入" }).click();
    await expect(page.getByText("无法读取该文件")).toBeVisible();

    const csv = [
      "姓名,身份证号,性别,手机号,工种,技能等级,是否工会会员",
      ...workers.map((w, i) => `${w.name},${w.id},,1380013800${i},热力运行值班员,高级工,是`),
    ].join("\r\n");
    await page.getByLabel("选择文件").setInputFiles({
      name: "名册.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${csv}`),
    });
    await page.getByRole("button", { name: "上传并导入" }).click();
    // The upload becomes a job with a page of its own: a real bar, rows done of the file's rows.
    await expect(page).toHaveURL(/\/org\/workers\/import\/\d+$/);
    await expect(page.getByRole("heading", { name: "名册导入：名册.csv" })).toBeVisible();
    await expect(page.getByText("导入完成")).toBeVisible();
    for (const name of ["校验进度", "写入进度"]) {
      const bar = page.getByRole("progressbar", { name });
      await expect(bar).toHaveAttribute("max", String(workers.length));
      await expect(bar).toHaveAttribute("value", String(workers.length));
    }
    await expect(page.getByText(`已校验 ${workers.length} / ${workers.length} 行`)).toBeVisible();
    await expect(
      page.getByText(`已写入 ${workers.length} / ${workers.length} 行（全部通过后一次生效）`),
    ).toBeVisible();
    await expect(page.getByText(`已导入 ${workers.length} 名职工。`)).toBeVisible();
    // The import page lists it among the recent imports.
    await page.getByRole("link", { name: "再导入一个文件" }).click();
    await expect(page.getByRole("link", { name: "名册.csv" }).first()).toBeVisible();
    // The count follows the search, beside the roster's size.
    await page.goto(`/org/workers?q=${encodeURIComponent(workers[0]?.name ?? "")}`);
    await expect(page.getByText(/^找到 1 人（名册共 \d+ 人）$/)).toBeVisible();

    // ── and enters two individuals and a team, meeting an eligibility and a quota error ──
    await page.goto("/org/registrations");
    const solo = page.getByRole("article", { name: new RegExp(soloEvent) });
    await expect(solo.getByText("名额：已用 0 / 共 2，剩余 2")).toBeVisible();
    // The picker says up front who cannot be entered and why, and does not let them be chosen.
    const tooOld = solo.getByRole("option", { name: new RegExp(workers[5]?.name ?? "") });
    await expect(tooOld).toBeDisabled();
    await expect(tooOld).toContainText("不能报名：年龄超出 18–55 岁");
    await expect(solo.getByText(/本单位 \d+ 名职工中 \d+ 名可以报名/)).toBeVisible();
    for (const w of workers.slice(0, 2)) {
      await solo.getByLabel("选手").selectOption(option(w));
      await solo.getByRole("button", { name: "提交报名" }).click();
      await expect(page.getByText("报名已提交，等待组织者审核")).toBeVisible();
    }
    await expect(solo.getByText("名额：已用 2 / 共 2，剩余 0")).toBeVisible();
    // A full event says so up front instead of offering a form that can only fail.
    await expect(solo.getByText(/名额已满：本单位已报 2 个，限额 2 个/)).toBeVisible();
    await expect(solo.getByRole("button", { name: "提交报名" })).toHaveCount(0);

    const team = page.getByRole("article", { name: new RegExp(teamEvent) });
    await team.getByText("组队报名").click();
    await team.getByLabel("队名").fill(`热力队${stamp}`);
    const starters = team.getByRole("group", { name: "上场队员" });
    // By role: each member's role field is labelled with their name too ("丙…的角色").
    await starters.getByRole("checkbox", { name: workers[2]?.name ?? "" }).check();
    await starters.getByRole("checkbox", { name: workers[3]?.name ?? "" }).check();
    // Ticking someone as member and substitute names them and holds the entry back.
    const subs = team.getByRole("group", { name: "替补队员" });
    await subs.getByLabel(workers[3]?.name ?? "").check();
    await expect(
      team.getByText(`${workers[3]?.name} 同时被勾选为上场队员和替补队员，请只保留一处`),
    ).toBeVisible();
    await expect(team.getByRole("button", { name: "提交报名" })).toBeDisabled();
    await subs.getByLabel(workers[3]?.name ?? "").uncheck();
    await subs.getByLabel(workers[4]?.name ?? "").check();
    await team.getByRole("button", { name: "提交报名" }).click();
    await expect(page.getByText("报名已提交，等待组织者审核")).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/registration-org-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // ── the organiser rejects one and approves the rest ──
    await loginAs("admin");
    await page.goto(contestUrl);
    await page.getByRole("link", { name: "报名审核" }).click();
    await page.getByLabel(`选择 ${workers[1]?.name}`).check();
    await page.getByRole("button", { name: "退回所选" }).click();
    await expect(page.getByText("退回报名须填写原因")).toBeVisible();
    await page.getByLabel(`选择 ${workers[1]?.name}`).check();
    // Enter in the reason rejects with it (the bar's first button), it does not approve.
    await page.getByLabel("退回原因（单位可见）").fill("缺少高级工证书复印件");
    await page.getByLabel("退回原因（单位可见）").press("Enter");
    await expect(page.getByText("已退回 1 条报名")).toBeVisible();
    // Select-all takes the pending entries with nothing flagged: the two left.
    await page.getByLabel("全选没有问题的待审报名（2 条）").check();
    await expect(page.getByLabel(`选择 ${workers[0]?.name}`)).toBeChecked();
    await expect(page.getByLabel(`选择 热力队${stamp}`)).toBeChecked();
    await expect(page.getByLabel(`选择 ${workers[1]?.name}`)).not.toBeChecked();
    await page.getByRole("button", { name: "通过所选" }).click();
    await expect(page.getByText("已通过 2 条报名")).toBeVisible();
    // The list read again after the decision shows the entry numbers. Wait for it: a submit
    // sent while it loads cancels that read, and a refused one reads nothing again.
    await expect(page.getByText(`${code}-SOLO-0001`)).toBeVisible();
    await expect(page.getByText(`${code}-TEAM-0001`)).toBeVisible();
    // Entries that cannot make the move are named with the reason; nothing else changes.
    await page.getByLabel(`选择 ${workers[1]?.name}`).check();
    await page.getByRole("button", { name: "通过所选" }).click();
    await expect(page.getByText("以下报名不能处理，未做任何更改：")).toBeVisible();
    await expect(page.getByText(new RegExp(`^${workers[1]?.name}：`))).toBeVisible();
    await expect(page.getByText(`${code}-SOLO-0001`)).toBeVisible();
    await page.screenshot({
      path: `${SCREENSHOTS}/registration-review-desktop.png`,
      fullPage: true,
    });

    const exported = await page.request.get(`${contestUrl}/export?format=csv`);
    expect(exported.headers()["content-type"]).toContain("text/csv");
    const body = await exported.text();
    expect(body.split("\r\n")[0]).toContain("参赛编号");
    expect(body).toContain(`${code}-SOLO-0001`);
    expect(body).not.toContain(workers[0]?.id ?? "x");

    // ── the manager sees the outcome, with the organiser's reason ──
    await loginAs("heat");
    await page.goto("/org/registrations");
    const mine = page.getByRole("table");
    await expect(mine.getByRole("row", { name: new RegExp(workers[1]?.name ?? "") })).toContainText(
      "已退回",
    );
    await expect(mine.getByRole("row", { name: new RegExp(workers[1]?.name ?? "") })).toContainText(
      "缺少高级工证书复印件",
    );
    await expect(mine.getByRole("row", { name: new RegExp(workers[0]?.name ?? "") })).toContainText(
      `${code}-SOLO-0001`,
    );
    await expect(mine.getByRole("row", { name: new RegExp(`热力队${stamp}`) })).toContainText(
      "已通过",
    );
    // The team's substitute is marked as such.
    await expect(mine.getByRole("row", { name: new RegExp(`热力队${stamp}`) })).toContainText(
      `${workers[4]?.name}（替补）`,
    );
  });

  test("a manager cannot open another organisation's worker, and sees ID numbers masked in lists", async ({
    page,
    loginAs,
  }) => {
    const [other] = await queryDb<{ id: number }>(
      Prisma.sql`SELECT w."id" FROM "Worker" w JOIN "Organisation" o ON o."id" = w."organisationId" WHERE o."name" = '西安长安热力有限公司' LIMIT 1`,
    );
    await loginAs("qinchuan");
    const response = await page.goto(`/org/workers/${other?.id}`);
    expect(response?.status()).toBe(404);
    await page.goto("/org/workers");
    await expect(page.getByRole("heading", { level: 1, name: "职工名册" })).toBeVisible();
    const firstMasked = page.getByRole("cell", { name: /^\d{4}\*{10}[\dX]{4}$/ }).first();
    await expect(firstMasked).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/registration-roster-phone.png`, fullPage: true });
    // The full number is on the worker's own page, for their own manager.
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByLabel("身份证号")).toHaveValue(/^\d{17}[\dX]$/);
  });

  test("a unit entering a number another unit holds is told nothing; the organiser sees both and merges them", async ({
    page,
    loginAs,
  }) => {
    const [held] = await queryDb<{ id: number; name: string }>(
      Prisma.sql`SELECT w."id", w."name" FROM "Worker" w JOIN "Organisation" o ON o."id" = w."organisationId"
       WHERE o."name" = '西安长安热力有限公司' ORDER BY w."id" DESC LIMIT 1`,
    );
    await loginAs("heat");
    await page.goto(`/org/workers/${held!.id}`);
    const number = await page.getByLabel("身份证号").inputValue();

    // The person moves to 秦川数控, whose manager adds them like anyone else.
    await loginAs("qinchuan");
    await page.goto("/org/workers");
    await page.getByLabel("姓名", { exact: true }).fill("调入职工");
    await page.getByLabel("身份证号").fill(number);
    await page.getByRole("button", { name: "添加职工" }).click();
    await expect(page.getByText("已添加 调入职工")).toBeVisible();
    await expect(page.getByText(/其他单位/)).toHaveCount(0);

    // The organiser sees both records and merges them into the one at the new unit.
    await loginAs("admin");
    await page.goto("/admin/identities");
    const group = page.getByRole("article").filter({ hasText: "西安秦川数控机床有限公司" });
    await expect(
      group.getByRole("cell", { name: "西安长安热力有限公司", exact: true }),
    ).toBeVisible();
    await expect(group.getByRole("cell", { name: held!.name, exact: true })).toBeVisible();
    await group.getByRole("button", { name: "合并到此记录 西安秦川数控机床有限公司" }).click();
    await expect(page.getByText("已合并，其他单位的记录已删除")).toBeVisible();
    await expect(page.getByRole("article").filter({ hasText: "调入职工" })).toHaveCount(0);
  });
});
