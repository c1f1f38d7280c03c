import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_COUNT,
  checkAttachment,
  checkAttachments,
} from "./attachments";

const pdfHead = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
const pngHead = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]);
const codes = (p: { code: string }[]) => p.map((x) => x.code);

describe("nomination attachments", () => {
  it("take a PDF and a PNG whose content matches their type", () => {
    expect(
      checkAttachment({
        filename: "事迹材料.pdf",
        mimeType: "application/pdf",
        size: 1000,
        head: pdfHead,
      }),
    ).toEqual([]);
    expect(
      checkAttachment({ filename: "photo.PNG", mimeType: "image/png", size: 1000, head: pngHead }),
    ).toEqual([]);
  });
  it("refuse other types, renamed files and empty files", () => {
    expect(
      codes(
        checkAttachment({
          filename: "a.docx",
          mimeType: "application/msword",
          size: 10,
          head: pdfHead,
        }),
      ),
    ).toEqual(["attachment_type_not_allowed"]);
    expect(
      codes(
        checkAttachment({
          filename: "a.pdf",
          mimeType: "application/pdf",
          size: 10,
          head: pngHead,
        }),
      ),
    ).toEqual(["attachment_content_mismatch"]);
    expect(
      codes(
        checkAttachment({
          filename: "a.png",
          mimeType: "application/pdf",
          size: 10,
          head: pdfHead,
        }),
      ),
    ).toEqual(["attachment_type_not_allowed"]);
    expect(
      codes(
        checkAttachment({ filename: "a.pdf", mimeType: "application/pdf", size: 0, head: pdfHead }),
      ),
    ).toEqual(["attachment_empty"]);
  });
  it("limit the size to the byte and the count", () => {
    const at = (size: number) =>
      checkAttachment({ filename: "a.pdf", mimeType: "application/pdf", size, head: pdfHead });
    expect(at(ATTACHMENT_MAX_BYTES)).toEqual([]);
    expect(codes(at(ATTACHMENT_MAX_BYTES + 1))).toEqual(["attachment_too_large"]);
    const file = { filename: "a.pdf", mimeType: "application/pdf", size: 5, head: pdfHead };
    expect(checkAttachments(Array(ATTACHMENT_MAX_COUNT).fill(file))).toEqual([]);
    expect(codes(checkAttachments(Array(ATTACHMENT_MAX_COUNT + 1).fill(file)))).toEqual([
      "attachment_too_many",
    ]);
  });
});
