import { describe, expect, it } from "vitest";
import { DEV_SESSION_SECRET, parseEnv } from "./env.server";

const good = { SESSION_SECRET: "a".repeat(40), ID_NUMBER_KEY: "b".repeat(64) };

describe("parseEnv", () => {
  it("refuses production without secrets or with the development default", () => {
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        SESSION_SECRET: DEV_SESSION_SECRET,
        ID_NUMBER_KEY: "c".repeat(64),
      }),
    ).toThrow(/development session secret/);
    expect(() =>
      parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short", ID_NUMBER_KEY: "c".repeat(64) }),
    ).toThrow(/SESSION_SECRET/);
  });
  it("accepts real production secrets and marks cookies secure", () => {
    const env = parseEnv({ NODE_ENV: "production", ...good });
    expect(env.cookieSecure).toBe(true);
  });
  it("rejects a malformed key", () => {
    expect(() =>
      parseEnv({ NODE_ENV: "development", SESSION_SECRET: "a".repeat(40), ID_NUMBER_KEY: "zz" }),
    ).toThrow(/ID_NUMBER_KEY/);
  });
  it("allows the test clock outside production only", () => {
    expect(parseEnv({ NODE_ENV: "test", ...good, JX_TEST_CLOCK_FILE: "/tmp/clock" })).toMatchObject(
      {
        JX_TEST_CLOCK_FILE: "/tmp/clock",
      },
    );
    expect(() =>
      parseEnv({ NODE_ENV: "production", ...good, JX_TEST_CLOCK_FILE: "/tmp/clock" }),
    ).toThrow(/test clock cannot be used in production/);
  });
});
