import { describe, expect, it } from "vitest";
import { missingMessages, renderGaps } from "~/test/rule-messages";
import { QUOTA_PROBLEM_CODES, checkQuota } from "./quota";

describe("checkQuota", () => {
  it("reports places left after this registration", () => {
    expect(checkQuota({ usedByOrg: 1, quotaPerOrg: 3, usedTotal: 10, overallCap: 60 })).toEqual({
      ok: true,
      value: { orgPlacesLeft: 1, overallPlacesLeft: 49 },
    });
  });
  it("allows taking the last place and refuses one more", () => {
    expect(checkQuota({ usedByOrg: 2, quotaPerOrg: 3, usedTotal: 59, overallCap: 60 })).toEqual({
      ok: true,
      value: { orgPlacesLeft: 0, overallPlacesLeft: 0 },
    });
    expect(checkQuota({ usedByOrg: 3, quotaPerOrg: 3, usedTotal: 59, overallCap: 60 })).toEqual({
      ok: false,
      problems: [{ code: "quota_org_full", params: { quota: 3, used: 3 } }],
    });
    expect(checkQuota({ usedByOrg: 0, quotaPerOrg: 3, usedTotal: 60, overallCap: 60 })).toEqual({
      ok: false,
      problems: [{ code: "quota_overall_full", params: { cap: 60, used: 60 } }],
    });
  });
  it("reports both limits when both are hit", () => {
    expect(
      checkQuota({ usedByOrg: 3, quotaPerOrg: 3, usedTotal: 60, overallCap: 60 }),
    ).toMatchObject({
      problems: [{ code: "quota_org_full" }, { code: "quota_overall_full" }],
    });
  });
  it("treats null as unlimited", () => {
    expect(
      checkQuota({ usedByOrg: 500, quotaPerOrg: null, usedTotal: 5000, overallCap: null }),
    ).toEqual({
      ok: true,
      value: { orgPlacesLeft: null, overallPlacesLeft: null },
    });
  });
  it("checks several places at once", () => {
    expect(
      checkQuota({ usedByOrg: 1, quotaPerOrg: 3, usedTotal: 0, overallCap: null, requested: 2 }).ok,
    ).toBe(true);
    expect(
      checkQuota({ usedByOrg: 1, quotaPerOrg: 3, usedTotal: 0, overallCap: null, requested: 3 }).ok,
    ).toBe(false);
  });
  it("has messages", () => {
    expect(missingMessages(QUOTA_PROBLEM_CODES)).toEqual([]);
    const r = checkQuota({ usedByOrg: 3, quotaPerOrg: 3, usedTotal: 60, overallCap: 60 });
    expect(renderGaps(r.ok ? [] : r.problems)).toEqual([]);
  });
});
