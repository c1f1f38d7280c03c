// Federations (issue 17): a district union's organiser sees and manages only their subtree and
// is refused elsewhere; the city organiser sees the whole city; the year in numbers and its
// exports for both federations; the top administrator sets up a union and its organiser.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Prisma } from "~/generated/prisma/client";
import { expect, queryDb, test } from "./support/fixtures";

const SCREENSHOTS = "e2e/.screenshots";

async function idOf(query: Prisma.Sql) {
  const row = (await queryDb<{ id: number }>(query))[0];
  if (!row) throw new Error(`nothing for ${query.sql}`);
  return Number(row.id);
}
const contestId = (code: string) =>
  idOf(Prisma.sql`SELECT "id" FROM "Contest" WHERE "code" = ${code}`);
const unionId = (name: string) =>
  idOf(Prisma.sql`SELECT "id" FROM "Organisation" WHERE "name" = ${name}`);
const roundId = (name: string) =>
  idOf(Prisma.sql`SELECT "id" FROM "NominationRound" WHERE "name" = ${name}`);

test.describe("a district union's organiser", () => {
  test("works through the task list in their own subtree and gets 404 anywhere else", async ({
    page,
    loginAs,
  }) => {
    await loginAs("gaoxin");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "竞赛管理" })).toBeVisible();
    await expect(page.getByText("你管理西安高新区工会及其下级工会主办的竞赛")).toBeVisible();
    const review = page.getByRole("region", { name: /待审核的报名/ });
    await expect(
      review.getByRole("link", { name: "2026年西安高新区职工软件开发技能竞赛：4 个待审核" }),
    ).toBeVisible();
    await expect(
      page.getByRole("region", { name: /未安排裁判或评分细则的赛项/ }).getByRole("link", {
        name: /Web应用开发/,
      }),
    ).toBeVisible();
    // The year's figures are the statistics page's, and lead there.
    const year = new Date().getFullYear();
    await expect(page.getByRole("heading", { name: `${year}年参赛` })).toBeVisible();
    await expect(page.getByRole("link", { name: "参赛人次" })).toHaveAttribute(
      "href",
      `/admin/statistics?year=${year}`,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/federation-district-home.png`, fullPage: true });

    // The flagged entries: 丝路数据's junior below the skill level, and its third entry beyond
    // its two places in submission order (as the review list flags them).
    await review.getByRole("link", { name: "2 个有资格或名额问题" }).click();
    await expect(page).toHaveURL(/flag=problems/);
    await expect(page.getByText("有 2 个待审核的报名存在资格或名额问题。")).toBeVisible();
    await expect(page.getByText(/超出本单位名额：按提交顺序是第 3 个，限额 2 个/)).toBeVisible();
    await expect(page.getByText(/技能等级/).first()).toBeVisible();
    await expect(page.getByRole("checkbox")).toHaveCount(2);

    // The clean one is approved from the full list.
    await page.getByRole("link", { name: "显示全部" }).click();
    const chip = (
      await queryDb<{ name: string }>(
        Prisma.sql`SELECT "w"."name" FROM "Registration" "r" JOIN "Worker" "w" ON "w"."id" = "r"."workerId"
          JOIN "Organisation" "o" ON "o"."id" = "r"."organisationId"
          JOIN "Event" "e" ON "e"."id" = "r"."eventId" JOIN "Contest" "c" ON "c"."id" = "e"."contestId"
          WHERE "o"."name" = '西安高新微电子有限公司' AND "r"."status" = 'submitted' AND "c"."code" = 'GX2026SOFT'`,
      )
    )[0]!.name;
    await page.getByRole("checkbox", { name: `选择 ${chip}` }).check();
    await page.getByRole("button", { name: "通过所选" }).click();
    await expect(page.getByText("已通过 1 条报名")).toBeVisible();

    // Only 高新区's contests are listed; the city's, a sibling district's and Weinan's are 404.
    await page.goto("/admin/contests");
    await expect(
      page.getByRole("link", { name: "2026年西安高新区职工软件开发技能竞赛" }),
    ).toBeVisible();
    await expect(
      page.getByRole("link", { name: "2026年西安市高技能人才职业技能大赛" }),
    ).toHaveCount(0);
    for (const url of [
      `/admin/contests/${await contestId("XA2026SKILLS")}`,
      `/admin/contests/${await contestId("XW2026WELD")}/registrations`,
      "/admin/labour/XA2026GAMES",
      "/admin/quiz/WN2026QUIZ",
      `/admin/honours/${await roundId("2026年雁塔区先进工作者推荐")}`,
      `/admin/statistics?union=${await unionId("西安市总工会")}`,
      `/admin/statistics?union=${await unionId("西安市雁塔区总工会")}`,
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
    }
    // A posted change to another union's contest is refused the same way, and changes nothing.
    const skills = Prisma.sql`SELECT "name", "status" FROM "Contest" WHERE "code" = 'XA2026SKILLS'`;
    const before = (await queryDb<{ name: string; status: string }>(skills))[0];
    const post = await page.request.post(`/admin/contests/${await contestId("XA2026SKILLS")}`, {
      form: { intent: "status", to: "cancelled", reason: "x" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(post.status()).toBe(404);
    expect((await queryDb<{ name: string; status: string }>(skills))[0]).toEqual(before);
    expect(before?.status).toBe("registration_open");

    // Its own statistics count the entry just approved.
    await page.goto("/admin/statistics?year=2026");
    await expect(page.getByRole("heading", { name: "西安高新区工会 2026年度数据" })).toBeVisible();
    await expect(page.getByRole("definition").first()).toHaveText("3");
  });
});

test.describe("the city organiser", () => {
  test("sees every union's contests and rounds in the city, and the joint one with Weinan", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin");
    await page.goto("/admin/contests");
    for (const name of [
      "2026年西安市高技能人才职业技能大赛",
      "2026年西安高新区职工软件开发技能竞赛",
      "西安市第二届模拟集体协商竞赛",
      "2026年西安·渭南职工焊工技能邀请赛",
    ])
      await expect(page.getByRole("link", { name })).toBeVisible();
    await expect(page.getByText("联合主办：西安市建设建材工会")).toBeVisible();
    // Weinan's own contests are not the city's.
    await expect(
      page.getByRole("link", { name: "2026年渭南市职工安全生产知识线上答题" }),
    ).toHaveCount(0);
    for (const url of [
      `/admin/contests/${await contestId("GX2026SOFT")}`,
      `/admin/contests/${await contestId("XW2026WELD")}`,
      `/admin/honours/${await roundId("2026年雁塔区先进工作者推荐")}`,
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
    }
    // A co-organiser's contest: run jointly, but its owner (Weinan) is not the city's to change.
    await page.goto(`/admin/contests/${await contestId("XW2026WELD")}`);
    await expect(
      page.getByText("主办和联合主办单位由主办单位及其上级工会的组织者设置。"),
    ).toBeVisible();
    expect((await page.goto("/admin/quiz/WN2026QUIZ"))?.status()).toBe(404);
  });
});

async function checkStatistics(
  page: import("@playwright/test").Page,
  union: string,
  slug: string,
  expectations: { tables: string[]; links: string[] },
) {
  await page.goto("/admin/statistics?year=2026");
  await expect(page.getByRole("heading", { name: `${union} 2026年度数据` })).toBeVisible();
  for (const name of ["参赛情况", "获奖与荣誉", "劳动竞赛覆盖", "知识竞赛参与"])
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  for (const name of expectations.tables)
    await expect(page.getByRole("table", { name, exact: true })).toBeVisible();
  for (const name of expectations.links)
    await expect(page.getByRole("link", { name, exact: true }).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/statistics-${slug}.png`, fullPage: true });

  const id = await unionId(union);
  const xlsx = await page.request.get(`/admin/statistics.xlsx?union=${id}&year=2026`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");

  const pdf = await page.request.get(`/admin/statistics.pdf?union=${id}&year=2026`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `statistics-${slug}.pdf`);
  writeFileSync(file, await pdf.body());
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(text).toContain(`${union} 2026年度数据`);
  expect(text).toContain("统计期间：2026年1月1日至12月31日");
  // Rendered for a person to look at: e2e/.screenshots/statistics-<slug>-1.png.
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "70",
    "-f",
    "1",
    "-l",
    "1",
    file,
    file.replace(/\.pdf$/, ""),
  ]);
}

