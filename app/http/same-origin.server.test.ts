import { describe, expect, it } from "vitest";
import { assertSameOrigin, isSameOrigin } from "./same-origin.server";

const post = (headers: Record<string, string>) =>
  new Request("http://jiangxin.example/admin/contests", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("allows reads from anywhere", () => {
    expect(
      isSameOrigin(
        new Request("http://jiangxin.example/", { headers: { Origin: "https://evil.example" } }),
      ),
    ).toBe(true);
  });
  it("allows same-site posts and posts without Origin or Referer", () => {
    expect(isSameOrigin(post({ Origin: "http://jiangxin.example" }))).toBe(true);
    expect(isSameOrigin(post({ Referer: "http://jiangxin.example/admin" }))).toBe(true);
    expect(isSameOrigin(post({}))).toBe(true);
  });
  it("refuses cross-site posts", () => {
    expect(isSameOrigin(post({ Origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ Origin: "null" }))).toBe(false);
    expect(isSameOrigin(post({ Referer: "https://evil.example/form" }))).toBe(false);
    expect(() =>
      assertSameOrigin(post({ Origin: "http://jiangxin.example.evil.example" })),
    ).toThrow();
  });
  it("accepts the public host named by a reverse proxy", () => {
    const request = new Request("http://127.0.0.1:3000/x", {
      method: "POST",
      headers: { Origin: "https://jx.union.example", "X-Forwarded-Host": "jx.union.example" },
    });
    expect(isSameOrigin(request)).toBe(true);
  });
});
