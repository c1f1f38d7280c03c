// What every e2e journey checks on every page it opens, without asking (fixtures.ts wires it
// into every test's pages, those of contexts a test makes itself included):
// - no console error and no uncaught page error (React's hydration errors #418/#423/#425
//   arrive as one or the other), unless the test said it expects that error;
// - no answer of 500 or more, to the page or any request it makes, and no missing script,
//   stylesheet, image or font. Pages and data answering 4xx are the app's outcomes (a refusal,
//   a form's problems) that the tests assert through the UI; Chromium's console line for
//   them ("Failed to load resource") is therefore left to these response checks;
// - after each page.goto, the page hydrates (the root marks <html data-hydrated>) and, the
//   first time the run sees that route as that kind of user in that language, it has no
//   serious or critical accessibility violation (axe-core), whichever worker gets there
//   first. The crawl (crawl.spec.ts) checks every route this way, once per route; the
//   journeys add the states they reach.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import axe from "axe-core";
import type { AxeResults } from "axe-core";
import type { Browser, BrowserContext, Page, Response } from "@playwright/test";

export type Problem = string;

/** An error the test expects, and whether it was seen. */
type Expected = { pattern: RegExp; seen: number };

/** Impacts that fail a page; "moderate" and "minor" are reported by axe but not enforced. */
const FAILING_IMPACTS = new Set(["serious", "critical"]);

const axeChecked = new Set<string>();

/**
 * Where a route (the crawl's) or a route as one kind of user in one language (the journeys')
 * that passed its accessibility check is marked for the whole run, so that the other workers
 * skip it: one check per key means one per run, not one per worker (each crawls most routes,
 * and the journeys of every worker open the same home and list pages). Marked only after a
 * pass, so a retry checks again.
 *
 * E2E_AXE_RUN_ID, when set, names the run instead: .ci/run gives the SQLite and the
 * PostgreSQL e2e runs the same one, on the same build, so that the PostgreSQL journeys skip
 * the pages the SQLite journeys already checked. The markup axe reads is the same whichever
 * engine stored the rows, as the crawl's browser checks already assume (crawl.spec.ts); the
 * PostgreSQL journeys still check hydration, the console and every answer on every page.
 */
function passedCheckFile(key: string): string {
  const name = createHash("sha256").update(key).digest("hex").slice(0, 32);
  const run = process.env.E2E_AXE_RUN_ID || process.env.E2E_RUN_ID;
  return path.resolve("e2e/.data", `axe-${run}`, name);
}

function describeViolations(violations: AxeResults["violations"]): string[] {
  return violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ""))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 4)
          .map(
            (n) =>
              `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ").slice(0, 160)})` : ""}`,
          )
          .join("; ")}${v.nodes.length > 4 ? ` … ${v.nodes.length} elements` : ""}`,
    );
}

/**
 * Runs axe on the page as it is and returns the serious and critical violations.
 *
 * Axe runs in the page itself and reports every node only of its violations: the same rules
 * on the same nodes as @axe-core/playwright's default, at a little over half the time. That
 * default runs axe per frame, carries every node's result of every rule (passes included) out
 * of the page and into a blank page it opens for each check, and builds a selector for each;
 * on the crawl that was most of the SQLite journeys' browser time. Its legacy mode, which ran
 * here before, evaluated axe's 650 KB source in the page twice per check (once in analyze(),
 * again in inject()); here it is evaluated once per document. What this gives up, as legacy
 * mode did, is frames (the app has none). A page with known violations gave the same rules
 * and nodes both ways.
 */
export async function accessibilityProblems(page: Page): Promise<Problem[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  // The context is what @axe-core/playwright's builder passes when no part of the page is
  // chosen; only the violations come out of the page, not every node's result of every rule.
  // Written inside the function: an argument typed with axe's context (DOM nodes) sends
  // TypeScript through Playwright's Unboxed<> of the whole DOM, past its depth limit.
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(
      { include: [], exclude: [] },
      { resultTypes: ["violations"] },
    ),
  );
  return describeViolations(results.violations);
}

