import { describe, expect, it } from "vitest";
import { publicPaths } from "./public-paths";

describe("publicPaths", () => {
  it("escapes contest codes, which organisers choose", () => {
    expect(publicPaths.results("A/B 1")).toBe("/results/A%2FB%201");
    expect(publicPaths.labourUnit("渭南", 7)).toBe("/labour/%E6%B8%AD%E5%8D%97/units/7");
  });

  it("addresses quizzes and notices by id", () => {
    expect(publicPaths.quizBoard(3)).toBe("/quiz/3/leaderboard");
    expect(publicPaths.notice(4)).toBe("/honours/notices/4");
  });
});