test.describe("the year in numbers", () => {
  test("Xi'an: entries by district, the bargaining contest's prizes, labour coverage, drill-down", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin");
    await checkStatistics(page, "西安市总工会", "xian", {
      tables: ["按竞赛类型", "按大类", "按区县、产业工会", "各劳动竞赛"],
      links: ["“助力十四运 建功新时代”重点项目立功竞赛", "西安高新区工会"],
    });
    // The chart links its bars to the lists behind them: a labelled group of links.
    await expect(page.getByRole("group", { name: /按大类/ })).toBeVisible();
    // Drill down from a category to the contests behind it.
    await page
      .getByRole("row", { name: /集体协商/ })
      .getByRole("link", { name: "集体协商" })
      .click();
    await expect(page).toHaveURL(/category=/);
    await expect(page.getByRole("link", { name: "西安市第二届模拟集体协商竞赛" })).toBeVisible();
    await expect(
      page.getByRole("link", { name: "2026年西安市高技能人才职业技能大赛" }),
    ).toHaveCount(0);
  });

  test("Weinan: quiz participation, labour and its own honours", async ({ page, loginAs }) => {
    await loginAs("weinan");
    await checkStatistics(page, "渭南市总工会", "weinan", {
      tables: ["各期答题的参与率", "各劳动竞赛", "按区县、产业工会"],
      links: ["第一期：安全生产与劳动法律知识", "渭南市重点项目“双比双争”劳动和技能竞赛"],
    });
    // 2024's honours with their ratio checks.
    await page.getByLabel("年度", { exact: true }).selectOption("2024");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page.getByRole("heading", { name: "渭南市总工会 2024年度数据" })).toBeVisible();
    await expect(page.getByText(/比例核查（本年度受表彰职工 \d+ 人）/)).toBeVisible();
    await expect(page.getByText(/一线职工：/)).toBeVisible();
  });
});

