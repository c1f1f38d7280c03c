import { describe, expect, it } from "vitest";
import {
  ID_NUMBER_PROBLEM_CODES,
  isIdNumber,
  maskIdNumber,
  normaliseIdNumber,
  parseIdNumber,
  withIdCheckChar,
} from "./id-number";
import { missingMessages, renderGaps } from "~/test/rule-messages";

// Worked check characters (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, table "10X98765432"):
// 11010519491231002 → sum 167, 167 mod 11 = 2 → X   (the example printed in GB 11643-1999)
// 61010119900307123 → sum 209, 209 mod 11 = 0 → 1
// 11010120000229002 → sum 116, 116 mod 11 = 6 → 6
const STANDARD_EXAMPLE = "11010519491231002X";
const XIAN_MALE = "610101199003071231";
const LEAP_DAY_FEMALE = "110101200002290026";

describe("withIdCheckChar", () => {
  it("appends the check character computed by hand above", () => {
    expect(withIdCheckChar("11010519491231002")).toBe(STANDARD_EXAMPLE);
    expect(withIdCheckChar("61010119900307123")).toBe(XIAN_MALE);
    expect(withIdCheckChar("11010120000229002")).toBe(LEAP_DAY_FEMALE);
  });
});

describe("parseIdNumber", () => {
  it("reads birth date, gender and region from the standard's example", () => {
    expect(parseIdNumber(STANDARD_EXAMPLE)).toEqual({
      ok: true,
      value: {
        idNumber: STANDARD_EXAMPLE,
        regionCode: "110105",
        birthDate: "1949-12-31",
        gender: "female",
      },
    });
  });
  it("takes an odd 17th digit as male", () => {
    const parsed = parseIdNumber(XIAN_MALE);
    expect(parsed.ok && parsed.value.gender).toBe("male");
    expect(parsed.ok && parsed.value.birthDate).toBe("1990-03-07");
  });
  it("accepts a lower-case x, surrounding and inner spaces and full-width characters", () => {
    for (const input of [
      " 11010519491231002x ",
      "110105 19491231 002X",
      "１１０１０５１９４９１２３１００２ｘ",
      "110105\u300019491231002X",
    ]) {
      const parsed = parseIdNumber(input);
      expect(parsed.ok && parsed.value.idNumber, input).toBe(STANDARD_EXAMPLE);
    }
    expect(normaliseIdNumber(" 11010519491231002x")).toBe(STANDARD_EXAMPLE);
  });
  it("accepts 29 February in a leap year", () => {
    const parsed = parseIdNumber(LEAP_DAY_FEMALE);
    expect(parsed.ok && parsed.value).toMatchObject({ birthDate: "2000-02-29", gender: "female" });
  });
  it("refuses the wrong length, including old 15-digit numbers", () => {
    expect(parseIdNumber("110105491231002")).toEqual({
      ok: false,
      problems: [{ code: "id_number_length", params: { length: 15 } }],
    });
    expect(parseIdNumber(STANDARD_EXAMPLE + "1")).toMatchObject({
      problems: [{ code: "id_number_length", params: { length: 19 } }],
    });
    expect(parseIdNumber("")).toMatchObject({
      problems: [{ code: "id_number_length", params: { length: 0 } }],
    });
  });
  it("reports the first bad character position", () => {
    expect(parseIdNumber("1101051949123100XX")).toMatchObject({
      problems: [{ code: "id_number_characters", params: { position: 17 } }],
    });
    expect(parseIdNumber("11010519491231002Y")).toMatchObject({
      problems: [{ code: "id_number_characters", params: { position: 18 } }],
    });
    expect(parseIdNumber("11O10519491231002X")).toMatchObject({
      problems: [{ code: "id_number_characters", params: { position: 3 } }],
    });
  });
  it("refuses impossible birth dates even with a correct check character", () => {
    expect(parseIdNumber(withIdCheckChar("11010119900230001"))).toMatchObject({
      problems: [{ code: "id_number_invalid_date", params: { date: "1990-02-30" } }],
    });
    // 1900 was not a leap year; 2023 neither.
    expect(parseIdNumber(withIdCheckChar("11010119000229001"))).toMatchObject({
      problems: [{ code: "id_number_invalid_date" }],
    });
    expect(parseIdNumber(withIdCheckChar("11010120230229001"))).toMatchObject({
      problems: [{ code: "id_number_invalid_date" }],
    });
    expect(parseIdNumber(withIdCheckChar("11010119901301001"))).toMatchObject({
      problems: [{ code: "id_number_invalid_date" }],
    });
    expect(parseIdNumber(withIdCheckChar("11010119900400001"))).toMatchObject({
      problems: [{ code: "id_number_invalid_date" }],
    });
  });
  it("refuses birth years before 1900 as implausible (even the standard's 1880 example)", () => {
    expect(parseIdNumber("440524188001010014")).toMatchObject({
      problems: [{ code: "id_number_invalid_date", params: { date: "1880-01-01" } }],
    });
  });
  it("refuses birth dates after today only when today is given", () => {
    const id = withIdCheckChar("11010120260501001");
    expect(parseIdNumber(id, { today: "2026-04-30" })).toMatchObject({
      problems: [{ code: "id_number_future_date", params: { date: "2026-05-01" } }],
    });
    expect(parseIdNumber(id, { today: "2026-05-01" }).ok).toBe(true);
    expect(parseIdNumber(id).ok).toBe(true);
  });
  it("refuses a wrong check character, e.g. one mistyped digit", () => {
    expect(parseIdNumber("110105194912310021")).toEqual({
      ok: false,
      problems: [{ code: "id_number_check_digit", params: {} }],
    });
    expect(parseIdNumber("11010519491231012X")).toMatchObject({
      problems: [{ code: "id_number_check_digit" }],
    });
    expect(isIdNumber("610101199003071232")).toBe(false);
  });
  it("refuses region codes starting with 0", () => {
    expect(parseIdNumber(withIdCheckChar("01010119900307123"))).toMatchObject({
      problems: [{ code: "id_number_region", params: { regionCode: "010101" } }],
    });
  });
  it("has messages for every code and param", () => {
    expect(missingMessages(ID_NUMBER_PROBLEM_CODES)).toEqual([]);
    const samples = [
      "1",
      "11O10519491231002X",
      withIdCheckChar("11010119900230001"),
      "110105194912310021",
      withIdCheckChar("01010119900307123"),
    ];
    const problems = samples.map((s) => parseIdNumber(s)).flatMap((r) => (r.ok ? [] : r.problems));
    const future = parseIdNumber(withIdCheckChar("11010120260501001"), { today: "2026-01-01" });
    if (!future.ok) problems.push(...future.problems);
    expect(problems).toHaveLength(6);
    expect(renderGaps(problems)).toEqual([]);
  });
});

describe("maskIdNumber", () => {
  it("keeps the first four and last four characters", () => {
    expect(maskIdNumber(XIAN_MALE)).toBe("6101**********1231");
    expect(maskIdNumber("11010519491231002x")).toBe("1101**********002X");
    expect(maskIdNumber(XIAN_MALE)).toHaveLength(18);
  });
  it("never shows the birth date", () => {
    expect(maskIdNumber(XIAN_MALE)).not.toContain("19900307");
  });
  it("masks short malformed values completely", () => {
    expect(maskIdNumber("12345678")).toBe("********");
    expect(maskIdNumber("")).toBe("");
  });
});
