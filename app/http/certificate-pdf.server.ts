// Certificate PDFs: A4 landscape, Chinese text in the embedded Noto Sans CJK font (pdfkit
// subsets it, so only the glyphs used travel in the file), a serial number and a QR code
// that opens the public verification page.
import { existsSync, readFileSync } from "node:fs";
import JSZip from "jszip";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { env } from "~/env.server";
import { translate, type MessageKey, type Params } from "~/i18n";
import type { CertificateDocument } from "~/models/certificate.server";
import { defineCache } from "~/utils/cache.server";

export const CJK_FONT_FILE =
  process.env.CJK_FONT_FILE ?? "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/** The member of the .ttc collection with Simplified Chinese glyph forms. */
const CJK_FONT_NAME = "NotoSansCJKsc-Regular";

// The font file never changes while the server runs: no tags, no expiry.
const fonts = defineCache({ name: "cjk-font", ttlMs: Infinity, max: 1 });

/** Read once per process: the collection is ~20 MB and reading it per certificate dominated rendering. */
function cjkFont(): Buffer {
  return fonts.get(CJK_FONT_FILE, [], () => {
    if (!existsSync(CJK_FONT_FILE)) throw new CertificateFontMissingError(CJK_FONT_FILE);
    return readFileSync(CJK_FONT_FILE);
  });
}

/** Registers the embedded Chinese font as "cjk" on a document (certificates, reports). */
export function registerCjkFont(pdf: PDFKit.PDFDocument): void {
  pdf.registerFont("cjk", cjkFont(), CJK_FONT_NAME);
}

export class CertificateFontMissingError extends Error {
  constructor(file: string) {
    super(
      `The Chinese font for certificates is missing: ${file}. Install it with "apt-get install -y fonts-noto-cjk" (.ci/run does), or point CJK_FONT_FILE at a Noto Sans CJK .ttc.`,
    );
    this.name = "CertificateFontMissingError";
  }
}

/** Where the QR code sits on the A4 landscape page, in points from the top left (tests read it back). */
export const QR_BOX = { left: 110, top: 595.28 - 176, size: 96 } as const;

/** The verification page, on the configured public address (never the request's Host). */
export function verifyUrl(serial: string, baseUrl = env.publicBaseUrl): string {
  return `${baseUrl}/verify/${encodeURIComponent(serial)}`;
}

function formatChineseDate(date: Date): string {
  const parts = new Intl.DateTimeFormat("zh-CN", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "Asia/Shanghai",
  }).format(date);
  return parts;
}

const zh = (key: MessageKey, params?: Params) => translate("zh", key, params);

export async function renderCertificatePdf(
  doc: CertificateDocument,
  baseUrl = env.publicBaseUrl,
): Promise<Buffer> {
  const qr = QRCode.create(verifyUrl(doc.serial, baseUrl), { errorCorrectionLevel: "M" }).modules;
  const pdf = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    info: {
      Title: `${doc.title} · ${doc.recipientName}`,
      Subject: doc.serial,
      Creator: "匠心 Jiangxin",
    },
  });
  registerCjkFont(pdf);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const { width, height } = pdf.page;
  const red = "#9f1020";
  const gold = "#c99a2e";
  pdf.rect(0, 0, width, height).fill("#fffaf0");
  pdf
    .lineWidth(10)
    .strokeColor(red)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  pdf
    .lineWidth(2)
    .strokeColor(gold)
    .rect(40, 40, width - 80, height - 80)
    .stroke();

  pdf
    .font("cjk")
    .fillColor(red)
    .fontSize(46)
    .text(
      zh(
        doc.kind === "prize"
          ? "honours.certificate.heading.prize"
          : "honours.certificate.heading.honour",
      ),
      0,
      90,
      {
        width,
        align: "center",
        characterSpacing: 14,
      },
    );

  const left = 110;
  const textWidth = width - 220;
  pdf
    .fillColor("#1d1d24")
    .fontSize(24)
    .text(zh("honours.certificate.to", { name: doc.recipientName }), left, 190, {
      width: textWidth,
    });
  if (doc.organisationName && doc.organisationName !== doc.recipientName) {
    pdf
      .fontSize(14)
      .fillColor("#6b6b78")
      .text(doc.organisationName, left, 228, { width: textWidth });
  }
  pdf
    .fillColor("#1d1d24")
    .fontSize(22)
    .text(
      zh(
        doc.kind === "prize" ? "honours.certificate.body.prize" : "honours.certificate.body.honour",
        { title: doc.title },
      ),
      left + 48,
      262,
      {
        width: textWidth - 48,
        lineGap: 10,
      },
    );
  pdf
    .fontSize(20)
    .text(zh("honours.certificate.closing"), left + 48, pdf.y + 12, { width: textWidth - 48 });

  pdf
    .fontSize(20)
    .fillColor("#1d1d24")
    .text(doc.issuer, width - 420, height - 190, { width: 300, align: "center" });
  pdf.fontSize(16).text(formatChineseDate(doc.issuedAt), width - 420, height - 156, {
    width: 300,
    align: "center",
  });

  drawQr(pdf, qr);
  pdf
    .fontSize(11)
    .fillColor("#3a3a46")
    .text(
      zh("honours.certificate.serial", { serial: doc.serial }),
      QR_BOX.left + 108,
      QR_BOX.top + 30,
      { width: 280 },
    );
  pdf
    .fontSize(10)
    .fillColor("#6b6b78")
    .text(zh("honours.certificate.scan"), QR_BOX.left + 108, QR_BOX.top + 50, { width: 280 });

  pdf.end();
  return done;
}

/** The QR code as vector squares (one quiet module around it): sharp at any print size, and no PNG to encode. */
function drawQr(
  pdf: PDFKit.PDFDocument,
  modules: { size: number; get(row: number, col: number): number | boolean },
) {
  const m = QR_BOX.size / (modules.size + 2);
  pdf.rect(QR_BOX.left, QR_BOX.top, QR_BOX.size, QR_BOX.size).fill("#ffffff");
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col))
        pdf.rect(QR_BOX.left + (col + 1) * m, QR_BOX.top + (row + 1) * m, m, m);
    }
  }
  pdf.fill("#000000");
}

export function certificateFilename(
  doc: Pick<CertificateDocument, "serial" | "recipientName">,
): string {
  return `${doc.serial}-${doc.recipientName}.pdf`.replace(/[\\/:*?"<>|\s]+/g, "_");
}

/** All of a round's or an event's certificates in one ZIP, one PDF per certificate. */
export async function certificatesZip(
  docs: readonly CertificateDocument[],
  baseUrl = env.publicBaseUrl,
): Promise<Buffer> {
  const zip = new JSZip();
  for (const doc of docs) {
    zip.file(certificateFilename(doc), await renderCertificatePdf(doc, baseUrl));
    // Each render holds the event loop for a few hundred milliseconds; let other requests in between.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Content-Disposition with a Chinese file name (RFC 6266 / 5987) and an ASCII fallback. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