test.describe("the platform's top administrator", () => {
  test("sets up a district union and its organiser, who then sees only that union", async ({
    page,
    loginAs,
  }) => {
    await loginAs("platform");
    await page.goto("/admin/unions");
    // A district union needs a parent: the refusal sits on that field, and nothing is made.
    await page.getByLabel("名称", { exact: true }).fill("西安市临潼区总工会");
    await page.getByLabel("层级").selectOption({ label: "区县工会" });
    await page.getByLabel("上级工会").selectOption({ label: "（无，作为总工会）" });
    await page.getByRole("button", { name: "建立" }).click();
    await expect(page.getByText("区县、产业工会须选择上级工会。")).toBeVisible();
    await expect(page.getByLabel("上级工会")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("rowheader", { name: "西安市临潼区总工会" })).toHaveCount(0);

    await page.getByLabel("名称", { exact: true }).fill("西安市临潼区总工会");
    await page.getByLabel("层级").selectOption({ label: "区县工会" });
    await page.getByLabel("上级工会").selectOption({ label: "西安市总工会" });
    await page.getByRole("button", { name: "建立" }).click();
    await expect(page.getByText("已建立：西安市临潼区总工会")).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "西安市临潼区总工会" })).toBeVisible();

    await page.goto("/admin/organisers");
    await page.getByLabel("用户名").fill("lintong");
    await page.getByLabel("姓名").fill("任晓峰");
    await page.getByLabel("所属工会").selectOption(String(await unionId("西安市临潼区总工会")));
    await page.getByLabel("初始密码").fill("Lintong-2026-union");
    await page.getByRole("button", { name: "建立账号" }).click();
    await expect(page.getByText("已建立账号 lintong")).toBeVisible();

    await loginAs("lintong");
    await page.goto("/admin");
    await expect(page.getByText("你管理西安市临潼区总工会及其下级工会主办的竞赛")).toBeVisible();
    await expect(page.getByText("目前没有待办事项。")).toBeVisible();
    expect((await page.goto(`/admin/contests/${await contestId("XA2026SKILLS")}`))?.status()).toBe(
      404,
    );
    expect((await page.goto("/admin/unions"))?.status()).toBe(403);
  });
});
