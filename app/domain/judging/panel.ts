// Whether a panel can mark an event: each aggregation rule needs a panel of a certain size,
// and recusal shrinks the panel of entries from the judges' own units. Checked before any
// mark is entered (the organiser's judges page) so that a panel too small is found while a
// reserve judge can still be added, not when a total stays blank.
import { eventCriteria, resolveAggregation, type EventDefinition } from "~/domain/scoring";
import { FULL_PANEL, panelFor, type OrgRef, type PanelJudge } from "./recusal";

export interface PanelShortfall {
  /** Criterion code, e.g. "P2". */
  readonly criterion: string;
  /** Judges the panel has. */
  readonly judges: number;
  /** Judges the criterion's rule needs: at least this many, or exactly (`exact`). */
  readonly need: number;
  readonly exact: boolean;
}

/** What a criterion's rule asks of the panel (measurements need one judge to record them). */
function panelNeed(rule: string): { need: number; exact: boolean } {
  if (rule === "trimmed_mean") return { need: FULL_PANEL, exact: false };
  if (rule === "worldskills") return { need: FULL_PANEL, exact: true };
  return { need: 1, exact: false };
}

/** The criteria a panel of `judges` cannot mark, in scheme order. */
export function panelShortfalls(definition: EventDefinition, judges: number): PanelShortfall[] {
  const out: PanelShortfall[] = [];
  for (const { part, criterion } of eventCriteria(definition)) {
    const rule = resolveAggregation(
      criterion,
      part.scheme.aggregation,
      definition.defaultAggregation,
    );
    const { need, exact } = panelNeed(rule);
    if (exact ? judges !== need : judges < need)
      out.push({ criterion: criterion.code, judges, need, exact });
  }
  return out;
}

export interface CoverageGap<O extends OrgRef> {
  readonly organisation: O;
  readonly entries: number;
  readonly judges: number;
  readonly shortfalls: readonly PanelShortfall[];
}

/**
 * Per organisation with entries: the panel its entries get after recusal, and what that
 * panel cannot mark. Only organisations with a gap are returned.
 */
export function panelCoverage<O extends OrgRef>(
  definition: EventDefinition,
  assigned: readonly PanelJudge[],
  groups: readonly { readonly organisation: O; readonly entries: number }[],
): CoverageGap<O>[] {
  return groups.flatMap((g) => {
    const judges = panelFor(assigned, g.organisation).length;
    const shortfalls = panelShortfalls(definition, judges);
    return shortfalls.length > 0 ? [{ ...g, judges, shortfalls }] : [];
  });
}
