// The form reader streams files to disk (issue 12, finding 8): a large upload never sits in
// memory, a body past its kind's limit is refused while it is read and leaves nothing behind,
// and a request's files go when its response ends. Memory is measured deterministically: the
// body is generated as it is read, and at every few megabytes the test collects garbage and
// reads what ArrayBuffers the process still holds.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMITS, readForm, uploadedFilePath } from "~/http/form-body.server";
import { scratchRoot, withUploadScratch } from "~/utils/upload-scratch.server";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
const BOUNDARY = "----jxTestBoundary7MA4YWxkTrZu0gW";
const encode = (text: string) => new TextEncoder().encode(text);

beforeAll(() => {
  // This file's own temporary directory: what the reader leaves behind is countable.
  process.env.TMPDIR = mkdtempSync(path.join(tmpdir(), "jx-form-body-"));
});

/** A file's bytes at `offset`: a CSV-like pattern, so the content can be checked on disk. */
function fileChunk(offset: number, size: number): Uint8Array {
  const line = encode("张三,610102199001011234,男,13800000000,车工\r\n");
  const chunk = new Uint8Array(size);
  for (let i = 0; i < size; i++) chunk[i] = line[(offset + i) % line.length]!;
  return chunk;
}

type Probe = { pulled: number; peakHeld: number };

/**
 * A multipart body of text fields and one file of `fileBytes`, generated as it is read (no
 * Content-Length: a chunked upload). With `sampleEvery`, garbage is collected and the
 * ArrayBuffers still held are sampled each time that many more bytes have been pulled.
 */
function streamedForm(
  fileBytes: number,
  options: { fileName?: string; fields?: Record<string, string>; sampleEvery?: number } = {},
) {
  const probe: Probe = { pulled: 0, peakHeld: 0 };
  const hash = createHash("sha256");
  const fields = Object.entries(options.fields ?? {})
    .map(
      ([name, value]) =>
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join("");
  const head = encode(
    `${fields}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName ?? "roster.csv"}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = encode(`\r\n--${BOUNDARY}--\r\n`);
  gc();
  const baseline = process.memoryUsage().arrayBuffers;
  let sent = 0;
  let sampledAt = 0;
  let stage: "head" | "file" | "tail" | "done" = "head";
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.sampleEvery && probe.pulled - sampledAt >= options.sampleEvery) {
        sampledAt = probe.pulled;
        gc();
        const held = process.memoryUsage().arrayBuffers - baseline;
        probe.peakHeld = Math.max(probe.peakHeld, held);
      }
      let chunk: Uint8Array;
      if (stage === "head") {
        chunk = head;
        stage = fileBytes > 0 ? "file" : "tail";
      } else if (stage === "file") {
        chunk = fileChunk(sent, Math.min(CHUNK, fileBytes - sent));
        hash.update(chunk);
        sent += chunk.byteLength;
        if (sent === fileBytes) stage = "tail";
      } else if (stage === "tail") {
        chunk = tail;
        stage = "done";
      } else return controller.close();
      probe.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/org/workers/import", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: stream,
    duplex: "half",
  } as RequestInit);
  let digest: string | undefined;
  return { request, probe, digest: () => (digest ??= hash.digest("hex")) };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function leftInScratch(): string[] {
  const root = scratchRoot();
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((dir) =>
    readdirSync(path.join(root, dir)).map((f) => `${dir}/${f}`),
  );
}

async function refusal(request: Request, kind: Parameters<typeof readForm>[1]) {
  try {
    await readForm(request, kind);
    return null;
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : thrown;
  }
}

describe("multipart forms", () => {
  it("keeps text fields in memory and writes the file to disk, intact and under its own name", async () => {
    const { request, digest } = streamedForm(3 * MB + 17, {
      fileName: "名册 2026.csv",
      fields: { intent: "import", note: "西安" },
    });
    let release: () => Promise<void> = async () => undefined;
    const form = await withUploadScratch(
      (r) => (release = r),
      () => readForm(request, "roster"),
    );
    expect(form.get("intent")).toBe("import");
    expect(form.get("note")).toBe("西安");
    const file = form.get("file") as File;
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe("名册 2026.csv");
    expect(file.type).toBe("text/csv");
    expect(file.size).toBe(3 * MB + 17);
    expect(sha256(new Uint8Array(await file.arrayBuffer()))).toBe(digest());
    const onDisk = uploadedFilePath(file)!;
    expect(onDisk.startsWith(scratchRoot())).toBe(true);
    expect(sha256(readFileSync(onDisk))).toBe(digest());

    // The response has ended: the request's files go with it.
    await release();
    expect(existsSync(onDisk)).toBe(false);
    expect(leftInScratch()).toEqual([]);
  });

  it("does not hold the file in memory while it streams in", async () => {
    // Well past the bound below: a reader that buffered the body would hold all of it.
    const size = 48 * MB;
    const { request, probe, digest } = streamedForm(size, { sampleEvery: 4 * MB });
    let release: () => Promise<void> = async () => undefined;
    const form = await withUploadScratch(
      (r) => (release = r),
      () => readForm(request, "roster"),
    );
    const file = form.get("file") as File;
    gc();
    const heldAfter = process.memoryUsage().arrayBuffers;
    expect(file.size).toBe(size);
    expect(probe.peakHeld).toBeLessThan(8 * MB);
    // The File itself is the file on disk, not a copy in memory.
    expect(heldAfter).toBeLessThan(size / 4);
    expect(sha256(readFileSync(uploadedFilePath(file)!))).toBe(digest());
    await release();
  }, 60_000);

  it("refuses a chunked body past its kind's limit while reading it, and keeps nothing", async () => {
    const limit = BODY_LIMITS.upload;
    const { request, probe } = streamedForm(3 * limit);
    expect(await refusal(request, "upload")).toBe(413);
    expect(probe.pulled).toBeLessThanOrEqual(limit + 2 * CHUNK);
    expect(leftInScratch()).toEqual([]);
  });

  it("holds text fields to an ordinary form's size, whatever the kind", async () => {
    const { request } = streamedForm(10, { fields: { note: "x".repeat(BODY_LIMITS.form + 1) } });
    expect(await refusal(request, "roster")).toBe(413);
    expect(leftInScratch()).toEqual([]);
  });

  it("answers 400 to a malformed body and removes the file it had begun", async () => {
    const body = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${"a,b\r\n".repeat(1000)}`;
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
      body,
    });
    expect(await refusal(request, "upload")).toBe(400);
    expect(leftInScratch()).toEqual([]);
  });
});
