import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import QRCode from "qrcode";
import { describe, expect, it, vi } from "vitest";
import { env } from "~/env.server";
import { formatCertificateSerial } from "~/domain/honours";
import type { CertificateDocument } from "~/models/certificate.server";
import {
  CJK_FONT_FILE,
  QR_BOX,
  certificatesZip,
  renderCertificatePdf,
  verifyUrl,
} from "./certificate-pdf.server";

/** Binary PGM (P5), what pdftoppm -gray writes: a text header, then one byte per pixel. */
function readPgm(buffer: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buffer.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a PGM file");
  const [whole = "", width = "0", height = "0"] = header;
  return { width: Number(width), height: Number(height), pixels: buffer.subarray(whole.length) };
}

const doc: CertificateDocument = {
  serial: formatCertificateSerial(2026, "MW", 42),
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
  organisationPath: "/1/",
  issuerPaths: [],
};

describe("certificate addresses", () => {
  it("link to the configured public address, never the request's host", async () => {
    expect(verifyUrl(doc.serial)).toBe(`${env.publicBaseUrl}/verify/${doc.serial}`);
    if (!existsSync(CJK_FONT_FILE)) return;
    const create = vi.spyOn(QRCode, "create");
    await renderCertificatePdf(doc);
    expect(create.mock.calls.map((c) => String(c[0]))).toEqual([verifyUrl(doc.serial)]);
    create.mockRestore();
  });
});

// Rendered pages are kept for a person to look at: e2e/.screenshots/certificate-*.png.
const OUT = path.resolve("e2e/.screenshots");
const hasPoppler = existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdftotext");

describe.runIf(existsSync(CJK_FONT_FILE))("certificate PDF", () => {
  it("embeds the CJK font and carries the Chinese text, serial and verification link", async () => {
    const pdf = await renderCertificatePdf(doc, "https://jiangxin.example");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // pdfkit subsets the font: a font file is embedded, not merely named.
    expect(pdf.includes(Buffer.from("/FontFile"))).toBe(true);
    expect(pdf.includes(Buffer.from("NotoSansCJKsc-Regular"))).toBe(true);
    expect(pdf.length).toBeLessThan(500_000);
  });

  it.runIf(hasPoppler)(
    "renders to a page whose text reads back as Chinese, not empty boxes",
    async () => {
      mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, "certificate-honour.pdf");
      writeFileSync(file, await renderCertificatePdf(doc, "https://jiangxin.example"));
      // Line breaks fall wherever the layout wraps; compare without whitespace.
      const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, "");
      for (const expected of [
        "荣誉证书",
        "张建国",
        "2026年度市级劳动模范",
        "西安市总工会",
        doc.serial,
        "特发此证",
      ]) {
        expect(text).toContain(expected);
      }
      const fonts = execFileSync("pdffonts", [file]).toString();
      expect(fonts).toMatch(/NotoSansCJKsc-Regular/);
      expect(fonts).toMatch(/yes\s+yes/); // embedded and subset
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "60",
        "-singlefile",
        file,
        path.join(OUT, "certificate-honour"),
      ]);
      const png = path.join(OUT, "certificate-honour.png");
      expect(statSync(png).size).toBeGreaterThan(10_000);
      expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
    },
  );

  it.runIf(hasPoppler)(
    "prints a QR code that encodes the verification page's address",
    async () => {
      mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, "certificate-qr.pdf");
      const url = verifyUrl(doc.serial, "https://jiangxin.example");
      writeFileSync(file, await renderCertificatePdf(doc, "https://jiangxin.example"));
      const scale = 4; // pixels per point at 288 dpi
      execFileSync("pdftoppm", [
        "-r",
        String(72 * scale),
        "-gray",
        "-singlefile",
        file,
        path.join(OUT, "certificate-qr"),
      ]);
      const image = readPgm(readFileSync(path.join(OUT, "certificate-qr.pgm")));
      // Sample the centre of every module where the layout places the code and compare with the expected matrix.
      const modules = QRCode.create(url, { errorCorrectionLevel: "M" }).modules;
      const span = modules.size + 2; // one quiet module each side
      const m = QR_BOX.size / span;
      let wrong = 0;
      for (let row = 0; row < modules.size; row++) {
        for (let col = 0; col < modules.size; col++) {
          const x = Math.round((QR_BOX.left + (col + 1.5) * m) * scale);
          const y = Math.round((QR_BOX.top + (row + 1.5) * m) * scale);
          const dark = (image.pixels[y * image.width + x] ?? 255) < 128;
          if (dark !== Boolean(modules.get(row, col))) wrong++;
        }
      }
      expect(wrong).toBe(0);
    },
  );

  it("packs several certificates into one ZIP", async () => {
    const zip = await certificatesZip(
      [doc, { ...doc, serial: formatCertificateSerial(2026, "MW", 43), recipientName: "李秀英" }],
      "https://x.example",
    );
    const entries = Object.keys((await JSZip.loadAsync(zip)).files);
    expect(entries).toEqual([
      `${doc.serial}-张建国.pdf`,
      `${formatCertificateSerial(2026, "MW", 43)}-李秀英.pdf`,
    ]);
  });
});

describe("missing font", () => {
  it("fails with a message that says how to install it", async () => {
    const { CertificateFontMissingError } = await import("./certificate-pdf.server");
    const error = new CertificateFontMissingError("/nowhere.ttc");
    expect(error.message).toContain("fonts-noto-cjk");
  });
});
