import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
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
    await expect(page).toHaveTitle("Labour and skills contests · Jiangxin");
    // The choice persists across pages, tab title included.
    await page.getByRole("link", { name: "2026年西安市高技能人才职业技能大赛" }).click();
    await expect(page.getByRole("heading", { name: "Events" })).toBeVisible();
    await expect(page).toHaveTitle("2026年西安市高技能人才职业技能大赛 · Jiangxin");
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
    // Each engine reports what matters for it: SQLite its journal mode, PostgreSQL its version.
    const postgres = /^postgres/.test(process.env.E2E_DATABASE_URL ?? "");
    expect(body).toMatchObject({
      status: "ok",
      database: postgres
        ? { engine: "postgresql", readOnly: false, serverVersion: expect.stringMatching(/^\d+/) }
        : { engine: "sqlite", journalMode: "wal" },
    });
    expect(body.database.migrations).toBeGreaterThan(0);
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

test.describe("sessions end on the server", () => {
  test("after signing out, the old cookie signs no one in", async ({ page, context }) => {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.120" });
    await page.goto("/login");
    await page.getByLabel("用户名").fill("qinchuan");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL("/org");
    const before = await context.cookies();
    await page.getByRole("button", { name: "退出" }).click();
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
    // Replaying the cookie from before signing out (as a thief with a copy would) fails.
    await context.addCookies(before);
    await page.goto("/org");
    await expect(page).toHaveURL(/\/login/);
  });
});

/** Every route file with an action, as a URL (parameters filled with 1). */
function actionPaths(): string[] {
  const dir = path.resolve("app/routes");
  return readdirSync(dir)
    .filter((f) => /export (async )?function action/.test(readFileSync(path.join(dir, f), "utf8")))
    .map(
      (f) =>
        "/" +
        f
          .replace(/\.tsx?$/, "")
          .replaceAll("[.]", "\u0000")
          .split(".")
          .filter((s) => s !== "_index")
          .map((s) => (s.startsWith("$") ? "1" : s.replace(/_$/, "")))
          .join("/")
          .replaceAll("\u0000", "."),
    );
}

test.describe("platform security", () => {
  test("a cross-site post to any action is refused with 403, never 500", async ({ request }) => {
    const paths = actionPaths();
    expect(paths.length).toBeGreaterThan(20);
    for (const url of paths) {
      const attempts: Record<string, string>[] = [
        { Origin: "https://evil.example" },
        { Origin: "null" },
        { Referer: "https://evil.example/form" },
      ];
      for (const headers of attempts) {
        const response = await request.post(url, {
          headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
          data: "intent=x",
          maxRedirects: 0,
        });
        expect(response.status(), `${url} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
  });

  test("a body that is no form answers 400, never 500", async ({ request, baseURL }) => {
    for (const type of ["text/plain", "application/json"]) {
      const response = await request.post("/login", {
        headers: { Origin: baseURL!, "Content-Type": type, "X-Forwarded-For": "198.51.100.130" },
        data: "username=admin&password=x",
      });
      expect(response.status(), type).toBe(400);
    }
  });

  test("a chunked body past the limit is cut off, not buffered", async ({ baseURL, request }) => {
    const url = new URL("/login", baseURL);
    // At most 200 MB, as in the penetration test. The server stops reading at the sign-in
    // limit (16 KiB) and closes the connection: the client cannot push the rest.
    const result = await new Promise<{ status: number; sent: number }>((resolve) => {
      let sent = 0;
      let settled = false;
      const finish = (status: number) => {
        if (settled) return;
        settled = true;
        resolve({ status, sent });
        req.destroy();
      };
      const chunk = Buffer.alloc(256 * 1024, "a");
      const req = httpRequest(
        url,
        {
          method: "POST",
          headers: {
            Origin: url.origin,
            "Content-Type": "application/x-www-form-urlencoded",
            "Transfer-Encoding": "chunked",
            "X-Forwarded-For": "198.51.100.140",
          },
        },
        (res) => {
          res.resume();
          finish(res.statusCode ?? 0);
        },
      );
      req.on("error", () => finish(0));
      const pump = () => {
        while (!settled && sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!settled) req.end();
      };
      pump();
    });
    // Refused with 413, or cut off with the connection: either way long before 200 MB.
    expect([0, 413]).toContain(result.status);
    expect(result.sent).toBeLessThan(64 * 1024 * 1024);
    expect((await request.get("/healthz")).status()).toBe(200);
  });

  test("scripts run only with the page's nonce", async ({ page }) => {
    const response = await page.goto("/");
    const policy = response?.headers()["content-security-policy"] ?? "";
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    expect(scripts).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(scripts)?.[1];
    expect(nonce).toBeTruthy();
    // Every inline script Remix wrote carries it (the browser hides it from attributes, but
    // keeps it in the .nonce property), and the page hydrated: the language switch works.
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll("script:not([src])")].map(
        (s) => (s as HTMLScriptElement).nonce,
      ),
    );
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.every((n) => n === nonce)).toBe(true);
    const second = await page.request.get("/");
    expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
    await page.getByRole("button", { name: "切换语言" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
