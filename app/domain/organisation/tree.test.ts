import { describe, expect, it } from "vitest";
import { branchOf, checkNewUnion, childPath, isWithin, pathIds } from "./tree";

describe("organisation paths", () => {
  it("list ancestors from the top, the organisation itself last", () => {
    expect(pathIds("/1/4/37/")).toEqual([1, 4, 37]);
    expect(pathIds("/")).toEqual([]);
    expect(childPath("/1/4/", 37)).toBe("/1/4/37/");
    expect(childPath(null, 2)).toBe("/2/");
  });
  it("are within an ancestor only on whole segments", () => {
    expect(isWithin("/1/4/37/", "/1/4/")).toBe(true);
    expect(isWithin("/1/4/", "/1/4/")).toBe(true);
    expect(isWithin("/1/40/", "/1/4/")).toBe(false);
    expect(isWithin("/1/40/", "/1/4")).toBe(false);
    expect(isWithin("/2/4/", "/1/")).toBe(false);
  });
  it("report through the organisation right under the federation", () => {
    expect(branchOf("/1/4/37/")).toBe(4);
    expect(branchOf("/1/4/9/37/")).toBe(4);
    expect(branchOf("/1/37/")).toBe(37);
    expect(branchOf("/1/")).toBe(1);
  });
});

describe("new unions", () => {
  it("put federations at the top and other unions under a union", () => {
    expect(checkNewUnion({ name: "宝鸡市总工会", kind: "federation", parent: null })).toEqual([]);
    expect(
      checkNewUnion({ name: "x", kind: "federation", parent: { kind: "federation" } }).map(
        (p) => p.code,
      ),
    ).toEqual(["union_federation_at_top"]);
    expect(
      checkNewUnion({ name: "x", kind: "district_union", parent: null }).map((p) => p.code),
    ).toEqual(["union_parent_required"]);
    expect(
      checkNewUnion({ name: "x", kind: "industry_union", parent: { kind: "enterprise" } }).map(
        (p) => p.code,
      ),
    ).toEqual(["union_parent_not_union"]);
    expect(
      checkNewUnion({ name: "x", kind: "district_union", parent: { kind: "district_union" } }),
    ).toEqual([]);
    expect(
      checkNewUnion({ name: "  ", kind: "district_union", parent: { kind: "federation" } }).map(
        (p) => p.code,
      ),
    ).toEqual(["union_name_required"]);
  });
});
