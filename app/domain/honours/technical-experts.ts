/**
 * Skills contests feed the technical-expert title (技术能手): the top finishers of an event
 * are proposed in a draft round, which the organiser then reviews like any other.
 */
export interface FinisherResult {
  readonly registrationId: number;
  readonly organisationId: number;
  readonly rank: number | null;
  readonly complete: boolean;
  /** The people behind the entry: one worker, or a team's competing members. */
  readonly workerIds: readonly number[];
}

/** Usually the top three of each event; a tie at the boundary takes everyone who shares the rank. */
export const TECHNICAL_EXPERT_MAX_RANK = 3;

export function selectTopFinishers<R extends FinisherResult>(
  results: readonly R[],
  maxRank: number = TECHNICAL_EXPERT_MAX_RANK,
): R[] {
  return results
    .filter(
      (r) =>
        r.complete && r.rank !== null && r.rank >= 1 && r.rank <= maxRank && r.workerIds.length > 0,
    )
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.registrationId - b.registrationId);
}
