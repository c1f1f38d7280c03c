import { HONOUR_KIND_SERIAL_CODES, type HonourKind } from "./kinds";
import { verifySerialFormat } from "./serial";

/** Contest prizes get certificates too; their serials use a code no honour kind has. */
export const PRIZE_SERIAL_CODE = "PR";

export const CERTIFICATE_KINDS = ["honour", "prize"] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export function serialCodeFor(kind: CertificateKind, honourKind?: HonourKind): string {
  if (kind === "prize") return PRIZE_SERIAL_CODE;
  if (!honourKind) throw new TypeError("An honour certificate needs the honour kind");
  return HONOUR_KIND_SERIAL_CODES[honourKind];
}

/** The next sequence number after the serials already issued for one year and code. */
export function nextCertificateSeq(issued: readonly string[], year: number, code: string): number {
  let max = 0;
  for (const serial of issued) {
    const parsed = verifySerialFormat(serial);
    if (parsed.ok && parsed.value.year === year && parsed.value.kindCode === code)
      max = Math.max(max, parsed.value.seq);
  }
  return max + 1;
}
