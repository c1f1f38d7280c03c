import { describe, expect, it } from "vitest";
import { parseMark, parseSheet } from "./sheet";

const p3 = { id: 1, maxMark: 2500, rule: "trimmed_mean" as const };
const ws = { id: 2, maxMark: 3000, rule: "worldskills" as const };

describe("score sheet marks", () => {
  it("reads marks in hundredths and checks them against the maximum", () => {
    expect(parseMark(p3, "18.5")).toBe(1850);
    expect(parseMark(p3, " 25 ")).toBe(2500);
    expect(parseMark(p3, "25.01")).toEqual({ error: "judging.sheet.mark_above_max" });
    expect(parseMark(p3, "-1")).toEqual({ error: "judging.sheet.mark_invalid" });
    expect(parseMark(p3, "7.255")).toEqual({ error: "judging.sheet.mark_invalid" });
    expect(parseMark(p3, "")).toBeNull();
  });

  it("takes whole points 0–3 under the WorldSkills method", () => {
    expect(parseMark(ws, "3")).toBe(3);
    expect(parseMark(ws, "4")).toEqual({ error: "judging.sheet.point_invalid" });
    expect(parseMark(ws, "2.5")).toEqual({ error: "judging.sheet.point_invalid" });
  });

  it("saves a partial draft but needs every mark to submit", () => {
    const draft = parseSheet([p3, ws], { 1: "20" }, false);
    expect(draft.ok && [...draft.values]).toEqual([
      [1, 2000],
      [2, null],
    ]);
    expect(parseSheet([p3, ws], { 1: "20" }, true)).toEqual({
      ok: false,
      errors: { 2: "judging.sheet.required" },
    });
    expect(parseSheet([p3, ws], { 1: "99", 2: "x" }, false)).toEqual({
      ok: false,
      errors: { 1: "judging.sheet.mark_above_max", 2: "judging.sheet.point_invalid" },
    });
  });
});
