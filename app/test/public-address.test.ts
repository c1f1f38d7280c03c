// Addresses the platform prints (certificate QR codes) come from configuration, never from
// a request's Host or X-Forwarded-Host, which whoever sends the request controls.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

describe("the public address", () => {
  it("is validated at start-up, with a development default", () => {
    const secrets = { SESSION_SECRET: "a".repeat(40), ID_NUMBER_KEY: "b".repeat(64) };
    expect(parseEnv({ ...secrets, PORT: "3141" }).publicBaseUrl).toBe("http://localhost:3141");
    expect(
      parseEnv({ ...secrets, PUBLIC_BASE_URL: "https://jx.union.example/" }).publicBaseUrl,
    ).toBe("https://jx.union.example");
    for (const bad of ["jx.union.example", "ftp://jx.example", "https://jx.example/?a=1"])
      expect(() => parseEnv({ ...secrets, PUBLIC_BASE_URL: bad }), bad).toThrow(/PUBLIC_BASE_URL/);
  });

  it("is never built from the request in routes or request glue", () => {
    // Reading the request's own origin is allowed only to compare it (same-origin checks).
    const allowed = new Set(["same-origin.server.ts"]);
    const offenders: string[] = [];
    for (const dir of ["app/routes", "app/http"]) {
      for (const file of readdirSync(dir)) {
        if (file.includes(".test.") || allowed.has(file)) continue;
        const source = readFileSync(path.join(dir, file), "utf8");
        if (
          /request\.url\)\.(origin|host)|headers\.get\(["'](host|x-forwarded-host)["']\)/i.test(
            source,
          )
        )
          offenders.push(`${dir}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
