// Issue 12 finding 8 / issue 13: a roster import's memory is bounded by its chunk, not by its
// file, so the largest file it takes (MAX_ROSTER_ROWS, a million rows) fits the server's
// memory as a small one does. A child process imports a small and a larger CSV through the
// same path as an upload (the job's thread runs the same importRoster) and, at each 10,000
// rows, with the chunk in hand written and the garbage collected, reads what the import
// holds. What it holds for the larger file may exceed the small one's only by the in-file
// duplicate table (IdNumberSeen: typed arrays, at most 4 slots of 12 bytes per number), so
// nothing is kept per row on the heap: a leak of even 50 bytes a row fails here, where it
// would cost 50 MB at a million rows. The import's other memory has fixed bounds outside
// this test: the thread's capped heap (IMPORT_THREAD_LIMITS) and SQLite's page caches
// (db.server.ts). The child's heap is also capped below what the larger file's checked rows
// would take (about 1.3 KB a row, as the import held them until the load before the chunks).
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { withIdCheckChar } from "~/domain/identity/id-number";
import { createOrganisation } from "~/test/factories";

const SMALL = 30_000;
const LARGE = 120_000;

/** What the heap may hold for the larger file beyond the smaller one's: 90,000 rows × 40 B. */
const HEAP_GROWTH_LIMIT = (LARGE - SMALL) * 40;

/** The duplicate table's most for the larger file (4 slots of 12 bytes per number), and 1 MB. */
const BUFFER_GROWTH_LIMIT = LARGE * 48 + (1 << 20);

/** The child's heap limit: below the 156 MB the larger file's checked rows would take. */
const HEAP_MB = 96;

/**
 * The time allowed the child (not a measure: bench:import measures); 150,000 rows through the
 * database take a few minutes on a machine shared by many runs.
 */
const CHILD_MS = 300_000;

function nthId(n: number): string {
  const day = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll("-", "");
  return withIdCheckChar(`610113${birth}${String(n % 1000).padStart(3, "0")}`);
}

/** Writes the rows from..to a piece at a time: this process does not hold the file either. */
async function writeRoster(file: string, from: number, to: number) {
  const out = createWriteStream(file);
  out.write("\uFEFF姓名,身份证号,手机号,工种,技能等级,是否工会会员\r\n");
  for (let start = from; start < to; start += 10_000) {
    let piece = "";
    for (let n = start; n < Math.min(to, start + 10_000); n++)
      piece += `职工${n},${nthId(n)},13${String(n).padStart(9, "0")},数控铣工,高级工,是\r\n`;
    if (!out.write(piece)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** What the child read at each report of one import (bytes, after a full collection). */
type Held = { ok: boolean; count: number; heap: number[]; buffers: number[] };

/**
 * Above what the import held before its first row: at its end (the check done, nothing
 * read any more) and at its most (a piece of the file and its parsed rows in hand).
 */
function growth(readings: number[]) {
  const before = readings[0]!;
  return { end: readings.at(-1)! - before, most: Math.max(...readings) - before };
}

describe("a roster import's memory", () => {
  it(
    "holds nothing per row: a file four times larger holds only its larger duplicate table more",
    async () => {
      const small = await createOrganisation();
      const large = await createOrganisation();
      const dir = mkdtempSync(path.join(tmpdir(), "roster-memory-"));
      const smallFile = path.join(dir, "small.csv");
      const largeFile = path.join(dir, "large.csv");
      try {
        await writeRoster(smallFile, 0, SMALL);
        await writeRoster(largeFile, SMALL, SMALL + LARGE);
        const child = spawnSync(
          process.execPath,
          [
            `--max-old-space-size=${HEAP_MB}`,
            "--expose-gc",
            "--import",
            "tsx",
            path.resolve("app/test/roster-memory-child.ts"),
            String(small.id),
            smallFile,
            String(large.id),
            largeFile,
          ],
          {
            env: { ...process.env, ROSTER_NEW_IDS_PER_HOUR: String((SMALL + LARGE) * 2) },
            encoding: "utf8",
            timeout: CHILD_MS,
          },
        );
        expect(child.status, child.stderr).toBe(0);
        const [ofSmall, ofLarge] = child.stdout
          .trim()
          .split("\n")
          .slice(-2)
          .map((line) => JSON.parse(line) as Held);
        expect(ofSmall).toMatchObject({ ok: true, count: SMALL });
        expect(ofLarge).toMatchObject({ ok: true, count: LARGE });
        // A report before the first row, one per 10,000 rows and one after the last.
        expect(ofLarge!.heap.length).toBeGreaterThan(LARGE / 10_000);
        // Each import is measured from its own start: the first one also leaves the process
        // its compiled code and prepared statements, which the second finds in place.
        const seen = JSON.stringify([ofSmall, ofLarge]);
        const [smallHeap, largeHeap] = [growth(ofSmall!.heap), growth(ofLarge!.heap)];
        expect(largeHeap.end - smallHeap.end, seen).toBeLessThan(HEAP_GROWTH_LIMIT);
        expect(largeHeap.most - smallHeap.most, seen).toBeLessThan(HEAP_GROWTH_LIMIT);
        const [smallBuffers, largeBuffers] = [growth(ofSmall!.buffers), growth(ofLarge!.buffers)];
        expect(largeBuffers.most - smallBuffers.most, seen).toBeLessThan(BUFFER_GROWTH_LIMIT);
        expect(await prisma.worker.count({ where: { organisationId: large.id } })).toBe(LARGE);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    CHILD_MS + 30_000,
  );
});
