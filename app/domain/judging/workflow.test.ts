import { describe, expect, it } from "vitest";
import {
  appealOpen,
  appealRefusal,
  lockProblems,
  marksOpen,
  noticeEndsAt,
  publishProblems,
} from "./workflow";

describe("judging workflow", () => {
  it("keeps marks open only before locking", () => {
    expect(marksOpen("open")).toBe(true);
    expect(marksOpen("scoring")).toBe(true);
    expect(marksOpen("locked")).toBe(false);
    expect(marksOpen("published")).toBe(false);
  });

  it("refuses to lock with missing sheets or unresolved disagreements", () => {
    expect(
      lockProblems({ status: "scoring", entries: 3, incomplete: 0, blockingDisagreements: 0 }),
    ).toEqual([]);
    expect(
      lockProblems({ status: "scoring", entries: 3, incomplete: 1, blockingDisagreements: 2 }).map(
        (p) => p.code,
      ),
    ).toEqual(["judging.lock.incomplete", "judging.lock.disagreements"]);
    expect(
      lockProblems({ status: "locked", entries: 0, incomplete: 0, blockingDisagreements: 0 }).map(
        (p) => p.code,
      ),
    ).toEqual(["judging.lock.not_open", "judging.lock.no_entries"]);
  });

  it("publishes only a locked event", () => {
    expect(publishProblems("locked")).toEqual([]);
    expect(publishProblems("scoring")[0]?.code).toBe("judging.publish.not_locked");
  });

  it("accepts appeals until the notice period ends, then refuses with the end date", () => {
    const publishedAt = new Date("2026-12-21T02:00:00Z");
    const end = noticeEndsAt(publishedAt, 5);
    expect(end.toISOString()).toBe("2026-12-26T02:00:00.000Z");
    const window = { status: "published", publishedAt, noticeEndsAt: end };
    expect(appealRefusal(window, new Date("2026-12-26T01:59:59Z"))).toBeNull();
    expect(appealRefusal(window, new Date("2026-12-26T02:00:01Z"))).toEqual({
      code: "judging.appeal.window_closed",
      params: { end: end.toISOString() },
    });
    expect(appealRefusal({ ...window, status: "locked" }, publishedAt)?.code).toBe(
      "judging.appeal.not_published",
    );
  });

  it("treats submitted and reviewing appeals as open", () => {
    expect(appealOpen("submitted")).toBe(true);
    expect(appealOpen("reviewing")).toBe(true);
    expect(appealOpen("upheld")).toBe(false);
  });
});
