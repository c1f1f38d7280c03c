import { describe, expect, it } from "vitest";
import { catalogues, translate } from "./index";

describe("message catalogues", () => {
  it("every key exists in both languages, with the same placeholders", () => {
    for (const catalogue of catalogues) {
      const zhKeys = Object.keys(catalogue.zh).sort();
      const enKeys = Object.keys(catalogue.en).sort();
      expect(enKeys).toEqual(zhKeys);
      for (const key of zhKeys) {
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(catalogue.en[key] ?? ""), key).toEqual(names(catalogue.zh[key] ?? ""));
      }
    }
  });
  it("no key is defined by two catalogues", () => {
    const seen = new Map<string, number>();
    catalogues.forEach((c, i) => {
      for (const key of Object.keys(c.zh)) {
        expect(seen.has(key), `${key} is in catalogues ${seen.get(key)} and ${i}`).toBe(false);
        seen.set(key, i);
      }
    });
  });
  it("fills parameters and falls back to the key", () => {
    expect(translate("zh", "login.locked", { minutes: 3 })).toContain("3");
    expect(translate("en", "no.such.key")).toBe("no.such.key");
  });
});
