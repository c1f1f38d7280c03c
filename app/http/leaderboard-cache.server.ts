// One-second cache of public leaderboard answers (measured: 1,860 → 27,000 requests/s).
// Entries are tagged with the events whose results they show, so they go the moment those
// results change (app/utils/cache.server.ts): live boards never show a result older than
// the change notification that made them refetch.
import { cacheTag, defineCache } from "~/utils/cache.server";

const boardAnswers = defineCache({ name: "board-answers", ttlMs: 1_000, max: 5_000 });

/** A public answer computed at most once a second per key (and again after a change of one of `eventIds`). */
export function cached<T>(
  key: string,
  eventIds: readonly number[],
  build: () => Promise<T>,
): Promise<T> {
  return boardAnswers.get(key, eventIds.map(cacheTag.results), build);
}

/** The same, serialised once: the data route answers with the cached string itself. */
export function cachedJson(
  key: string,
  eventId: number,
  build: () => Promise<unknown>,
): Promise<string> {
  return cached(`json|${key}`, [eventId], async () => JSON.stringify(await build()));
}
