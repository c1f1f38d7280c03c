// Addresses the platform prints (certificate QR codes) come from configuration, never from
// a request's Host or X-Forwarded-Host, which whoever sends the request controls.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import { describe, expect, it, vi } from "vitest";
import { env, parseEnv } from "~/env.server";
import { formatCertificateSerial } from "~/domain/honours";
import { CJK_FONT_FILE, renderCertificatePdf, verifyUrl } from "~/http/certificate-pdf.server";

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

  it("is what certificates link to", async () => {
    expect(verifyUrl("2026-MW-00001-F")).toBe(`${env.publicBaseUrl}/verify/2026-MW-00001-F`);
    if (!existsSync(CJK_FONT_FILE)) return;
    const create = vi.spyOn(QRCode, "create");
    await renderCertificatePdf({
      serial: formatCertificateSerial(2026, "MW", 7),
      kind: "honour",
      recipientName: "张建国",
      organisationName: "西安秦川数控机床有限公司",
      title: "2026年度市级劳动模范",
      citation: null,
      issuer: "西安市总工会",
      issuedAt: new Date("2026-05-01T10:00:00+08:00"),
      revoked: false,
      organisationId: 1,
      workerId: 1,
    });
    expect(
      create.mock.calls.map((c) => String(c[0]).startsWith(`${env.publicBaseUrl}/verify/`)),
    ).toEqual([true]);
    create.mockRestore();
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
