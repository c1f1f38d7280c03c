import { describe, expect, it } from "vitest";
import { checkNoticePeriod } from "./notice";
import { evaluateRoundRules } from "./ratio-rules";
import {
  MIN_NOTICE_CALENDAR_DAYS,
  noticeLastInstant,
  noticePeriodFromDates,
  parseRoundRules,
  rulesFromSettings,
  settingsFromRules,
} from "./round-settings";

const settings = { quota: 10, perOrgQuota: 2, minFrontLinePercent: 60, maxManagerPercent: 15 };

describe("round rule settings", () => {
  it("turn into rules and back, through the stored JSON", () => {
    const rules = rulesFromSettings(settings);
    expect(rules).toHaveLength(4);
    const stored = parseRoundRules(JSON.stringify(rules));
    expect(stored).toEqual(rules);
    expect(settingsFromRules(stored)).toEqual(settings);
  });
  it("leave out the rules that are not set", () => {
    const rules = rulesFromSettings({
      quota: 5,
      perOrgQuota: null,
      minFrontLinePercent: null,
      maxManagerPercent: null,
    });
    expect(rules).toEqual([{ kind: "max_total", max: 5 }]);
  });
  it("warn about a 50/50 list against 60% front-line and 15% managers", () => {
    const rules = rulesFromSettings(settings);
    const evaluations = evaluateRoundRules(rules, [
      { id: "1", organisationId: "a", state: "submitted", attributes: ["manager"] },
      { id: "2", organisationId: "b", state: "submitted", attributes: ["front_line"] },
    ]);
    expect(evaluations.map((e) => e.status)).toEqual(["pass", "pass", "warn", "warn"]);
  });
  it("refuse a stored rule that does not parse instead of dropping it", () => {
    expect(() =>
      parseRoundRules('[{"kind":"min_share","attribute":"front_line","percent":160}]'),
    ).toThrow(TypeError);
    expect(() => parseRoundRules('[{"kind":"whatever"}]')).toThrow(TypeError);
    expect(parseRoundRules("")).toEqual([]);
  });
});

describe("notice dates", () => {
  it("include both the first and the last day, in Beijing time", () => {
    const period = noticePeriodFromDates("2026-06-01", "2026-06-07");
    expect(period?.startsAt.toISOString()).toBe("2026-05-31T16:00:00.000Z");
    expect(period?.endsAt.toISOString()).toBe("2026-06-07T16:00:00.000Z");
    expect(noticeLastInstant(period!.endsAt).toISOString()).toBe("2026-06-07T15:59:59.999Z");
  });
  it("seven calendar days meet the minimum and six do not", () => {
    expect(
      checkNoticePeriod(
        noticePeriodFromDates("2026-06-01", "2026-06-07")!,
        MIN_NOTICE_CALENDAR_DAYS,
      ),
    ).toEqual([]);
    expect(
      checkNoticePeriod(
        noticePeriodFromDates("2026-06-01", "2026-06-06")!,
        MIN_NOTICE_CALENDAR_DAYS,
      )[0]?.code,
    ).toBe("notice_period_too_short");
  });
  it("reject impossible dates", () => {
    expect(noticePeriodFromDates("2026-02-30", "2026-03-05")).toBeNull();
  });
});
