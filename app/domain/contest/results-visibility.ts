// Who sees an event's scores before the chief judge publishes them. The organiser chooses
// per event: `live` shows submitted scores on the public boards at once (objective, measured
// events, where nothing is gained by waiting), `on_publication` shows nothing at all until
// publication (judged events: a moving board would let a judge match their own marks, and
// so a blind code, to a name). A new event starts at `on_publication`.

export const RESULTS_VISIBILITIES = ["on_publication", "live"] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITIES)[number];

export function isResultsVisibility(value: unknown): value is ResultsVisibility {
  return typeof value === "string" && (RESULTS_VISIBILITIES as readonly string[]).includes(value);
}

/**
 * Whether the public (and everyone but the organiser) may see the event's results now:
 * once published (the notice period and after), or at any time when the organiser chose
 * live scores. Unknown settings count as `on_publication`.
 */
export function resultsArePublic(event: {
  status: string;
  publishedAt: Date | string | null;
  resultsVisibility: string;
}): boolean {
  return (
    event.status === "published" || event.publishedAt !== null || event.resultsVisibility === "live"
  );
}
