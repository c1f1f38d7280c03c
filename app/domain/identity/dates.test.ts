import { describe, expect, it } from "vitest";
import { ageOn, daysInMonth, isIsoDate, isLeapYear, isoDateOf, parseIsoDate } from "./dates";

describe("leap years and month lengths", () => {
  it("follows the Gregorian rules", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe("parseIsoDate", () => {
  it("accepts real dates only", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate("2023-02-29")).toBeNull();
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("2026-04-31")).toBeNull();
    expect(parseIsoDate("2026-13-01")).toBeNull();
    expect(parseIsoDate("2026-5-1")).toBeNull();
    expect(isIsoDate("2026-05-01")).toBe(true);
  });
});

describe("isoDateOf", () => {
  it("uses China time: 16:00 UTC is already the next day in Beijing", () => {
    expect(isoDateOf(new Date("2026-04-30T15:59:59Z"))).toBe("2026-04-30");
    expect(isoDateOf(new Date("2026-04-30T16:00:00Z"))).toBe("2026-05-01");
    expect(isoDateOf(new Date("2026-04-30T16:00:00Z"), 0)).toBe("2026-04-30");
  });
});

describe("ageOn", () => {
  it("counts whole years, turning older on the birthday itself", () => {
    expect(ageOn("1990-05-20", "2026-05-19")).toBe(35);
    expect(ageOn("1990-05-20", "2026-05-20")).toBe(36);
    expect(ageOn("1990-05-20", "2026-12-31")).toBe(36);
    expect(ageOn("2008-06-01", "2026-05-31")).toBe(17);
  });
  it("lets leap-day births turn older on 1 March in common years", () => {
    expect(ageOn("2000-02-29", "2018-02-28")).toBe(17);
    expect(ageOn("2000-02-29", "2018-03-01")).toBe(18);
    expect(ageOn("2000-02-29", "2020-02-29")).toBe(20);
  });
  it("throws on malformed dates", () => {
    expect(() => ageOn("1990-02-30", "2026-01-01")).toThrow(RangeError);
    expect(() => ageOn("1990-01-01", "soon")).toThrow(RangeError);
  });
});
