import { describe, expect, it } from "vitest";
import {
  appealOpen,
  appealRefusal,
  lockProblems,
  marksOpen,
  noticeEndsAt,
  publishProblems,
  scoringWindowOf,
  scoringWindowState,
  type JudgingProblem,
} from "./workflow";

describe("judging workflow", () => {
  it("keeps marks open only before locking", () => {
    expect(marksOpen("open")).toBe(true);
    expect(marksOpen("scoring")).toBe(true);
    expect(marksOpen("locked")).toBe(false);
    expect(marksOpen("published")).toBe(false);
  });

  it("lists every reason at once: the rules, waiting entries, each blocked entry, disagreements, rechecks", () => {
    const reason: JudgingProblem = {
      code: "judging.reason.panel_too_small",
      params: { blindCode: "A1" },
    };
    const rule: JudgingProblem = {
      code: "scoring.prize_shares_exceed_total",
      params: { share: "120" },
    };
    const recheck: JudgingProblem = { code: "judging.lock.recheck_pending", params: { n: 2 } };
    expect(
      lockProblems({
        status: "scoring",
        entries: 3,
        incomplete: 1,
        blockingDisagreements: 1,
        configuration: [rule],
        reasons: [reason],
        rechecks: [recheck],
      }).map((p) => p.code),
    ).toEqual([
      "scoring.prize_shares_exceed_total",
      "judging.lock.incomplete",
      "judging.reason.panel_too_small",
      "judging.lock.disagreements",
      "judging.lock.recheck_pending",
    ]);
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

describe("scoring window", () => {
  const at = (iso: string) => new Date(iso);
  it("opens at the organiser's time, or at the contest's start when none is set", () => {
    const contestStart = at("2026-12-18T00:00:00+08:00");
    const unset = scoringWindowOf({ scoringOpensAt: null, scoringClosesAt: null }, contestStart);
    expect(scoringWindowState(unset, at("2026-12-17T23:59:59+08:00"))).toBe("not_yet_open");
    expect(scoringWindowState(unset, contestStart)).toBe("open");
    const set = scoringWindowOf(
      {
        scoringOpensAt: at("2026-12-19T08:00:00+08:00"),
        scoringClosesAt: at("2026-12-20T18:00:00+08:00"),
      },
      contestStart,
    );
    expect(scoringWindowState(set, at("2026-12-18T12:00:00+08:00"))).toBe("not_yet_open");
    expect(scoringWindowState(set, at("2026-12-19T08:00:00+08:00"))).toBe("open");
    expect(scoringWindowState(set, at("2026-12-20T18:00:00+08:00"))).toBe("closed");
    expect(
      scoringWindowState(
        scoringWindowOf({ scoringOpensAt: null, scoringClosesAt: null }, null),
        at("2000-01-01T00:00:00Z"),
      ),
    ).toBe("open");
  });
});
