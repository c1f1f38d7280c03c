import { describe, expect, it } from "vitest";
import { missingEnumNames } from "~/test/rule-messages";
import {
  SKILL_LEVELS,
  SKILL_LEVEL_GRADE,
  compareSkillLevels,
  meetsSkillLevel,
  parseSkillLevel,
  skillLevelFromGrade,
} from "./skill-levels";

describe("skill levels", () => {
  it("map to the national grades 5 (初级工) … 1 (高级技师)", () => {
    expect(SKILL_LEVELS.map((l) => SKILL_LEVEL_GRADE[l])).toEqual([5, 4, 3, 2, 1]);
    expect(skillLevelFromGrade(3)).toBe("senior");
    expect(skillLevelFromGrade(6)).toBeNull();
  });
  it("compare lowest to highest", () => {
    expect(compareSkillLevels("junior", "senior_technician")).toBeLessThan(0);
    expect(compareSkillLevels("technician", "senior")).toBeGreaterThan(0);
    expect(compareSkillLevels("senior", "senior")).toBe(0);
  });
  it("meetsSkillLevel: equal or higher passes, none fails a minimum", () => {
    expect(meetsSkillLevel({ skillLevel: "senior" }, "senior")).toBe(true);
    expect(meetsSkillLevel({ skillLevel: "technician" }, "senior")).toBe(true);
    expect(meetsSkillLevel({ skillLevel: "intermediate" }, "senior")).toBe(false);
    expect(meetsSkillLevel({ skillLevel: null }, "junior")).toBe(false);
    expect(meetsSkillLevel({ skillLevel: null }, null)).toBe(true);
    expect(meetsSkillLevel({}, undefined)).toBe(true);
  });
  it("parses what people write in spreadsheets", () => {
    expect(parseSkillLevel("高级工")).toBe("senior");
    expect(parseSkillLevel("高级技师")).toBe("senior_technician");
    expect(parseSkillLevel("技师")).toBe("technician");
    expect(parseSkillLevel("三级")).toBe("senior");
    expect(parseSkillLevel("3")).toBe("senior");
    expect(parseSkillLevel("三级/高级工")).toBe("senior");
    expect(parseSkillLevel("一级（高级技师）")).toBe("senior_technician");
    expect(parseSkillLevel(" intermediate ")).toBe("intermediate");
    expect(parseSkillLevel("三级/技师")).toBeNull();
    expect(parseSkillLevel("特级技师")).toBeNull();
    expect(parseSkillLevel("")).toBeNull();
  });
  it("have display names", () => {
    expect(missingEnumNames("skill_level", SKILL_LEVELS)).toEqual([]);
  });
});
