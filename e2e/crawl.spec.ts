// Crawls every page as each kind of visitor, following the links the pages offer, and checks
// each answer's bytes: no NUL (react#31134 padded 2 KB chunks with them, see README "Server
// rendering"), no U+FFFD (a character cut in two), no 5xx, and no “undefined”, “NaN” or
// “[object Object]” in what the page shows (browser code reading a server-only value showed
// “最大 undefined MB”). The fixtures (support/page-checks.ts) add, on every page opened: no
// console or page error (hydration errors included), and no serious or critical axe
// violation (one check per route); on a phone visitor, no page wider than the 390 px screen.
// The visitor that finishes last fails when a page route of
// app/routes was reached by nobody.
//
// On PostgreSQL (npm run test:pg) the crawl reads the server's answers only: the same visitors
// and addresses, links taken from the server-rendered HTML, every answer's bytes checked and
// its text searched for “undefined”, “NaN” and “[object Object]”, which is what the database
// engine can change. Hydration, the console, accessibility and which routes were reached depend
// on the rendered page, not on the engine, and were checked on SQLite in the same CI run; the
// browser part was about half of the PostgreSQL journeys' time.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, sessionCookieFor, test } from "./support/fixtures";

/** A route module of app/routes, as Remix's flat routes name it. */
type Route = { id: string; pattern: RegExp; statics: number; page: boolean };

function routeTable(): Route[] {
  const dir = path.resolve("app/routes");
  return readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((file) => {
      const name = file.replace(/\.tsx?$/, "");
      // Dots separate segments, except inside [] (an escaped dot: scheme[.]xlsx).
      const segments: string[] = name.match(/(?:\[[^\]]*\]|[^.])+/g) ?? [];
      let statics = 0;
      const parts = segments
        .filter((s) => s !== "_index")
        .map((s) => {
          if (s === "$") return ".*";
          if (s.startsWith("$")) return "[^/]+";
          statics += 1;
          return s
            .replace(/_$/, "")
            .replace(/\[([^\]]*)\]/g, "$1")
            .replace(/[.*+?^${}()|\\]/g, "\\$&");
        });
      const source = readFileSync(path.join(dir, file), "utf8");
      return {
        id: `routes/${name}`,
        pattern: new RegExp(`^/${parts.join("/")}/?$`),
        // The splat answers only what nothing else does.
        statics: segments.includes("$") ? -1 : statics,
        page: /export default/.test(source),
      };
    });
}

const ROUTES = routeTable();

/** The route Remix serves a path with: static segments win over dynamic ones. */
function routeOf(pathname: string): Route | undefined {
  return ROUTES.filter((r) => r.pattern.test(pathname)).sort((a, b) => b.statics - a.statics)[0];
}

/** Pages no link leads to, opened directly (the crawl follows links from there on). */
const START = ["/", "/login", "/verify", "/no/such/page"];

/** Pages the crawl leaves alone, and why. */
const UNCRAWLED: Record<string, string> = {
  // Server-sent events: the answer never ends. The big screen that subscribes is crawled.
  "routes/results.$contest.$event.live": "an event stream, not a page",
  "routes/logout": "signs the visitor out (a form posts to it)",
  "routes/lang": "switches the language (a form posts to it)",
};

/**
 * Pages no link from the seeded data leads to (they need published results or a notice that
 * the journeys create): the journey named opens them, under the same checks. The crawl
 * reads that spec to make sure it still does.
 */
const OPENED_BY_JOURNEYS: Record<string, { spec: string; opens: string }> = {
  "routes/me.receipts.$registrationId": {
    spec: "judging.spec.ts",
    opens: 'getByRole("link", { name: "查看成绩回执" }).click()',
  },
  "routes/org.receipts.$registrationId": { spec: "judging.spec.ts", opens: "/org/receipts/${" },
  "routes/honours.notices.$roundId": { spec: "honours.spec.ts", opens: "/honours/notices/${" },
  "routes/results.$contest.org.$orgId": {
    spec: "leaderboard.spec.ts",
    opens: "XA2026SKILLS\\/org\\/",
  },
  // Rechecks exist only once an organiser configures them and a chief selects entries.
  "routes/judge.events.$eventId.rechecks": {
    spec: "recheck.spec.ts",
    opens: "/judge/events/${eventId}/rechecks",
  },
  "routes/judge.rechecks.$recheckId": { spec: "recheck.spec.ts", opens: "/judge/rechecks/${" },
  // The seeded quizzes are open to Weinan's workers only (eligibility by scope), and no
  // crawling visitor works there; the quiz journeys sign in as those workers.
  "routes/quiz.$quizId._index": { spec: "quiz.spec.ts", opens: "quizPath = `/quiz/${id}`" },
  "routes/quiz.$quizId.review.$attemptId": {
    spec: "quiz-campaign.spec.ts",
    opens: 'getByRole("link", { name: "查看本次答案解析" }).click()',
  },
  // A roster import's page exists once a manager uploads a file.
  "routes/org.workers.import_.$jobId": {
    spec: "registration.spec.ts",
    opens: 'getByRole("button", { name: "上传并导入" }).click();\n    // The upload becomes a job',
  },
};

