import { describe, expect, it } from "vitest";
import { checkTeamSide, parseSides, sidesOf, sidesValid } from "./sides";

describe("team sides", () => {
  it("are read from a list typed with Chinese or Latin separators", () => {
    expect(parseSides("职工方、企业方")).toEqual(["职工方", "企业方"]);
    expect(parseSides(" union , employer ,union")).toEqual(["union", "employer"]);
    expect(parseSides("")).toEqual([]);
  });
  it("are none, or two to four short names", () => {
    expect(sidesValid([])).toBe(true);
    expect(sidesValid(["职工方"])).toBe(false);
    expect(sidesValid(["a", "b", "c", "d", "e"])).toBe(false);
    expect(sidesValid(["职工方", "x".repeat(21)])).toBe(false);
    expect(sidesValid(["职工方", "企业方"])).toBe(true);
  });
  it("survive a bad stored value", () => {
    expect(sidesOf('["职工方","企业方"]')).toEqual(["职工方", "企业方"]);
    expect(sidesOf("nonsense")).toEqual([]);
    expect(sidesOf('{"a":1}')).toEqual([]);
  });

  it("make a team choose one of them", () => {
    expect(checkTeamSide([], null)).toEqual([]);
    expect(checkTeamSide(["职工方", "企业方"], "企业方")).toEqual([]);
    expect(checkTeamSide(["职工方", "企业方"], null).map((p) => p.code)).toEqual([
      "team_side_required",
    ]);
    expect(checkTeamSide(["职工方", "企业方"], "资方").map((p) => p.code)).toEqual([
      "team_side_unknown",
    ]);
  });
});
