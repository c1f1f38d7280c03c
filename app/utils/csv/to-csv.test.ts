import { describe, expect, it } from "vitest";
import { UTF8_BOM, csvField, toCsv } from "./to-csv";

describe("toCsv", () => {
  it("writes a BOM and CRLF rows by default", () => {
    expect(
      toCsv([
        ["姓名", "成绩"],
        ["张三", 87.5],
      ]),
    ).toBe("\uFEFF姓名,成绩\r\n张三,87.5\r\n");
    expect(toCsv([["a"]]).startsWith(UTF8_BOM)).toBe(true);
    expect(toCsv([["a"]], { bom: false })).toBe("a\r\n");
  });
  it("quotes commas, quotes and line breaks as RFC 4180 requires", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvField("x\r\ny")).toBe('"x\r\ny"');
    expect(csvField("中文，全角逗号")).toBe("中文，全角逗号");
  });
  it("neutralises formulas, then quotes if needed", () => {
    expect(toCsv([["=1+1", "-1,5", -3]], { bom: false })).toBe("'=1+1,\"'-1,5\",-3\r\n");
    expect(toCsv([["=1+1"]], { bom: false, neutralise: false })).toBe("=1+1\r\n");
    // A leading CR is neutralised and then quoted because it is a line break.
    expect(csvField("\r=1")).toBe('"\'\r=1"');
  });
  it("writes empty cells for null, undefined and non-finite numbers", () => {
    expect(
      toCsv([[null, undefined, Number.NaN, Number.POSITIVE_INFINITY, false, 0]], { bom: false }),
    ).toBe(",,,,false,0\r\n");
    expect(toCsv([], { bom: false })).toBe("");
  });
});
