import { describe, expect, it } from "vitest";
import { HONOUR_KIND_SERIAL_CODES } from "./kinds";
import { PRIZE_SERIAL_CODE, nextCertificateSeq, serialCodeFor } from "./certificates";
import { formatCertificateSerial } from "./serial";

describe("certificate numbering", () => {
  it("continues after the highest serial of the same year and code", () => {
    const issued = [
      formatCertificateSerial(2026, "MW", 1),
      formatCertificateSerial(2026, "MW", 7),
      formatCertificateSerial(2025, "MW", 30),
      formatCertificateSerial(2026, "TE", 12),
      "garbage",
    ];
    expect(nextCertificateSeq(issued, 2026, "MW")).toBe(8);
    expect(nextCertificateSeq(issued, 2026, "CR")).toBe(1);
  });
  it("gives prizes a code no honour kind uses", () => {
    expect(Object.values(HONOUR_KIND_SERIAL_CODES)).not.toContain(PRIZE_SERIAL_CODE);
    expect(serialCodeFor("prize")).toBe("PR");
    expect(serialCodeFor("honour", "technical_expert")).toBe("TE");
    expect(() => serialCodeFor("honour")).toThrow(TypeError);
  });
});
