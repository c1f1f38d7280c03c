import { writeFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { publishResultsChanged } from "~/utils/live-events.server";
import { ExportBusyError, MAX_BUILDING, MAX_QUEUED, cachedExport } from "./export-cache.server";

const text = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

/** A producer that counts its runs and how many run at once, and yields between chunks. */
function producer(label: string, shared = { running: 0, most: 0 }) {
  const stats = { runs: 0, running: 0, most: 0 };
  const produce = async (file: string) => {
    stats.runs += 1;
    const run = stats.runs;
    for (const s of [stats, shared]) {
      s.running += 1;
      s.most = Math.max(s.most, s.running);
    }
    let body = "";
    for (let sent = 0; sent < 5; sent++) {
      await new Promise((r) => setTimeout(r, 2));
      body += `${label}-${run}-${sent};`;
    }
    await writeFile(file, body);
    for (const s of [stats, shared]) s.running -= 1;
  };
  return { produce, stats };
}

const key = (eventId: number, format = "csv") => ({
  eventId,
  frozen: false,
  hidden: false,
  format,
  locale: "zh",
});

describe("cached exports", () => {
  it("builds an export once for any number of concurrent requests", async () => {
    const { produce, stats } = producer("a");
    const bodies = await Promise.all(
      Array.from({ length: 10 }, () => cachedExport(key(9001), produce).then((e) => text(e.body))),
    );
    expect(stats.runs).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toBe("a-1-0;a-1-1;a-1-2;a-1-3;a-1-4;");
  });

  it("builds afresh when the event's results change, and only for that event", async () => {
    const mine = producer("m");
    const other = producer("o");
    await text((await cachedExport(key(9002), mine.produce)).body);
    await text((await cachedExport(key(9003), other.produce)).body);
    publishResultsChanged(9002);
    expect(await text((await cachedExport(key(9002), mine.produce)).body)).toContain("m-2-0");
    expect(await text((await cachedExport(key(9003), other.produce)).body)).toContain("o-1-0");
    expect([mine.stats.runs, other.stats.runs]).toEqual([2, 1]);
  });

  it("builds at most a few exports at a time and refuses past the queue", async () => {
    const shared = { running: 0, most: 0 };
    const jobs = Array.from({ length: MAX_QUEUED + MAX_BUILDING + 4 }, (_, i) =>
      cachedExport(key(9100 + i), producer(`q${i}`, shared).produce).then((e) => text(e.body)),
    );
    const settled = await Promise.allSettled(jobs);
    expect(shared.most).toBeLessThanOrEqual(MAX_BUILDING);
    const refused = settled.filter(
      (s) => s.status === "rejected" && s.reason instanceof ExportBusyError,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(settled.filter((s) => s.status === "fulfilled").length).toBeGreaterThanOrEqual(
      MAX_QUEUED,
    );
  });

  it("compresses a text export once and serves it compressed to whoever accepts it", async () => {
    const { produce, stats } = producer("z");
    const plain = await cachedExport(key(9300), produce, { compressible: true });
    expect(plain.encoding).toBeNull();
    expect(await text(plain.body)).toBe("z-1-0;z-1-1;z-1-2;z-1-3;z-1-4;");
    const zipped = await cachedExport(key(9300), produce, { compressible: true, gzip: true });
    expect(zipped.encoding).toBe("gzip");
    const bytes = new Uint8Array(await new Response(zipped.body).arrayBuffer());
    expect(gunzipSync(bytes).toString()).toBe("z-1-0;z-1-1;z-1-2;z-1-3;z-1-4;");
    expect(stats.runs).toBe(1);
  });

  it("keeps formats, views and languages apart", async () => {
    const csv = producer("csv");
    const xlsx = producer("xlsx");
    const a = await text((await cachedExport(key(9200, "csv"), csv.produce)).body);
    const b = await text((await cachedExport(key(9200, "xlsx"), xlsx.produce)).body);
    const c = await text(
      (await cachedExport({ ...key(9200, "csv"), frozen: true }, csv.produce)).body,
    );
    expect([a.slice(0, 3), b.slice(0, 4), csv.stats.runs]).toEqual(["csv", "xlsx", 2]);
    expect(c).toContain("csv-2");
  });

  it("never serves the organiser's file of an unpublished board to the public, or back", async () => {
    const organiser = producer("results");
    const publicView = producer("nothing");
    const hidden = { ...key(9400), hidden: true };
    expect(await text((await cachedExport(key(9400), organiser.produce)).body)).toContain(
      "results",
    );
    expect(await text((await cachedExport(hidden, publicView.produce)).body)).toContain("nothing");
    expect(await text((await cachedExport(key(9400), organiser.produce)).body)).toContain(
      "results",
    );
    expect([organiser.stats.runs, publicView.stats.runs]).toEqual([1, 1]);
  });
});
