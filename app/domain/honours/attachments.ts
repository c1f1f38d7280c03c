import type { Problem } from "~/domain/identity/result";

/** Supporting documents: scanned forms (PDF) and photos. Office files are refused because they can carry macros. */
export const ATTACHMENT_TYPES = [
  { mimeType: "application/pdf", extensions: [".pdf"], magic: [0x25, 0x50, 0x44, 0x46] }, // %PDF
  { mimeType: "image/jpeg", extensions: [".jpg", ".jpeg"], magic: [0xff, 0xd8, 0xff] },
  { mimeType: "image/png", extensions: [".png"], magic: [0x89, 0x50, 0x4e, 0x47] },
] as const;

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_MAX_COUNT = 5;

export type AttachmentProblem =
  | Problem<"attachment_type_not_allowed", { filename: string }>
  | Problem<"attachment_content_mismatch", { filename: string }>
  | Problem<"attachment_too_large", { filename: string; maxMb: number }>
  | Problem<"attachment_empty", { filename: string }>
  | Problem<"attachment_too_many", { max: number }>;

export const ATTACHMENT_PROBLEM_CODES = Object.keys({
  attachment_type_not_allowed: true,
  attachment_content_mismatch: true,
  attachment_too_large: true,
  attachment_empty: true,
  attachment_too_many: true,
} satisfies Record<AttachmentProblem["code"], true>) as AttachmentProblem["code"][];

export interface AttachmentCandidate {
  readonly filename: string;
  readonly mimeType: string;
  readonly size: number;
  /** The first bytes of the file: the declared type must match what the content is. */
  readonly head: Uint8Array;
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot < 0 ? "" : filename.slice(dot).toLowerCase();
}

export function checkAttachment(file: AttachmentCandidate): AttachmentProblem[] {
  const filename = file.filename;
  if (file.size === 0) return [{ code: "attachment_empty", params: { filename } }];
  const problems: AttachmentProblem[] = [];
  if (file.size > ATTACHMENT_MAX_BYTES) {
    problems.push({
      code: "attachment_too_large",
      params: { filename, maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 },
    });
  }
  const ext = extensionOf(filename);
  const type = ATTACHMENT_TYPES.find(
    (t) => t.mimeType === file.mimeType && (t.extensions as readonly string[]).includes(ext),
  );
  if (!type) {
    problems.push({ code: "attachment_type_not_allowed", params: { filename } });
  } else if (!type.magic.every((byte, i) => file.head[i] === byte)) {
    problems.push({ code: "attachment_content_mismatch", params: { filename } });
  }
  return problems;
}

export function checkAttachments(files: readonly AttachmentCandidate[]): AttachmentProblem[] {
  const problems: AttachmentProblem[] = [];
  if (files.length > ATTACHMENT_MAX_COUNT)
    problems.push({ code: "attachment_too_many", params: { max: ATTACHMENT_MAX_COUNT } });
  for (const file of files) problems.push(...checkAttachment(file));
  return problems;
}

/** The accept attribute for the file input, so the picker offers only what will be taken. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((t) => [
  t.mimeType,
  ...t.extensions,
]).join(",");
