import { describe, expect, it } from "vitest";
import { isResultsVisibility, resultsArePublic } from "./results-visibility";

describe("results visibility", () => {
  it("hides an unpublished event's results unless the organiser chose live scores", () => {
    for (const status of ["open", "scoring", "locked"]) {
      expect(
        resultsArePublic({ status, publishedAt: null, resultsVisibility: "on_publication" }),
      ).toBe(false);
      expect(resultsArePublic({ status, publishedAt: null, resultsVisibility: "live" })).toBe(true);
      expect(resultsArePublic({ status, publishedAt: null, resultsVisibility: "anything" })).toBe(
        false,
      );
    }
  });

  it("shows published results to everyone", () => {
    expect(
      resultsArePublic({
        status: "published",
        publishedAt: new Date(),
        resultsVisibility: "on_publication",
      }),
    ).toBe(true);
    expect(
      resultsArePublic({
        status: "locked",
        publishedAt: "2026-11-30T00:00:00.000Z",
        resultsVisibility: "on_publication",
      }),
    ).toBe(true);
  });

  it("knows its two settings", () => {
    expect(isResultsVisibility("live")).toBe(true);
    expect(isResultsVisibility("on_publication")).toBe(true);
    expect(isResultsVisibility("public")).toBe(false);
  });
});
