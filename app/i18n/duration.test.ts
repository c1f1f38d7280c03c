import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("formatDuration", () => {
  it("reads as minutes and seconds", () => {
    expect(formatDuration("zh", 797_100)).toBe("13 分 17 秒");
    expect(formatDuration("en", 797_100)).toBe("13 min 17 s");
    expect(formatDuration("zh", 45_400)).toBe("45 秒");
    expect(formatDuration("zh", 3_723_000)).toBe("1 小时 2 分 3 秒");
    expect(formatDuration("en", 60_000)).toBe("1 min 0 s");
    expect(formatDuration("zh", null)).toBe("—");
  });
});
