import { describe, expect, it } from "vitest";
import { missingMessages, renderGaps } from "~/test/rule-messages";
import { SERIAL_PROBLEM_CODES, formatCertificateSerial, verifySerialFormat } from "./serial";

describe("certificate serials", () => {
  it("format year, kind, sequence and a check character that verifies", () => {
    const serial = formatCertificateSerial(2026, "mw", 42);
    expect(serial).toMatch(/^2026-MW-00042-[0-9A-Z]$/);
    expect(verifySerialFormat(serial)).toEqual({
      ok: true,
      value: { year: 2026, kindCode: "MW", seq: 42 },
    });
    expect(verifySerialFormat(` ${serial.toLowerCase()} `).ok).toBe(true);
    expect(formatCertificateSerial(2026, "IS", 123456)).toMatch(/^2026-IS-123456-.$/);
  });
  it("catch a single mistyped digit and swapped neighbours", () => {
    const serial = formatCertificateSerial(2026, "MW", 42);
    const typos = [
      "2026-MW-00043",
      "2026-MW-00024",
      "2027-MW-00042",
      "2026-WM-00042",
      "2026-MW-00142",
    ].map((s) => `${s}-${serial.slice(-1)}`);
    for (const typo of typos)
      expect(verifySerialFormat(typo), typo).toEqual({
        ok: false,
        problems: [{ code: "serial_check_char_mismatch", params: {} }],
      });
  });
  it("refuse malformed input", () => {
    for (const bad of [
      "",
      "2026-MW-00042",
      "26-MW-00042-X",
      "2026-M1-00042-X",
      "2026-MW-0042-X",
      "2026-MW-00000-0",
    ]) {
      expect(verifySerialFormat(bad), bad).toEqual({
        ok: false,
        problems: [{ code: "serial_format_invalid", params: {} }],
      });
    }
    expect(() => formatCertificateSerial(26, "MW", 1)).toThrow(RangeError);
    expect(() => formatCertificateSerial(2026, "M", 1)).toThrow(RangeError);
    expect(() => formatCertificateSerial(2026, "MW", 0)).toThrow(RangeError);
  });
  it("has messages", () => {
    expect(missingMessages(SERIAL_PROBLEM_CODES)).toEqual([]);
    const problems = [
      verifySerialFormat("x"),
      verifySerialFormat("2026-MW-00043-0"),
      verifySerialFormat("2026-MW-00043-1"),
    ].flatMap((r) => (r.ok ? [] : r.problems));
    expect(renderGaps(problems)).toEqual([]);
  });
});