/** The matched Remix route and the signed-in role, read from the hydrated page. */
async function routeKey(page: Page): Promise<string | null> {
  return page
    .evaluate(() => {
      const router = (
        window as unknown as {
          __remixRouter?: {
            state: {
              matches: { route: { id: string } }[];
              loaderData: Record<string, { user?: { role?: string } | null } | undefined>;
            };
          };
        }
      ).__remixRouter;
      if (!router) return null;
      const leaf = router.state.matches.at(-1)?.route.id ?? "?";
      const role = router.state.loaderData.root?.user?.role ?? "anonymous";
      return `${leaf} as ${role} (${document.documentElement.lang})`;
    })
    .catch(() => null);
}

export class PageChecks {
  readonly problems: Problem[] = [];
  /**
   * What one accessibility check covers: a route as one kind of user in one language (the
   * journeys), or a route whoever sees it (the crawl, which visits every route many times).
   */
  accessibilityScope: "route" | "route-user-language" = "route-user-language";
  private readonly expected: Expected[] = [];
  private readonly watched = new WeakSet<Page>();
  private readonly noScript = new WeakSet<BrowserContext>();

  /** Declares an error the test provokes on purpose; it must then occur. */
  expect(pattern: RegExp) {
    this.expected.push({ pattern, seen: 0 });
  }

  private report(kind: string, text: string, url: string) {
    const line = `${kind}: ${text.slice(0, 600)} (at ${url})`;
    const expected = this.expected.find((e) => e.pattern.test(text) || e.pattern.test(line));
    if (expected) {
      expected.seen += 1;
      return;
    }
    this.problems.push(line);
  }

  /** Contexts a test makes itself: their pages are watched too. */
  watchBrowser(browser: Browser): () => void {
    const original = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await original(options);
      this.watchContext(context, options?.javaScriptEnabled === false);
      return context;
    };
    return () => {
      browser.newContext = original;
    };
  }

  watchContext(context: BrowserContext, javaScriptDisabled = false) {
    if (javaScriptDisabled) this.noScript.add(context);
    for (const page of context.pages()) this.watchPage(page);
    context.on("page", (page) => this.watchPage(page));
  }

  watchPage(page: Page) {
    if (this.watched.has(page)) return;
    this.watched.add(page);
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // Failed loads are judged by their responses below.
      if (
        /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
      )
        return;
      this.report("console error", message.text(), message.location().url || page.url());
    });
    page.on("pageerror", (error) => {
      // A request the page itself gave up on (a reload or a closing page interrupts the live
      // board's revalidation while its body streams in): no error of the app.
      if (error.name === "AbortError") return;
      this.report("page error", `${error.name}: ${error.message}`, page.url());
    });
    page.on("response", (response) => this.checkResponse(response));
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await this.afterNavigation(page, response);
      return response;
    };
  }

  private checkResponse(response: Response) {
    const status = response.status();
    const type = response.request().resourceType();
    if (status >= 500) this.report("HTTP", `${status} ${type}`, response.url());
    else if (status >= 400 && ["script", "stylesheet", "image", "font", "media"].includes(type))
      this.report("HTTP", `${status} ${type}`, response.url());
  }

  /** Waits for hydration and checks accessibility the first time a route is seen. */
  private async afterNavigation(page: Page, response: Response | null) {
    if (!response || !/text\/html/.test(response.headers()["content-type"] ?? "")) return;
    if (this.noScript.has(page.context())) return;
    await page
      .locator("html[data-hydrated]")
      .waitFor({ state: "attached", timeout: 15_000 })
      .catch(() => this.report("hydration", "the page did not hydrate within 15 s", page.url()));
    const full = await routeKey(page);
    const key = this.accessibilityScope === "route" ? full?.split(" as ")[0] : full;
    if (!key || axeChecked.has(key)) return;
    axeChecked.add(key);
    if (existsSync(passedCheckFile(key))) return;
    const problems = await accessibilityProblems(page);
    for (const problem of problems) this.report("accessibility", `${full}: ${problem}`, page.url());
    if (problems.length === 0) {
      mkdirSync(path.dirname(passedCheckFile(key)), { recursive: true });
      writeFileSync(passedCheckFile(key), `${key}\n`);
    }
  }

  /** Called when the test ends: what went wrong, expected errors that never came included. */
  finish(): Problem[] {
    const missing = this.expected
      .filter((e) => e.seen === 0)
      .map((e) => `expected error never happened: ${e.pattern}`);
    return [...this.problems, ...missing];
  }
}
