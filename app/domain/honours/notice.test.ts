import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, renderGaps } from "~/test/rule-messages";
import {
  NOTICE_PERIOD_PROBLEM_CODES,
  NOTICE_STATES,
  checkNoticePeriod,
  noticeState,
} from "./notice";

const start = new Date("2026-04-01T00:00:00+08:00");
const end = new Date("2026-04-08T00:00:00+08:00");

describe("noticeState", () => {
  it("is open from the start instant up to, not including, the end instant", () => {
    expect(noticeState(start, end, new Date(start.getTime() - 1))).toBe("not_started");
    expect(noticeState(start, end, start)).toBe("open");
    expect(noticeState(start, end, new Date(end.getTime() - 1))).toBe("open");
    expect(noticeState(start, end, end)).toBe("ended");
  });
});

describe("checkNoticePeriod", () => {
  it("needs an end after the start and enough days", () => {
    expect(checkNoticePeriod({ startsAt: start, endsAt: end }, 7)).toEqual([]);
    expect(checkNoticePeriod({ startsAt: start, endsAt: end }, 8)).toEqual([
      { code: "notice_period_too_short", params: { minDays: 8, days: 7 } },
    ]);
    expect(checkNoticePeriod({ startsAt: end, endsAt: start }, 1)).toEqual([
      { code: "notice_period_invalid", params: {} },
    ]);
  });
  it("has messages and display names", () => {
    expect(missingMessages(NOTICE_PERIOD_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("notice_state", NOTICE_STATES)).toEqual([]);
    expect(
      renderGaps([
        ...checkNoticePeriod({ startsAt: start, endsAt: end }, 9),
        ...checkNoticePeriod({ startsAt: end, endsAt: end }, 1),
      ]),
    ).toEqual([]);
  });
});
