import { describe, expect, it } from "vitest";
import {
  MOBILE_PHONE_PROBLEM_CODES,
  isMobilePhone,
  maskMobilePhone,
  parseMobilePhone,
} from "./phone";
import { missingMessages, renderGaps } from "~/test/rule-messages";

describe("parseMobilePhone", () => {
  it("accepts 11 digits starting 13–19", () => {
    for (const n of ["13800138000", "15912345678", "16612345678", "19912345678"])
      expect(isMobilePhone(n), n).toBe(true);
  });
  it("normalises separators and the +86 prefix", () => {
    expect(parseMobilePhone("138 0013 8000")).toEqual({ ok: true, value: "13800138000" });
    expect(parseMobilePhone("138-0013-8000")).toEqual({ ok: true, value: "13800138000" });
    expect(parseMobilePhone("+86 138 0013 8000")).toEqual({ ok: true, value: "13800138000" });
    expect(parseMobilePhone("0086-13800138000")).toEqual({ ok: true, value: "13800138000" });
    expect(parseMobilePhone("１３８００１３８０００")).toEqual({ ok: true, value: "13800138000" });
  });
  it("refuses other numbers", () => {
    for (const n of [
      "12800138000",
      "10086",
      "1380013800",
      "138001380001",
      "02988886666",
      "1380013800a",
      "",
    ]) {
      expect(parseMobilePhone(n), n).toEqual({
        ok: false,
        problems: [{ code: "mobile_phone_invalid", params: {} }],
      });
    }
  });
  it("masks the middle four digits", () => {
    expect(maskMobilePhone("13812345678")).toBe("138****5678");
    expect(maskMobilePhone("abc")).toBe("***");
  });
  it("has messages", () => {
    expect(missingMessages(MOBILE_PHONE_PROBLEM_CODES)).toEqual([]);
    const r = parseMobilePhone("1");
    expect(renderGaps(r.ok ? [] : r.problems)).toEqual([]);
  });
});
