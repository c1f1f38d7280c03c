// Results changes are coalesced where they are published: at once, then at most one message
// per RESULTS_COALESCE_MS per event carrying everything held back, so every cache and live
// stream in every process acts on the same, fewer messages, and none misses the last change.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  flushChanges,
  publishChange,
  publishResultsChanged,
  publishScoringChanged,
  RESULTS_COALESCE_MS,
  setChangeTransport,
  subscribeChanges,
  subscribeResultsChanged,
  type BusMessage,
  type Change,
} from "./live-events.server";

let heard: Change[] = [];
let sent: BusMessage[] = [];
let unsubscribe = () => {};

beforeEach(async () => {
  vi.useFakeTimers();
  heard = [];
  sent = [];
  unsubscribe = subscribeChanges((change) => heard.push(change));
  await setChangeTransport({
    name: "test",
    publish: (change) => void sent.push(change),
    connected: () => true,
    close: async () => {},
  });
});

afterEach(async () => {
  flushChanges();
  unsubscribe();
  await setChangeTransport(null);
  vi.useRealTimers();
});

const results = (eventId: number) =>
  heard.filter((c) => c.kind === "results" && c.eventId === eventId);

describe("coalescing results changes at the publisher", () => {
  it("sends the first change at once and what follows within the window as one message at its end", () => {
    publishResultsChanged(1);
    expect(results(1)).toHaveLength(1);
    expect(results(1)[0]).not.toHaveProperty("heldMs");
    vi.advanceTimersByTime(50);
    publishResultsChanged(1);
    vi.advanceTimersByTime(100);
    publishResultsChanged(1);
    expect(results(1)).toHaveLength(1);
    vi.advanceTimersByTime(RESULTS_COALESCE_MS - 150 - 1);
    expect(results(1)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(results(1)).toHaveLength(2);
    // Held since the first change it carries, 50 ms after the window opened.
    expect(results(1)[1]).toMatchObject({ kind: "results", eventId: 1, heldMs: 200 });
    // Nothing more was held: nothing more is sent.
    vi.advanceTimersByTime(10 * RESULTS_COALESCE_MS);
    expect(results(1)).toHaveLength(2);
    // The other processes get exactly the messages this one acted on.
    expect(sent).toEqual(heard);
  });

  it("sends at most one message per window during steady marking, and one after the last change", () => {
    const published: number[] = [];
    for (let t = 0; t < 2_000; t += 40) {
      publishResultsChanged(2);
      published.push(Date.now());
      vi.advanceTimersByTime(40);
    }
    vi.advanceTimersByTime(RESULTS_COALESCE_MS);
    const at = results(2).map((c) => c.at);
    for (let i = 1; i < at.length; i++)
      expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(RESULTS_COALESCE_MS);
    expect(at.length).toBeLessThanOrEqual(Math.ceil(2_000 / RESULTS_COALESCE_MS) + 1);
    // Every change is carried by a message sent at most RESULTS_COALESCE_MS after it, and each
    // message says how long its earliest change waited.
    for (const p of published) {
      const carrier = results(2).find((c) => c.at >= p)!;
      expect(carrier.at - p).toBeLessThanOrEqual(RESULTS_COALESCE_MS);
      expect(
        carrier.at - (carrier.kind === "results" ? (carrier.heldMs ?? 0) : 0),
      ).toBeLessThanOrEqual(p);
    }
    expect(at.at(-1)).toBeGreaterThanOrEqual(published.at(-1)!);
  });

  it("keeps events apart", () => {
    publishResultsChanged(3);
    publishResultsChanged(4);
    publishResultsChanged(3);
    expect(results(3)).toHaveLength(1);
    expect(results(4)).toHaveLength(1);
    vi.advanceTimersByTime(RESULTS_COALESCE_MS);
    expect(results(3)).toHaveLength(2);
    expect(results(4)).toHaveLength(1);
  });

  it("sends board-settings changes at once, carrying the results changes held back", () => {
    publishResultsChanged(5);
    publishResultsChanged(5);
    publishChange({ kind: "board-settings", eventId: 5 });
    expect(heard.map((c) => c.kind)).toEqual(["results", "board-settings"]);
    vi.advanceTimersByTime(2 * RESULTS_COALESCE_MS);
    expect(heard.map((c) => c.kind)).toEqual(["results", "board-settings"]);
    // Quiz changes are not coalesced either.
    publishChange({ kind: "quiz-scores", quizId: 1 });
    publishChange({ kind: "quiz-scores", quizId: 1 });
    expect(heard.filter((c) => c.kind === "quiz-scores")).toHaveLength(2);
  });

  it("ends a window whose timer is late at the next change, with one message for both", () => {
    publishResultsChanged(6);
    vi.setSystemTime(Date.now() + 100);
    publishResultsChanged(6);
    // The clock moves on but the timer has not run (a busy event loop).
    vi.setSystemTime(Date.now() + 400);
    publishResultsChanged(6);
    expect(results(6)).toHaveLength(2);
    expect(results(6)[1]).toMatchObject({ heldMs: 400 });
  });

  it("sends what is held back when flushed, and the next change at once", () => {
    publishResultsChanged(7);
    publishResultsChanged(7);
    flushChanges();
    expect(results(7)).toHaveLength(2);
    publishResultsChanged(7);
    expect(results(7)).toHaveLength(3);
    vi.advanceTimersByTime(10 * RESULTS_COALESCE_MS);
    expect(results(7)).toHaveLength(3);
  });

  it("sends a scoring definition change at once, to the other processes too, and not to the boards", () => {
    const boards: number[] = [];
    const off = subscribeResultsChanged((change) => boards.push(change.eventId));
    publishResultsChanged(8);
    publishScoringChanged(8);
    publishScoringChanged(8);
    off();
    expect(heard.filter((c) => c.kind === "scoring")).toEqual([
      expect.objectContaining({ kind: "scoring", eventId: 8 }),
      expect.objectContaining({ kind: "scoring", eventId: 8 }),
    ]);
    expect(sent.filter((c) => "kind" in c && c.kind === "scoring")).toHaveLength(2);
    // A board re-renders for results and board settings only.
    expect(boards).toEqual([8]);
  });
});
