// A tool, not a test (kept out of npm test by playwright.config.ts): screenshots of every
// role's main journey in Chinese and in English at 1366×800 and 390×844, to be looked at by a
// person.
//   E2E_PORT=… JX_BUILD_NAME=… npx playwright test --config playwright.tools.config.ts
// SHOTS_LANG=zh or en takes one language; SHOTS_ONLY=<regular expression> only the pages whose
// names match (a re-shoot, e.g. "company-|worker-receipt"). Shots go to SHOTS_DIR (default
// test-results/shots): <name>-<size>.png in Chinese, en-<name>-<size>.png in English. A page
// taller than the phone's screen is also cut into 390×1200 slices (<shot>-s1.png, -s2.png, …),
// which an image viewer shows whole. The judging demo event is scored, locked and published
// first, so the worker's receipt has something to show.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n";
import { eventIdOf, expect, queryDb, test } from "../support/fixtures";

const DIR = process.env.SHOTS_DIR ?? "test-results/shots";
const SIZES = [
  { name: "desktop", width: 1366, height: 800 },
  { name: "phone", width: 390, height: 844 },
];
const SLICE = 1200;

/** Chinese or English for every page the context opens next (the app's jx_lang cookie). */
async function useLocale(context: BrowserContext, baseURL: string, locale: Locale) {
  const { localeCookie } = await import("~/http/locale.server");
  const value = (await localeCookie.serialize(locale)).split(";")[0]!.split("=")[1]!;
  await context.addCookies([{ name: "jx_lang", value, url: baseURL }]);
}

/**
 * Every string the seeded database holds that has Chinese in it (names of people, contests,
 * organisations, quiz questions…): data, which may be Chinese on an English page. JSON
 * columns give their strings. Longest first, so a name is removed before a part of it.
 */
