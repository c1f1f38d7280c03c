// The live stream announces an event's results changes at most every 250 ms, and the last
// change of a burst once more when cached answers that miss it are no longer served
// (RESULTS_STALE_MS, app/server/micro-cache.ts): a board that refetched while its process still
// served the previous answer must not stay behind.
import { describe, expect, it } from "vitest";
import { setBoardSettings } from "~/models/leaderboard.server";
import { createUser } from "~/test/factories";
import { createBoardEvent } from "~/test/leaderboard-factories";
import { RESULTS_STALE_MS } from "~/utils/http-names";
import { publishResultsChanged } from "~/utils/live-events.server";
import { loader } from "./results.$contest.$event.live";

async function openStream(contest: string, event: string) {
  const controller = new AbortController();
  const response = (await loader({
    request: new Request(`http://localhost/results/${contest}/${event}/live`, {
      signal: controller.signal,
    }),
    params: { contest, event },
    context: {},
  })) as Response;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  /** Each "change" message, with when it arrived. */
  const changes: number[] = [];
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const text = decoder.decode(value);
      for (const _ of text.matchAll(/event: change/g)) changes.push(Date.now());
    }
  })();
  return { changes, close: () => controller.abort() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the live stream", () => {
  it("announces a burst of changes at once and its last change again once stale answers are gone", async () => {
    const event = await createBoardEvent();
    const admin = await createUser({ role: "superadmin" });
    await setBoardSettings(admin.id, event.id, {
      freezeAt: null,
      standingsBestN: 2,
      resultsVisibility: "live",
    });
    const stream = await openStream(event.contest.code, event.code);
    try {
      const first = Date.now();
      for (let i = 0; i < 4; i++) {
        publishResultsChanged(event.id);
        await sleep(100);
      }
      const lastChange = Date.now() - 100;
      // Announced while the burst lasts, at most every 250 ms.
      await expect.poll(() => stream.changes.length, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(stream.changes[0]! - first).toBeLessThan(RESULTS_STALE_MS);
      await sleep(RESULTS_STALE_MS + 1_000);
      const during = stream.changes.filter((at) => at < lastChange + RESULTS_STALE_MS);
      const after = stream.changes.filter((at) => at >= lastChange + RESULTS_STALE_MS);
      for (let i = 1; i < during.length; i++)
        expect(during[i]! - during[i - 1]!).toBeGreaterThanOrEqual(240);
      // Once more after the last change, past the time a stale answer may be served; then quiet.
      expect(after).toHaveLength(1);
      await sleep(RESULTS_STALE_MS + 500);
      expect(stream.changes.filter((at) => at >= lastChange + RESULTS_STALE_MS)).toHaveLength(1);
    } finally {
      stream.close();
    }
  }, 30_000);
});
