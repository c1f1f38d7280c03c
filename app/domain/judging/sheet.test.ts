import { describe, expect, it } from "vitest";
import { parseMark, parseSheet } from "./sheet";

const p3 = { id: 1, maxMark: 2500, rule: "trimmed_mean" as const };
const ws = { id: 2, maxMark: 3000, rule: "worldskills" as const };

describe("score sheet marks", () => {
  it("reads marks in hundredths and checks them against the maximum", () => {
    expect(parseMark(p3, "18.5")).toEqual({ ok: true, value: 1850 });
    expect(parseMark(p3, " 25 ")).toEqual({ ok: true, value: 2500 });
    expect(parseMark(p3, "25.01")).toEqual({
      ok: false,
      problems: ["judging.sheet.mark_above_max"],
    });
    expect(parseMark(p3, "-1")).toEqual({ ok: false, problems: ["judging.sheet.mark_invalid"] });
    expect(parseMark(p3, "7.255")).toEqual({ ok: false, problems: ["judging.sheet.mark_invalid"] });
    expect(parseMark(p3, "")).toEqual({ ok: true, value: null });
  });

  it("takes whole points 0–3 under the WorldSkills method", () => {
    expect(parseMark(ws, "3")).toEqual({ ok: true, value: 3 });
    expect(parseMark(ws, "4")).toEqual({ ok: false, problems: ["judging.sheet.point_invalid"] });
    expect(parseMark(ws, "2.5")).toEqual({ ok: false, problems: ["judging.sheet.point_invalid"] });
  });

  it("saves a partial draft but needs every mark to submit", () => {
    const draft = parseSheet([p3, ws], { 1: "20" }, false);
    expect(draft.ok && [...draft.value]).toEqual([
      [1, 2000],
      [2, null],
    ]);
    expect(parseSheet([p3, ws], { 1: "20" }, true)).toEqual({
      ok: false,
      problems: [{ code: "judging.sheet.required", params: {}, field: "2" }],
    });
    expect(parseSheet([p3, ws], { 1: "99", 2: "x" }, false)).toEqual({
      ok: false,
      problems: [
        { code: "judging.sheet.mark_above_max", params: {}, field: "1" },
        { code: "judging.sheet.point_invalid", params: {}, field: "2" },
      ],
    });
  });
});