/**
 * Each visitor reads the bytes of up to this many addresses of one route, and opens the
 * first in the browser (hydration, console, accessibility): the rest differ in data only.
 */
const BYTES_PER_ROUTE = 3;

/** Whether pages are opened in the browser too (see the top of this file). */
const IN_BROWSER = process.env.JX_TEST_ENGINE !== "postgresql";

type Visitor = {
  name: string;
  username: string | null;
  home: string;
  locale: "zh" | "en";
  /** Opens the pages at 390×844 and fails any page wider than that screen. */
  phone?: boolean;
};

/**
 * Every role twice: in Chinese on a desktop and in English on a phone, so each role's pages
 * are crawled in both languages and at both sizes (the journeys walk the states between).
 */
const VISITORS: Visitor[] = [
  { name: "anonymous", username: null, home: "/", locale: "zh" },
  { name: "anonymous, English, phone", username: null, home: "/", locale: "en", phone: true },
  { name: "organiser", username: "admin", home: "/admin", locale: "zh" },
  {
    name: "organiser, English, phone",
    username: "admin",
    home: "/admin",
    locale: "en",
    phone: true,
  },
  // The top administrator manages unions and organisers, and sees every federation's contests.
  { name: "top administrator", username: "platform", home: "/admin", locale: "zh" },
  {
    name: "top administrator, English, phone",
    username: "platform",
    home: "/admin",
    locale: "en",
    phone: true,
  },
  // 长安热力 takes part in the labour competition as well as the skills contest.
  { name: "company manager", username: "heat", home: "/org", locale: "zh" },
  {
    name: "company manager, English, phone",
    username: "heat",
    home: "/org",
    locale: "en",
    phone: true,
  },
  { name: "chief judge", username: "chief", home: "/judge", locale: "zh" },
  {
    name: "chief judge, English, phone",
    username: "chief",
    home: "/judge",
    locale: "en",
    phone: true,
  },
  { name: "judge", username: "judge1", home: "/judge", locale: "zh" },
  { name: "judge, English, phone", username: "judge1", home: "/judge", locale: "en", phone: true },
  { name: "worker", username: "worker", home: "/me", locale: "zh" },
  { name: "worker, English, phone", username: "worker", home: "/me", locale: "en", phone: true },
];

/**
 * Where each visitor's test writes the route ids it reached, for the last test (a file: a
 * failed test restarts the worker, which would lose them in memory).
 */
function reachedFile(visitor: string): string {
  return path.resolve(
    "e2e/.data",
    `crawl-${process.env.E2E_RUN_ID}-${visitor.replace(/\W+/g, "-")}.json`,
  );
}

/** What is wrong with an answer's bytes, if anything. */
function byteProblems(url: string, status: number, type: string, body: Buffer): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`${url}: HTTP ${status}`);
  if (!/^(text\/|application\/(json|javascript|xml))/.test(type)) return problems;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    const around = body
      .subarray(Math.max(0, nul - 24), nul + 24)
      .toString("utf8")
      .replace(/\0/g, "\\0");
    problems.push(`${url}: NUL byte at ${nul}: …${around}…`);
  }
  const text = body.toString("utf8");
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) problems.push(`${url}: U+FFFD at ${bad}: …${text.slice(bad - 24, bad + 24)}…`);
  return problems;
}

/** Same-origin links on the page, without fragments. */
async function linksOn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = new Set<string>();
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"))) {
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin) continue;
      url.hash = "";
      out.add(url.pathname + url.search);
    }
    return [...out];
  });
}

/** Text a visitor should never read: a value that went missing on its way to the page. */
function brokenValuesIn(url: string, text: string): string[] {
  return (text.match(/.{0,20}(?:\bundefined\b|\bNaN\b|\[object Object\]).{0,20}/g) ?? []).map(
    (m) => `${url}: shows “${m}”`,
  );
}

async function brokenValues(page: Page): Promise<string[]> {
  return brokenValuesIn(page.url(), await page.locator("body").innerText());
}

/** The text of a server-rendered page's body, as near to what it shows as markup allows. */
function htmlText(html: string): string {
  return html
    .replace(/^[\s\S]*?<body[^>]*>/i, "")
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ");
}

/** Same-origin links in a server-rendered page, without fragments. */
function linksIn(html: string): string[] {
  const out = new Set<string>();
  for (const [, href] of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/gi)) {
    const url = new URL(href!.replace(/&amp;/g, "&"), "http://x/");
    if (url.origin !== "http://x") continue;
    out.add(url.pathname + url.search);
  }
  return [...out];
}

