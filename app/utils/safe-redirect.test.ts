import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirect("/admin/contests?x=1")).toBe("/admin/contests?x=1");
  });
  it.each([
    "//evil.example",
    "https://evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    null,
    "/a\nb",
  ])("refuses %s", (value) => {
    expect(safeRedirect(value, "/home")).toBe("/home");
  });
});
