import { describe, expect, it } from "vitest";
import {
  PLATFORM_SCOPE,
  covers,
  homeUnionOf,
  managesContest,
  mayChangeOwnership,
  statsUnionsOf,
  unionScope,
} from "./scope";

// Xi'an federation 1 with district unions 3 (新城) and 7 (高新), Weinan federation 2.
const xian = unionScope(1, "/1/");
const gaoxin = unionScope(7, "/1/7/");
const xincheng = unionScope(3, "/1/3/");
const weinan = unionScope(2, "/2/");

describe("organiser scope", () => {
  it("covers the own union and everything below it, nothing beside or above", () => {
    expect(covers(gaoxin, "/1/7/")).toBe(true);
    expect(covers(gaoxin, "/1/7/40/")).toBe(true);
    expect(covers(gaoxin, "/1/")).toBe(false);
    expect(covers(gaoxin, "/1/3/")).toBe(false);
    expect(covers(xian, "/1/7/40/")).toBe(true);
    expect(covers(weinan, "/1/7/40/")).toBe(false);
    expect(covers(PLATFORM_SCOPE, "/2/9/")).toBe(true);
  });

  it("manages a contest through its owner or any co-organiser", () => {
    const joint = { ownerPath: "/1/7/", coOrganiserPaths: ["/2/"] };
    expect(managesContest(gaoxin, joint)).toBe(true);
    expect(managesContest(xian, joint)).toBe(true);
    expect(managesContest(weinan, joint)).toBe(true);
    expect(managesContest(xincheng, joint)).toBe(false);
    expect(managesContest(xincheng, { ownerPath: "/1/", coOrganiserPaths: [] })).toBe(false);
  });

  it("leaves ownership to those above the owner", () => {
    expect(mayChangeOwnership(xian, "/1/7/")).toBe(true);
    expect(mayChangeOwnership(weinan, "/1/7/")).toBe(false);
    expect(mayChangeOwnership(PLATFORM_SCOPE, "/1/7/")).toBe(true);
  });

  it("counts a contest in the statistics of its owners, co-organisers, their ancestors and the platform", () => {
    expect(statsUnionsOf("/1/7/", ["/2/"])).toEqual([0, 1, 2, 7]);
    expect(statsUnionsOf("/1/", [])).toEqual([0, 1]);
    expect(homeUnionOf(gaoxin)).toBe(7);
    expect(homeUnionOf(PLATFORM_SCOPE)).toBe(0);
  });
});
