import { mkdirSync } from "node:fs";
import { DEMO_PASSWORD, expect, test } from "./support/fixtures";

const SCREENSHOTS = "e2e/.screenshots";

test.describe("public shell", () => {
  test("home lists the seeded contests in Chinese and switches to English", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/匠心/);
    await expect(page.getByRole("heading", { name: "正在进行的竞赛" })).toBeVisible();
    await expect(
      page.getByRole("link", { name: "2026年西安市高技能人才职业技能大赛" }),
    ).toBeVisible();
    await expect(
      page.getByRole("link", { name: "渭南市重点项目“双比双争”劳动和技能竞赛" }),
    ).toBeVisible();

    await page.getByRole("button", { name: "切换语言" }).click();
    await expect(page.getByRole("heading", { name: "Contests" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // The choice persists across pages.
    await page.getByRole("link", { name: "2026年西安市高技能人才职业技能大赛" }).click();
    await expect(page.getByRole("heading", { name: "Events" })).toBeVisible();
    await page.getByRole("button", { name: "Switch language" }).click();
    await expect(page.getByRole("heading", { name: "赛项" })).toBeVisible();
  });

  test("unknown pages answer 404 with the shared error page", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await page.getByRole("link", { name: "返回首页" }).click();
    await expect(page).toHaveURL("/");
  });

  test("health route reports the database", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { journalMode: "wal" } });
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("home looks right on a phone and a desktop", async ({ page }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "比技能 · 争先锋" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/home-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/");
    await page.screenshot({ path: `${SCREENSHOTS}/home-desktop.png`, fullPage: true });
  });
});

test.describe("sign-in", () => {
  const roles = [
    { username: "admin", landing: "/admin", heading: "竞赛管理", nav: "竞赛管理" },
    { username: "qinchuan", landing: "/org", heading: "本单位", nav: "本单位" },
    { username: "chief", landing: "/judge", heading: "评分", nav: "评分" },
    { username: "worker", landing: "/me", heading: "我的竞赛", nav: "我的竞赛" },
  ];
  for (const role of roles) {
    test(`${role.username} signs in with the form and sees their own navigation`, async ({
      page,
    }) => {
      await page.setExtraHTTPHeaders({
        "X-Forwarded-For": `198.51.100.${roles.indexOf(role) + 10}`,
      });
      await page.goto("/login");
      await page.getByLabel("用户名").fill(role.username);
      await page.getByLabel("密码").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page).toHaveURL(role.landing);
      await expect(page.getByRole("heading", { level: 1, name: role.heading })).toBeVisible();
      const nav = page.getByRole("navigation", { name: "主导航" });
      await expect(nav.getByRole("link", { name: role.nav })).toBeVisible();
      for (const other of roles.filter((r) => r.nav !== role.nav)) {
        await expect(nav.getByRole("link", { name: other.nav, exact: true })).toHaveCount(0);
      }
      await page.getByRole("button", { name: "退出" }).click();
      await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
    });
  }

  test("a wrong password gets a clear message; an empty form is caught before sending", async ({
    page,
  }) => {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.77" });
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请输入用户名。")).toBeVisible();
    await expect(page.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "用户名或密码不正确。" })).toBeVisible();
  });

  test("a protected page sends an anonymous visitor to sign in and then back", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.88" });
    await page.goto("/org");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Forg/);
    await page.getByLabel("用户名").fill("qinling");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL("/org");
    await expect(page.getByText("单位：西安秦岭软件科技有限公司")).toBeVisible();
  });

  test("sign-in works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.99" },
    });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("用户名").fill("judge1");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL("/judge");
    await context.close();
  });

  test("roles cannot open each other's areas", async ({ page, loginAs }) => {
    await loginAs("worker");
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: "我的竞赛" })).toBeVisible();
  });
});