async function chineseData(): Promise<string[]> {
  const cjk = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
  const found = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string") {
      if (/^[[{]/.test(value)) {
        try {
          add(JSON.parse(value));
          return;
        } catch {
          // not JSON: the text itself
        }
      }
      if (value.length >= 2 && cjk.test(value)) found.add(value);
    } else if (value && typeof value === "object") Object.values(value).forEach(add);
  };
  const tables = (
    await queryDb<{ name: string }>(
      Prisma.sql`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'`,
    )
  ).filter(({ name }) => !name.startsWith("_") && !name.startsWith("sqlite"));
  for (const { name } of tables) {
    for (const row of await queryDb<Record<string, unknown>>(
      Prisma.sql`SELECT * FROM ${Prisma.raw(`"${name}"`)}`,
    )) {
      Object.values(row).forEach(add);
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}

async function shoot(page: Page, name: string, data: string[] | null = null) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${DIR}/${name}-${size.name}.png`, fullPage: true });
    // What a picture hides: the page wider than the screen, tables that scroll sideways, and
    // on an English page, Chinese left in the page's own words (navigation, headings, buttons,
    // labels, table headers, the tab title) once the seeded data has been taken out.
    const layout = await page.evaluate(
      ({ english }) => {
        const cjk = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
        // Words marked as Chinese (lang="zh-…", the language switch's "中文") are meant to be.
        const words = (e: Element) => {
          const copy = e.cloneNode(true) as Element;
          copy.querySelectorAll('[lang^="zh"]').forEach((c) => c.remove());
          return copy.textContent ?? "";
        };
        const chrome = english
          ? [
              document.title,
              ...[
                ...document.querySelectorAll(
                  "nav a, nav button, h1, h2, h3, h4, h5, h6, button, label, legend, th, caption, summary, [role=tab], .btn",
                ),
              ]
                .filter((e) => !e.closest('[lang^="zh"]'))
                .map(words),
              ...[...document.querySelectorAll("[aria-label], [placeholder], [title]")].flatMap(
                (e) =>
                  ["aria-label", "placeholder", "title"]
                    .map((a) => e.getAttribute(a) ?? "")
                    .filter(Boolean),
              ),
            ].filter((text) => cjk.test(text))
          : [];
        // And the rest of the page's text, element by element (its own text nodes), which
        // also shows sentences and full-width punctuation left in Chinese.
        const text = english
          ? [...document.body.querySelectorAll("*")]
              .filter((e) => !e.closest('[lang^="zh"], script, style'))
              .map((e) =>
                [...e.childNodes]
                  .filter((n) => n.nodeType === Node.TEXT_NODE)
                  .map((n) => n.nodeValue ?? "")
                  .join(""),
              )
              .filter((t) => cjk.test(t))
          : [];
        return {
          pageWider: document.documentElement.scrollWidth - window.innerWidth,
          scrollingTables: [...document.querySelectorAll("main .table-wrap")]
            .filter((w) => w.scrollWidth - w.clientWidth > 1)
            .map((w) => w.querySelector("caption, th")?.textContent?.trim().slice(0, 30) ?? "?"),
          title: document.title,
          height: document.documentElement.scrollHeight,
          chrome,
          text,
        };
      },
      { english: data !== null },
    );
    const { chrome, ...rest } = layout;
    const chinese = new Set<string>();
    for (const text of chrome) {
      let words = text;
      for (const value of data ?? [])
        if (words.includes(value)) words = words.split(value).join(" ");
      if (/[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(words)) {
        chinese.add(text.replace(/\s+/g, " ").trim().slice(0, 80));
      }
    }
    const report = data === null ? rest : { ...rest, chinese: [...chinese] };
    appendFileSync(`${DIR}/layout.txt`, `${name}-${size.name}\t${JSON.stringify(report)}\n`);
    if (size.name === "phone" && layout.height > SLICE) {
      for (let i = 0; i * SLICE < layout.height; i++) {
        await page.screenshot({
          path: `${DIR}/${name}-${size.name}-s${i + 1}.png`,
          fullPage: true,
          clip: {
            x: 0,
            y: i * SLICE,
            width: size.width,
            height: Math.min(SLICE, layout.height - i * SLICE),
          },
        });
      }
    }
  }
}

type Entry = { id: number; blindCode: string; username: string | null };

async function publishOffice(page: Page, loginAs: (u: string) => Promise<void>) {
  const office = await eventIdOf("XA2026DIGI", "OFFICE");
  const entries = await queryDb<Entry>(
    Prisma.sql`SELECT r."id", r."blindCode", u."username" FROM "Registration" r LEFT JOIN "User" u ON u."workerId" = r."workerId"
     WHERE r."eventId" = ${office} ORDER BY r."id"`,
  );
  const marks: Record<string, Record<string, string>[]> = {
    chief: [
      { t1: "80", p1: "35", p2: "2", p3: "24" },
      { t1: "78", p1: "34", p2: "2", p3: "25" },
      { t1: "60", p1: "30", p2: "1", p3: "18" },
    ],
    judge2: [
      { p2: "2", p3: "26" },
      { p2: "2", p3: "27" },
      { p2: "1", p3: "20" },
    ],
    judge3: [
      { p2: "2", p3: "20" },
      { p2: "2", p3: "22" },
      { p2: "1", p3: "15" },
    ],
  };
  for (const [judge, sheets] of Object.entries(marks)) {
    await loginAs(judge);
    for (const [i, m] of sheets.entries()) {
      const entry = entries[i]!;
      await page.goto(`/judge/events/${office}/entries/${entry.blindCode}`);
      if (m.t1) await page.getByLabel("T1 理论考试").fill(m.t1);
      if (m.p1) await page.getByLabel("P1 文档排版").fill(m.p1);
      await page.getByLabel("P2 数据处理与图表").fill(m.p2!);
      await page.getByLabel("P3 演示文稿设计").fill(m.p3!);
      await page.getByRole("button", { name: "提交评分" }).click();
      await expect(page.getByText(`加密号 ${entry.blindCode} 的评分已提交`)).toBeVisible();
    }
  }
  await loginAs("chief");
  await page.goto(`/judge/events/${office}`);
  await shoot(page, "chief-workbench");
  await page.getByLabel(/我已了解：锁定后评分不能再修改/).check();
  await page.getByRole("button", { name: "锁定成绩" }).click();
  await expect(page.getByText("成绩已锁定，名次和奖项已生成")).toBeVisible();
  await shoot(page, "chief-locked");
  await page.getByLabel(/公示期 \d+ 天，至 .* 结束/).check();
  await page.getByRole("button", { name: "公布成绩" }).click();
  await expect(page.getByText("成绩已公布，公示期开始")).toBeVisible();
  return { office, entries };
}

test("screenshots of every role's journey", async ({
  page,
  context,
  baseURL,
  loginAs,
  pageChecks,
}) => {
  test.setTimeout(1_800_000);
  mkdirSync(DIR, { recursive: true });
  writeFileSync(`${DIR}/layout.txt`, "");
  pageChecks.accessibilityScope = "route";
  const url = baseURL ?? "http://127.0.0.1:3100";
  const skills = await eventIdOf("XA2026SKILLS", "PROG");
  const [contest] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "Contest" WHERE "code" = 'XA2026SKILLS'`,
  );
  // The city's May Day medal round, with 秦川数控's nomination in it (prisma/seed/honours.ts).
  const [round] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "NominationRound" WHERE "name" = '2026年西安市五一劳动奖章推荐'`,
  );
  const [quiz] = await queryDb<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "Quiz" WHERE "name" = '第一期：安全生产与劳动法律知识'`,
  );

  // Judges (and the chief) score the demo event; its results are published.
  await loginAs("judge2");
  await page.goto("/judge");
  await shoot(page, "judge-home-scoring");
  const { office, entries } = await publishOffice(page, loginAs);
  const data = await chineseData();

  const journeys: [string | null, string, string][] = [
    ["judge2", "/judge", "judge-home"],
    ["judge2", `/judge/events/${office}`, "judge-worklist"],
    ["judge2", `/judge/events/${office}/entries/${entries[0]!.blindCode}`, "judge-sheet"],
    ["chief", `/judge/events/${office}`, "chief-locked"],
    [null, "/", "visitor-home"],
    [null, "/contests", "visitor-contests"],
    [null, "/contests/XA2026SKILLS", "visitor-contest-skills"],
    [null, "/contests/WN2026QUIZ", "visitor-contest-quiz"],
    [null, "/results", "visitor-results"],
    [null, "/results/XA2026DIGI/OFFICE", "visitor-board-office"],
    [null, "/labour/XA2026GAMES", "visitor-labour"],
    [null, "/honours", "visitor-honours"],
    [null, "/honours/showcase", "visitor-showcase"],
    [null, "/verify", "visitor-verify"],
    [null, "/login", "visitor-login"],
    ["admin", "/admin", "organiser-home"],
    ["admin", "/admin/contests", "organiser-contests"],
    ["admin", `/admin/contests/${contest!.id}`, "organiser-contest"],
    ["admin", `/admin/contests/${contest!.id}/registrations`, "organiser-review"],
    ["admin", `/admin/events/${skills}/scheme`, "organiser-scheme"],
    ["admin", `/admin/events/${skills}/judges`, "organiser-judges"],
    ["admin", "/admin/labour/XA2026GAMES", "organiser-labour"],
    ["admin", "/admin/honours", "organiser-honours"],
    ["admin", `/admin/honours/${round!.id}`, "organiser-honours-round"],
    ["qinchuan", "/org/honours", "company-honours"],
    ["qinchuan", `/org/honours/${round!.id}`, "company-honours-round"],
    ["weinan", "/admin/quiz/WN2026QUIZ", "organiser-quiz"],
    ["qinling", "/org", "company-home"],
    ["qinling", "/org/workers", "company-roster"],
    ["qinling", "/org/workers/import", "company-roster-import"],
    ["qinling", "/org/registrations", "company-entries"],
    ["qinling", "/org/receipts", "company-receipts"],
    ["qinling", `/org/receipts/${entries[0]!.id}`, "company-receipt"],
    ["qinling", "/org/certificates", "company-certificates"],
    ["worker", "/me", "worker-home"],
    ["worker", "/me/results", "worker-results"],
    ["worker", "/me/receipts", "worker-receipts"],
    ["worker", `/me/receipts/${entries[0]!.id}`, "worker-receipt"],
    ["worker", "/me/certificates", "worker-certificates"],
    ["quiz5", "/quiz", "worker-quizzes"],
    ["quiz5", `/quiz/${quiz!.id}`, "worker-quiz"],
  ];
  // SHOTS_LANG=en (or zh) takes one language only.
  const locales = (["zh", "en"] as const).filter((l) => (process.env.SHOTS_LANG ?? l) === l);
  for (const locale of locales) {
    const prefix = locale === "en" ? "en-" : "";
    const english = locale === "en" ? data : null;
    let signedIn: string | null | undefined = undefined;
    // SHOTS_ONLY=<regular expression> shoots only the pages whose names match (a re-shoot).
    const only = process.env.SHOTS_ONLY ? new RegExp(process.env.SHOTS_ONLY) : null;
    for (const [user, path, name] of journeys.filter(([, , n]) => !only || only.test(n))) {
      if (user !== signedIn) {
        await context.clearCookies();
        await useLocale(context, url, locale);
        if (user) await loginAs(user);
        signedIn = user;
      }
      await page.setViewportSize({ width: 1366, height: 800 });
      await page.goto(path);
      await shoot(page, `${prefix}${name}`, english);
    }
    // The quiz, started: one question on the page (an attempt in progress is resumed).
    if (only && !only.test("worker-quiz-question")) continue;
    if (signedIn !== "quiz5") {
      await context.clearCookies();
      await useLocale(context, url, locale);
      await loginAs("quiz5");
      signedIn = "quiz5";
    }
    await page.goto(`/quiz/${quiz!.id}`);
    await page.setViewportSize({ width: 1366, height: 800 });
    const start = page.getByRole("button", { name: locale === "en" ? "Start" : "开始答题" });
    if (await start.isVisible()) await start.click();
    await expect(
      page.getByRole("group", { name: locale === "en" ? /^Question 1 of \d+/ : /^第 1 \/ \d+ 题/ }),
    ).toBeVisible();
    await shoot(page, `${prefix}worker-quiz-question`, english);
  }
});
