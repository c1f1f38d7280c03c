import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pageTitle } from "./page-title";

const routes = join(__dirname, "..", "routes");

describe("page titles", () => {
  it("are in the visitor's language, names first and the app's name last", () => {
    const root = (locale: string) => ({ id: "root", data: { locale } });
    expect(pageTitle([root("en")], "title.results", "2026 Xi'an contest")).toEqual([
      { title: "2026 Xi'an contest · Results · Jiangxin" },
    ]);
    expect(pageTitle([root("zh")], "title.results")).toEqual([{ title: "成绩榜 · 匠心" }]);
    expect(pageTitle([], null, undefined)).toEqual([{ title: "匠心" }]);
  });

  it("every page route titles itself through pageTitle, with no title text of its own", () => {
    const pages = readdirSync(routes).filter((file) => {
      const source = readFileSync(join(routes, file), "utf8");
      return file.endsWith(".tsx") && /export default function/.test(source);
    });
    const untitled: string[] = [];
    for (const file of pages) {
      const source = readFileSync(join(routes, file), "utf8");
      const meta = /export const meta[\s\S]*?;\n/.exec(source)?.[0] ?? "";
      // The splat route renders the 404 page; the root's meta titles it.
      if (file === "$.tsx" && !meta) continue;
      if (!meta.includes("pageTitle(") || /title:/.test(meta)) untitled.push(file);
    }
    expect(untitled).toEqual([]);
  });
});
