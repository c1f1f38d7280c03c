import { describe, expect, it } from "vitest";
import { dataLang } from "./user-text";

describe("dataLang", () => {
  it("marks Chinese data on an English page", () => {
    expect(dataLang("en", "西安秦川数控机床有限公司")).toBe("zh-CN");
    expect(dataLang("en", "2026年BIM技术建模")).toBe("zh-CN");
  });
  it("leaves Latin data on an English page, and everything on a Chinese page, to the page", () => {
    expect(dataLang("en", "BIM Modelling 2026")).toBeUndefined();
    expect(dataLang("en", "")).toBeUndefined();
    expect(dataLang("en", null)).toBeUndefined();
    expect(dataLang("zh", "西安秦川数控机床有限公司")).toBeUndefined();
  });
});
