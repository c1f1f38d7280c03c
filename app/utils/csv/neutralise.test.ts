import { describe, expect, it } from "vitest";
import { neutraliseCell } from "./neutralise";

describe("neutraliseCell", () => {
  it("prefixes formula-looking strings with an apostrophe", () => {
    expect(neutraliseCell('=HYPERLINK("http://evil","点我")')).toBe(
      '\'=HYPERLINK("http://evil","点我")',
    );
    expect(neutraliseCell("+86 138")).toBe("'+86 138");
    expect(neutraliseCell("-2+3")).toBe("'-2+3");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\t=1")).toBe("'\t=1");
    expect(neutraliseCell("\r=1")).toBe("'\r=1");
  });
  it("leaves ordinary text and non-strings alone", () => {
    expect(neutraliseCell("张三")).toBe("张三");
    expect(neutraliseCell("a=b")).toBe("a=b");
    expect(neutraliseCell("")).toBe("");
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell(true)).toBe(true);
  });
});
