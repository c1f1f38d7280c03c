// The environment, read and checked once at start-up. Everything else imports `env` from
// here instead of touching process.env, so a bad setting fails fast with a clear message.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "~/utils/database-file.server";

export const DEV_SESSION_SECRET = "jiangxin-development-session-secret-do-not-use";
export const DEV_ID_NUMBER_KEY = "6a69616e6778696e2d6465762d69642d6e756d6265722d6b65792d3332623a29";

/** Secrets that `npm run setup` generated for this checkout (prisma/data is never committed). */
function localSecrets(): Record<string, string> {
  const file = path.resolve("prisma/data/local-secrets.json");
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
}

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters"),
    /** 64 hex characters: the AES-256 key that encrypts ID numbers at rest */
    ID_NUMBER_KEY: z.string().regex(/^[0-9a-f]{64}$/i, "ID_NUMBER_KEY must be 64 hex characters"),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For. The client is
     * the right-most address that none of them added; 0 uses the socket's peer address.
     */
    TRUST_PROXY: z
      .string()
      .regex(/^(?:[0-9])$/, "TRUST_PROXY must be the number of trusted proxies, 0 to 9")
      .default("0")
      .transform(Number),
    /**
     * The address the public reaches this site at (certificate QR codes, links in files).
     * Never taken from a request's Host header, which the client controls.
     */
    PUBLIC_BASE_URL: z
      .string()
      .url("PUBLIC_BASE_URL must be an absolute http(s) address")
      .refine((value) => /^https?:\/\//i.test(value), "PUBLIC_BASE_URL must start with http(s)://")
      .refine((value) => !/[?#]/.test(value), "PUBLIC_BASE_URL must not carry a query or fragment")
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, "PORT must be a port number")
      .default("3000"),
    /** Cookies marked Secure; defaults to on in production */
    COOKIE_SECURE: z.enum(["0", "1"]).optional(),
    /** ID numbers new to one organisation's roster that it may submit per clock hour */
    ROSTER_NEW_IDS_PER_HOUR: z.coerce
      .number()
      .int("ROSTER_NEW_IDS_PER_HOUR must be a whole number")
      .min(1, "ROSTER_NEW_IDS_PER_HOUR must be at least 1")
      .default(5_000),
    /** Tests only: a file holding the time the quiz pages act on (app/http/clock.server.ts) */
    JX_TEST_CLOCK_FILE: z.string().min(1).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV !== "production") return;
    if (value.JX_TEST_CLOCK_FILE !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["JX_TEST_CLOCK_FILE"],
        message: "the test clock cannot be used in production",
      });
    }
    if (value.SESSION_SECRET === DEV_SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "the development session secret cannot be used in production",
      });
    }
    if (value.ID_NUMBER_KEY.toLowerCase() === DEV_ID_NUMBER_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["ID_NUMBER_KEY"],
        message: "the development ID number key cannot be used in production",
      });
    }
  });

export type Env = z.infer<typeof schema> & { cookieSecure: boolean; publicBaseUrl: string };

export function parseEnv(source: Record<string, string | undefined>): Env {
  const local = localSecrets();
  const production = source.NODE_ENV === "production";
  const input = {
    ...source,
    SESSION_SECRET:
      source.SESSION_SECRET ??
      local.SESSION_SECRET ??
      (production ? undefined : DEV_SESSION_SECRET),
    ID_NUMBER_KEY:
      source.ID_NUMBER_KEY ?? local.ID_NUMBER_KEY ?? (production ? undefined : DEV_ID_NUMBER_KEY),
  };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment; the server will not start:\n${problems}`);
  }
  const cookieSecure =
    parsed.data.COOKIE_SECURE !== undefined
      ? parsed.data.COOKIE_SECURE === "1"
      : parsed.data.NODE_ENV === "production";
  // Development and tests run on this machine; a deployment names its public address.
  const publicBaseUrl = parsed.data.PUBLIC_BASE_URL ?? `http://localhost:${parsed.data.PORT}`;
  if (parsed.data.PUBLIC_BASE_URL === undefined && parsed.data.NODE_ENV === "production")
    console.warn(
      `[jiangxin] PUBLIC_BASE_URL is not set: certificate QR codes will point to ${publicBaseUrl}`,
    );
  return { ...parsed.data, cookieSecure, publicBaseUrl };
}

export const env: Env = parseEnv(process.env);
