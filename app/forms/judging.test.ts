import { describe, expect, it } from "vitest";
import { scoreSheetSchema } from "./judging";

const criteria = [
  { id: 1, rule: "median" as const, maxMark: 1000 },
  { id: 2, rule: "worldskills" as const, maxMark: 300 },
];

describe("scoreSheetSchema", () => {
  it("is built once per scheme and checks its maxima and required marks", () => {
    const schema = scoreSheetSchema(criteria, [7]);
    // Equal criteria from another request (another array, other objects): the same schema.
    expect(
      scoreSheetSchema(
        criteria.map((c) => ({ ...c })),
        [7],
      ),
    ).toBe(schema);
    expect(schema.safeParse({ intent: "submit", m1: "9.5", m2: "3", v7: "0" }).success).toBe(true);
    const above = schema.safeParse({ intent: "draft", m1: "10.5", m2: "", v7: "0" });
    expect(above.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["m1", "judging.sheet.mark_above_max"],
    ]);
    const missing = schema.safeParse({ intent: "submit", m1: "1", v7: "0" });
    expect(missing.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["m2", "judging.sheet.required"],
    ]);
  });

  it("is another schema when a maximum, a rule or the parts change", () => {
    const schema = scoreSheetSchema(criteria, [7]);
    const lower = scoreSheetSchema([{ ...criteria[0]!, maxMark: 500 }, criteria[1]!], [7]);
    expect(lower).not.toBe(schema);
    expect(lower.safeParse({ m1: "6", m2: "", v7: "0" }).success).toBe(false);
    expect(schema.safeParse({ m1: "6", m2: "", v7: "0" }).success).toBe(true);
    const ruled = scoreSheetSchema([criteria[0]!, { ...criteria[1]!, rule: "median" }], [7]);
    expect(ruled).not.toBe(schema);
    expect(ruled.safeParse({ m1: "", m2: "2.5", v7: "0" }).success).toBe(true);
    const parts = scoreSheetSchema(criteria, [7, 8]);
    expect(parts).not.toBe(schema);
    expect(parts.safeParse({ m1: "", m2: "", v7: "0" }).success).toBe(false);
  });

  it("keeps nothing of the caller's criteria but what its key holds", () => {
    const mutable = [{ id: 31, rule: "median" as const, maxMark: 1000 }];
    const schema = scoreSheetSchema(mutable, [9]);
    mutable[0]!.maxMark = 100;
    expect(schema.safeParse({ m31: "5", v9: "0" }).success).toBe(true);
  });
});
