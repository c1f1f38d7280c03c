import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { prisma } from "~/db.server";
import { PLATFORM_SCOPE, unionScope } from "~/domain/organisation";
import { statisticsPdf, statisticsReport, statisticsXlsx } from "~/http/statistics-export.server";
import { participationTotals, resolveStatsTarget, yearInNumbers } from "./statistics.server";
import { expectDemoStory } from "~/test/demo-story";

const OUT = path.resolve("e2e/.screenshots");

beforeAll(async () => {
  await expectDemoStory();
});

async function union(name: string) {
  return prisma.organisation.findFirstOrThrow({ where: { name } });
}

describe("the year in numbers on the demo story", () => {
  it("counts Xi'an's contests, its districts' entrants, honours, labour and nothing of Weinan's own", async () => {
    const xa = await union("西安市总工会");
    const target = await resolveStatsTarget(unionScope(xa.id, xa.path), null, 2026);
    if (!target) throw new Error("Xi'an");
    const f = await yearInNumbers(target);
    // The skills contest, the digital one, 高新区's, the bargaining contest, and the joint
    // welding contest (co-organised by Xi'an's construction union).
    expect(f.participation.total.entries).toBeGreaterThan(40);
    expect(f.participation.byCategory.map((c) => c.value)).toContain("集体协商");
    expect(f.participation.byBranch.map((b) => b.name)).toContain("渭南市临渭区总工会");
    // The bargaining contest's published prizes.
    expect(f.participation.total.firstPrizes).toBe(1);
    expect(f.labour.contests.map((c) => c.code)).toEqual(["XA2026GAMES"]);
    expect(f.labour.redFlags).toBe(3);
    expect(f.quiz.quizzes).toEqual([]);
    expect(f.years).toContain(2025);
  });

  it("gives the organiser's home the year's totals the statistics page shows, for its scope", async () => {
    const xa = await union("西安市总工会");
    const scope = unionScope(xa.id, xa.path);
    const june = new Date("2026-06-01T04:00:00Z");
    const { total } = (await yearInNumbers((await resolveStatsTarget(scope, null, 2026))!))
      .participation;
    expect(await participationTotals(scope, june)).toEqual({
      year: 2026,
      entries: total.entries,
      workers: total.workers,
      organisations: total.organisations,
    });
    expect(total.entries).toBeGreaterThan(40);
    // The top administrator's home: the whole platform's row, as their statistics page.
    const platform = (await yearInNumbers((await resolveStatsTarget(PLATFORM_SCOPE, null, 2026))!))
      .participation.total;
    expect(await participationTotals(PLATFORM_SCOPE, june)).toMatchObject({
      entries: platform.entries,
      workers: platform.workers,
    });
    expect(await participationTotals(scope, new Date("2019-06-01T04:00:00Z"))).toEqual({
      year: 2019,
      entries: 0,
      workers: 0,
      organisations: 0,
    });
  });

  it("gives Weinan its quiz participation, labour and honours, and refuses Xi'an's unions", async () => {
    const wn = await union("渭南市总工会");
    const scope = unionScope(wn.id, wn.path);
    const target = await resolveStatsTarget(scope, null, 2026);
    if (!target) throw new Error("Weinan");
    const f = await yearInNumbers(target);
    // Weinan's two quizzes of the knowledge contest, and the 百日千题 campaign's.
    expect(f.quiz.quizzes.length).toBe(3);
    expect(f.quiz.quizzes.map((q) => q.name)).toContain("“党的知识”百日千题");
    expect(f.quiz.quizzes[0]!.participants).toBeGreaterThan(0);
    expect(f.quiz.quizzes[0]!.rate).toBeGreaterThan(0);
    expect(f.labour.contests.map((c) => c.code)).toEqual(["WN2026SBSZ"]);
    const xa = await union("西安市总工会");
    expect(await resolveStatsTarget(scope, xa.id, 2026)).toBeNull();
    expect(await resolveStatsTarget(scope, 0, 2026)).toBeNull();
    const honours2024 = await yearInNumbers((await resolveStatsTarget(scope, null, 2024))!);
    expect(honours2024.honours.total).toBeGreaterThan(0);
    expect(honours2024.ratios.people).toBeGreaterThan(0);
  });

  it("exports a workbook and a printable report with the union's name and period", async () => {
    const target = await resolveStatsTarget(PLATFORM_SCOPE, (await union("西安市总工会")).id, 2026);
    const report = statisticsReport(
      target!,
      await yearInNumbers(target!),
      "zh",
      new Date("2026-12-01T02:00:00Z"),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await statisticsXlsx(report)).buffer as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "西安市总工会",
      "参赛情况",
      "获奖与荣誉",
      "劳动竞赛覆盖",
      "知识竞赛参与",
    ]);
    expect(String(book.worksheets[0]!.getCell("A1").value)).toBe("西安市总工会 2026年度数据");

    const pdf = await statisticsPdf(report);
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, "statistics-xa-2026.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("西安市总工会 2026年度数据");
    expect(text).toContain("统计期间：2026年1月1日至12月31日");
    expect(text).toContain("集体协商");
    // The trades' table runs on to the second page, which repeats its heading.
    const second = execFileSync("pdftotext", ["-layout", "-f", "2", "-l", "2", file, "-"], {
      encoding: "utf8",
    });
    expect(second).toContain("热力运行值班员");
    expect(second).toMatch(/工种\s+参赛人次/);
    // The labour contest's whole name, wrapped in its cell, not cut.
    expect(
      execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/\s+/g, ""),
    ).toContain("“助力十四运建功新时代”重点项目立功竞赛");
    execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(OUT, "statistics-xa-2026")]);

    // Weinan's, with its quizzes, to look at beside Xi'an's.
    const wn = await resolveStatsTarget(PLATFORM_SCOPE, (await union("渭南市总工会")).id, 2026);
    const wnFile = path.join(OUT, "statistics-wn-2026.pdf");
    writeFileSync(
      wnFile,
      await statisticsPdf(
        statisticsReport(wn!, await yearInNumbers(wn!), "zh", new Date("2026-12-01T02:00:00Z")),
      ),
    );
    expect(execFileSync("pdftotext", ["-layout", wnFile, "-"], { encoding: "utf8" })).toContain(
      "百日千题",
    );
    execFileSync("pdftoppm", ["-png", "-r", "60", wnFile, path.join(OUT, "statistics-wn-2026")]);
  });
});