async function crawl(
  page: Page,
  request: APIRequestContext,
  visitor: Visitor,
): Promise<{ problems: string[]; opened: number }> {
  const problems: string[] = [];
  const seen = new Set<string>();
  const perRoute = new Map<string, number>();
  const ids = new Set<string>();
  const queue = [visitor.home, ...START];
  let opened = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const route = routeOf(new URL(url, "http://x").pathname);
    if (!route || UNCRAWLED[route.id]) continue;
    const count = perRoute.get(route.id) ?? 0;
    if (count >= BYTES_PER_ROUTE) continue;
    perRoute.set(route.id, count + 1);

    // The bytes as the server sends them, before a browser decodes anything.
    const answer = await request.get(url, { maxRedirects: 0, timeout: 30_000 });
    const type = answer.headers()["content-type"] ?? "";
    const body = await answer.body();
    problems.push(...byteProblems(url, answer.status(), type, body));
    opened += 1;
    if (answer.status() >= 300 && answer.status() < 400) {
      const location = answer.headers()["location"];
      if (location) queue.push(new URL(location, "http://x").pathname);
      continue;
    }
    if (!route.page || !/text\/html/.test(type) || count > 0) continue;
    if (!IN_BROWSER) {
      const html = body.toString("utf8");
      problems.push(...brokenValuesIn(url, htmlText(html)));
      for (const link of linksIn(html)) if (!seen.has(link)) queue.push(link);
      continue;
    }

    // The page in a browser: the fixtures check hydration, the console and accessibility.
    await page.goto(url);
    const leaf = await page.evaluate(
      () =>
        (
          window as unknown as {
            __remixRouter?: { state: { matches: { route: { id: string } }[] } };
          }
        ).__remixRouter?.state.matches.at(-1)?.route.id,
    );
    if (leaf) ids.add(leaf);
    if (leaf && leaf !== route.id) problems.push(`${url}: expected ${route.id}, Remix ran ${leaf}`);
    problems.push(...(await brokenValues(page)));
    if (visitor.phone) {
      // Wide tables scroll inside their own box; the page itself must fit the phone.
      const wider = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      if (wider > 0) problems.push(`${url}: ${wider} px wider than a 390 px phone`);
    }
    for (const link of await linksOn(page)) if (!seen.has(link)) queue.push(link);
  }
  mkdirSync(path.dirname(reachedFile(visitor.name)), { recursive: true });
  writeFileSync(reachedFile(visitor.name), JSON.stringify([...ids]));
  return { problems, opened };
}

/** Fails when a page route was reached by no visitor, nor opened by the journey named. */
function checkEveryRouteReached() {
  const all = new Set(
    VISITORS.flatMap((v) => JSON.parse(readFileSync(reachedFile(v.name), "utf8")) as string[]),
  );
  const missing = ROUTES.filter(
    (r) => r.page && !UNCRAWLED[r.id] && !OPENED_BY_JOURNEYS[r.id] && !all.has(r.id),
  ).map((r) => r.id);
  expect(missing, "page routes no visitor reached").toEqual([]);
  for (const [id, { spec, opens }] of Object.entries(OPENED_BY_JOURNEYS)) {
    expect(
      ROUTES.some((r) => r.id === id && r.page),
      `${id} is a page route`,
    ).toBe(true);
    const source = readFileSync(path.resolve("e2e", spec), "utf8");
    expect(source.includes(opens), `${spec} opens ${id}`).toBe(true);
  }
}

// The visitors crawl in parallel; whichever finishes last checks that every route was reached.
test.describe.configure({ mode: "parallel" });

test.describe("page crawl", () => {
  for (const visitor of VISITORS) {
    test(`every page a ${visitor.name} visitor reaches is whole`, async ({
      page,
      context,
      baseURL,
      pageChecks,
    }) => {
      test.setTimeout(6 * 60_000);
      // One accessibility check per route for the whole crawl: the variants by visitor and
      // language share their markup (the journeys check the states they reach).
      pageChecks.accessibilityScope = "route";
      const url = baseURL ?? "http://127.0.0.1:3100";
      if (visitor.phone) await page.setViewportSize({ width: 390, height: 844 });
      if (visitor.username) {
        const { SESSION_COOKIE } = await import("~/utils/http-names");
        await context.addCookies([
          { name: SESSION_COOKIE, value: await sessionCookieFor(visitor.username), url },
        ]);
      }
      if (visitor.locale === "en") {
        const { localeCookie } = await import("~/http/locale.server");
        const value = (await localeCookie.serialize("en")).split(";")[0]!.split("=")[1]!;
        await context.addCookies([{ name: "jx_lang", value, url }]);
      }
      const { problems, opened } = await crawl(page, context.request, visitor);
      expect(opened).toBeGreaterThan(5);
      expect(problems).toEqual([]);
      if (IN_BROWSER && VISITORS.every((v) => existsSync(reachedFile(v.name))))
        checkEveryRouteReached();
    });
  }
});
