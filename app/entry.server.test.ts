// The server renderer must not put NUL bytes into pages (react#31134). React 18.3.1's Node
// build encodes text into 2 KB buffers with TextEncoder.encodeInto and, when a multi-byte
// character does not fit at the end of one, sent the whole buffer, unwritten zero bytes
// included: “主\0\0办”. patches/react-dom+18.3.1.patch applies the upstream fix (React 19,
// react#26228: send only the bytes written); `npm install`/`npm ci` apply it (postinstall).
// Both builds are checked: tests load the development one, the production server the other.
import { createRequire } from "node:module";
import path from "node:path";
import { PassThrough } from "node:stream";
import { createElement, type ReactElement } from "react";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const reactDomDir = path.dirname(require.resolve("react-dom/package.json"));

type PipeableRenderer = {
  renderToPipeableStream: (
    element: ReactElement,
    options: { onAllReady: () => void; onError: (error: unknown) => void },
  ) => { pipe: (destination: NodeJS.WritableStream) => void };
};

function renderer(build: "development" | "production.min"): PipeableRenderer {
  return require(
    path.join(reactDomDir, "cjs", `react-dom-server.node.${build}.js`),
  ) as PipeableRenderer;
}

/** The bytes the streaming renderer sends for a page, as entry.server.tsx pipes them. */
function render(build: "development" | "production.min", element: ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderer(build).renderToPipeableStream(element, {
      onError: reject,
      onAllReady() {
        const body = new PassThrough();
        const chunks: Buffer[] = [];
        body.on("data", (chunk: Buffer) => chunks.push(chunk));
        body.on("end", () => resolve(Buffer.concat(chunks)));
        body.on("error", reject);
        pipe(body);
      },
    });
  });
}

/**
 * A page of short Chinese texts after `pad` ASCII bytes: one of three consecutive pads puts a
 * three-byte character across every 2 KB boundary, which is what the bug needs.
 */
function page(pad: number): ReactElement {
  const rows = Array.from({ length: 120 }, (_, i) =>
    createElement("li", { key: i, title: `第${i}名` }, `主办单位：西安市总工会 ${i}`),
  );
  return createElement("main", null, createElement("p", null, "x".repeat(pad)), rows);
}

describe.each(["development", "production.min"] as const)(
  "react-dom server (%s build)",
  (build) => {
    it("sends no NUL bytes when a multi-byte character straddles a 2 KB buffer", async () => {
      for (const pad of [0, 1, 2]) {
        const bytes = await render(build, page(pad));
        expect(bytes.length).toBeGreaterThan(3 * 2048);
        expect(bytes.indexOf(0), `pad ${pad}: NUL at byte`).toBe(-1);
        const text = bytes.toString("utf8");
        expect(text).not.toContain("\uFFFD");
        expect(text).toContain("主办单位：西安市总工会 119");
      }
    });
  },
);
