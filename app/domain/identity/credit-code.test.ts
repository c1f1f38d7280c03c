import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_PROBLEM_CODES,
  isCreditCode,
  parseCreditCode,
  withCreditCheckChar,
} from "./credit-code";
import { missingMessages, renderGaps } from "~/test/rule-messages";

// 91350100M000100Y4: values 9 1 3 5 0 1 0 0 21(M) 0 0 0 1 0 0 30(Y) 4
// Σ value·weight = 9·1+1·3+3·9+5·27+0·19+1·26+0·16+0·17+21·20+0·29+0·25+0·13+1·8+0·24+0·10+30·30+4·28 = 1640
// 1640 mod 31 = 28, 31 − 28 = 3 → "3", so 91350100M000100Y43 is valid.
const FUZHOU = "91350100M000100Y43";
const SHENZHEN = "91440300708461136T";
// Its weighted sum is a multiple of 31, so 31 − 0 = 31 wraps to check character "0".
const CHECK_ZERO = "911101000000000040";

describe("parseCreditCode", () => {
  it("accepts commonly cited real codes", () => {
    expect(parseCreditCode(FUZHOU)).toEqual({
      ok: true,
      value: {
        code: FUZHOU,
        registrationAuthority: "9",
        organisationCategory: "1",
        regionCode: "350100",
        organisationCode: "M000100Y4",
      },
    });
    expect(isCreditCode(SHENZHEN)).toBe(true);
  });
  it("handles the 31 → 0 wrap of the check character", () => {
    expect(withCreditCheckChar("91110100000000004")).toBe(CHECK_ZERO);
    expect(isCreditCode(CHECK_ZERO)).toBe(true);
  });
  it("accepts lower case and spaces", () => {
    expect(parseCreditCode(" 91350100m000100y43 ")).toMatchObject({
      ok: true,
      value: { code: FUZHOU },
    });
    expect(isCreditCode("9135 0100 M000 100Y 43")).toBe(true);
  });
  it("refuses the wrong length", () => {
    expect(parseCreditCode("91350100M000100Y4")).toEqual({
      ok: false,
      problems: [{ code: "credit_code_length", params: { length: 17 } }],
    });
  });
  it("refuses letters outside the alphabet (I O S V Z)", () => {
    expect(parseCreditCode("91350100M0001O0Y43")).toMatchObject({
      problems: [{ code: "credit_code_characters", params: { position: 14 } }],
    });
    expect(parseCreditCode("9135010SM000100Y43")).toMatchObject({
      problems: [{ code: "credit_code_characters", params: { position: 8 } }],
    });
  });
  it("refuses a wrong check character or a swapped pair", () => {
    expect(parseCreditCode("91350100M000100Y44")).toEqual({
      ok: false,
      problems: [{ code: "credit_code_check_char", params: {} }],
    });
    expect(isCreditCode("91351000M000100Y43")).toBe(false);
  });
  it("has messages for every code and param", () => {
    expect(missingMessages(CREDIT_CODE_PROBLEM_CODES)).toEqual([]);
    const problems = ["9", "91350100M0001O0Y43", "91350100M000100Y44"].flatMap((s) => {
      const r = parseCreditCode(s);
      return r.ok ? [] : r.problems;
    });
    expect(renderGaps(problems)).toEqual([]);
  });
});

describe("withCreditCheckChar", () => {
  it("completes 17 characters, upper-casing them", () => {
    expect(withCreditCheckChar("91350100m000100y4")).toBe(FUZHOU);
  });
  it("refuses bad input", () => {
    expect(() => withCreditCheckChar("91350100M000100Y")).toThrow(RangeError);
    expect(() => withCreditCheckChar("91350100M000100I4")).toThrow(RangeError);
  });
});
