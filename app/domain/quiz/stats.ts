import type { Hundredths } from "./scoring";

export interface OrganisationHeadcount {
  readonly organisationId: string;
  /** Staff expected to take part (e.g. union members); the denominator of participation. */
  readonly headcount: number;
}

export interface ParticipantResult {
  readonly participantId: string;
  readonly organisationId: string;
  readonly score: Hundredths;
}

export interface OrganisationQuizStats {
  readonly organisationId: string;
  readonly headcount: number;
  readonly participants: number;
  /**
   * participants ÷ headcount in hundredths of a percent (8750 = 87.50 %), rounded down;
   * null when headcount is 0. Not capped: over 100 % means the headcount is out of date.
   */
  readonly participationRate: number | null;
  /** Mean of each participant's best score, rounded half up; null with no participants. */
  readonly averageScore: Hundredths | null;
}

/**
 * Per-organisation participation and average. A participant who took several attempts is
 * counted once, with their best score. Organisations with results but no headcount entry
 * are still listed, with headcount 0.
 */
export function organisationStats(
  organisations: readonly OrganisationHeadcount[],
  results: readonly ParticipantResult[],
): OrganisationQuizStats[] {
  const best = new Map<string, Map<string, number>>();
  for (const r of results) {
    const org = best.get(r.organisationId) ?? new Map<string, number>();
    best.set(r.organisationId, org);
    org.set(
      r.participantId,
      Math.max(org.get(r.participantId) ?? Number.NEGATIVE_INFINITY, r.score),
    );
  }
  const all = [...organisations];
  for (const id of best.keys())
    if (!all.some((o) => o.organisationId === id)) all.push({ organisationId: id, headcount: 0 });
  return all.map(({ organisationId, headcount }) => {
    const scores = [...(best.get(organisationId)?.values() ?? [])];
    const participants = scores.length;
    return {
      organisationId,
      headcount,
      participants,
      participationRate: headcount > 0 ? Math.floor((participants * 10000) / headcount) : null,
      averageScore:
        participants > 0
          ? Math.floor(scores.reduce((s, x) => s + x, 0) / participants + 0.5)
          : null,
    };
  });
}
