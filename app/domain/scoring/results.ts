// The whole pipeline in one pure call, recomputed from scratch every time:
// marks → criterion results → part totals → event total → rank → prize →
// standardised score. The database layer calls this after marks change and
// stores what it returns; tests compare stored totals with a fresh call.

import { fail, ok, type Outcome } from "~/utils/outcome";
import { aggregateCriterion, type CriterionResult, type JudgeMark } from "./aggregate";
import type { Centimarks } from "./centimarks";
import { checkDisagreement, type Disagreement, type DisagreementOptions } from "./disagreements";
import { combineParts, validateEvent, type EventDefinition, type PartResult } from "./parts";
import {
  allocatePrizes,
  validatePrizeRules,
  type PrizeRules,
  type PrizeTier,
  type PrizeTierSummary,
} from "./prizes";
import { problem, type ScoringProblem } from "./problems";
import {
  rankEntries,
  type RankInput,
  type TieBreakKey,
  type TieBreakTrace,
  type UnrankedReason,
} from "./rank";
import { resolveAggregation, type AggregationRule } from "./scheme";
import {
  standardisationBasis,
  standardisedDecimals,
  standardiseScore,
  type StandardisationBasis,
} from "./standardise";

export interface EntryMarks {
  readonly entryId: string;
  /** Per criterion id, one slot per judge on the panel (null = not yet marked). */
  readonly marks: Readonly<Record<string, readonly JudgeMark[] | undefined>>;
  /** Entries that did not sit the contest or were disqualified are never ranked. */
  readonly withdrawn?: "absent" | "disqualified";
}

export interface EventResultsInput {
  readonly event: EventDefinition;
  readonly entries: readonly EntryMarks[];
  readonly tieBreaks?: readonly TieBreakKey[];
  readonly prizes?: PrizeRules;
  readonly disagreements?: DisagreementOptions;
}

export const ENTRY_STATUSES = ["complete", "incomplete", "absent", "disqualified"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface CriterionOutcome {
  readonly criterionId: string;
  readonly partId: string;
  readonly rule: AggregationRule;
  /** The marks as received, one slot per judge. */
  readonly marks: readonly JudgeMark[];
  /** null when the marks are missing or invalid; see `problems`. */
  readonly result: CriterionResult | null;
  readonly problems: readonly ScoringProblem[];
}

export interface EntryResult {
  readonly entryId: string;
  readonly status: EntryStatus;
  readonly criteria: readonly CriterionOutcome[];
  readonly parts: readonly PartResult[];
  readonly total: Centimarks | null;
  readonly rank: number | null;
  readonly unrankedReason: UnrankedReason | null;
  readonly tieBreak: TieBreakTrace | null;
  readonly prize: PrizeTier | null;
  /** Points on the 700 scale, with `standardisedDecimals` decimals. */
  readonly standardised: number | null;
  /** Mark problems (missing/invalid) plus warnings such as marks for unknown criteria. */
  readonly problems: readonly ScoringProblem[];
  /** Sheets the chief judge must resolve before results can be locked. */
  readonly disagreements: readonly Disagreement[];
}

/** An event's results: its entries ranked, with prizes and standardised scores. */
export interface RankedEvent {
  readonly event: EventDefinition;
  readonly tieBreaks: readonly TieBreakKey[];
  /** Ranked entries in rank order, then unranked ones by entryId. */
  readonly entries: readonly EntryResult[];
  readonly rankedCount: number;
  readonly prizes: readonly PrizeTierSummary[];
  readonly standardisation: StandardisationBasis;
  /** Decimals every standardised score of the event carries (see standardise.ts). */
  readonly standardisedDecimals: number;
  readonly disagreementCount: number;
}

/** The results, or the problems of the event's rules that stop them being computed at all. */
export type EventResults = Outcome<RankedEvent, ScoringProblem>;

/** Problems that stop results being computed at all (bad scheme, weights, tie-breaks, prize rules, ids). */
export function validateEventResultsInput(input: EventResultsInput): ScoringProblem[] {
  const problems = validateEvent(input.event);
  const partIds = new Set(input.event.parts.map((p) => p.id));
  const criterionIds = new Set(
    input.event.parts.flatMap((p) => p.scheme.criteria.map((c) => c.id)),
  );
  for (const tb of input.tieBreaks ?? []) {
    if (tb.kind === "part" && !partIds.has(tb.partId)) {
      problems.push(problem("tiebreak_unknown_part", { part: tb.partId }));
    } else if (tb.kind === "criterion" && !criterionIds.has(tb.criterionId)) {
      problems.push(problem("tiebreak_unknown_criterion", { criterion: tb.criterionId }));
    }
  }
  if (input.prizes) problems.push(...validatePrizeRules(input.prizes));
  const seen = new Set<string>();
  for (const e of input.entries) {
    if (seen.has(e.entryId)) problems.push(problem("entry_duplicate_id", { entry: e.entryId }));
    seen.add(e.entryId);
  }
  return problems;
}

interface Scored {
  readonly entryId: string;
  readonly status: EntryStatus;
  readonly criteria: CriterionOutcome[];
  readonly parts: PartResult[];
  readonly total: Centimarks | null;
  readonly problems: ScoringProblem[];
  readonly disagreements: Disagreement[];
  readonly rankInput: RankInput;
}

export function computeEventResults(input: EventResultsInput): EventResults {
  const configProblems = validateEventResultsInput(input);
  if (configProblems.length > 0) return fail(...configProblems);

  const { event } = input;
  const tieBreaks = input.tieBreaks ?? [];
  const plan = event.parts.flatMap((part) =>
    part.scheme.criteria.map((criterion) => ({
      part,
      criterion,
      rule: resolveAggregation(criterion, part.scheme.aggregation, event.defaultAggregation),
    })),
  );
  const knownCriteria = new Set(plan.map((p) => p.criterion.id));

  const scored = new Map<string, Scored>();
  for (const entry of input.entries) {
    const criteria: CriterionOutcome[] = [];
    const problems: ScoringProblem[] = [];
    const disagreements: Disagreement[] = [];
    const partTotals: Record<string, number | null> = {};
    const criterionValues: Record<string, number | null> = {};
    let invalid = false;
    let missing = false;

    for (const { part, criterion, rule } of plan) {
      const marks = entry.marks[criterion.id] ?? [];
      const outcome = aggregateCriterion(criterion, marks, rule);
      if (outcome.ok) {
        criteria.push({
          criterionId: criterion.id,
          partId: part.id,
          rule,
          marks,
          result: outcome.value,
          problems: [],
        });
        criterionValues[criterion.id] = outcome.value.value;
        const running = partTotals[part.id];
        partTotals[part.id] = running === null ? null : (running ?? 0) + outcome.value.value;
      } else {
        criteria.push({
          criterionId: criterion.id,
          partId: part.id,
          rule,
          marks,
          result: null,
          problems: outcome.problems,
        });
        problems.push(...outcome.problems);
        criterionValues[criterion.id] = null;
        partTotals[part.id] = null;
        for (const p of outcome.problems) {
          if (p.code === "mark_missing" || p.code === "marks_none") missing = true;
          else invalid = true;
        }
      }
      const d = checkDisagreement(criterion, marks, rule, input.disagreements);
      if (d) disagreements.push(d);
    }
    // A mark for a criterion the event does not have cannot change the total,
    // so it is a warning, but it usually means the scheme changed under the marks.
    for (const id of Object.keys(entry.marks)) {
      if (!knownCriteria.has(id))
        problems.push(problem("marks_unknown_criterion", { criterion: id }));
    }

    const { parts, total } = combineParts(event, partTotals);
    const unrankedReason: UnrankedReason | null = entry.withdrawn
      ? entry.withdrawn
      : invalid
        ? "invalid_marks"
        : missing || total === null
          ? "incomplete"
          : null;
    const status: EntryStatus =
      entry.withdrawn ?? (unrankedReason === null ? "complete" : "incomplete");
    scored.set(entry.entryId, {
      entryId: entry.entryId,
      status,
      criteria,
      parts,
      total,
      // Nobody needs to chase missing marks of an absent or disqualified entry.
      problems: entry.withdrawn ? [] : problems,
      disagreements: entry.withdrawn ? [] : disagreements,
      rankInput: { entryId: entry.entryId, total, partTotals, criterionValues, unrankedReason },
    });
  }

  const ranking = rankEntries(
    [...scored.values()].map((s) => s.rankInput),
    tieBreaks,
  );
  const allocation = input.prizes
    ? allocatePrizes(ranking.entries, input.prizes)
    : { awards: [], tiers: [] as PrizeTierSummary[] };
  const prizeOf = new Map(allocation.awards.map((a) => [a.entryId, a.tier] as const));
  const rankedTotals = ranking.entries
    .filter((r) => r.rank !== null)
    .map((r) => r.total as Centimarks);
  const basis = standardisationBasis(rankedTotals);
  const decimals = standardisedDecimals(rankedTotals, basis);

  let disagreementCount = 0;
  const entries = ranking.entries.map((r): EntryResult => {
    const s = scored.get(r.entryId)!;
    disagreementCount += s.disagreements.length;
    return {
      entryId: s.entryId,
      status: s.status,
      criteria: s.criteria,
      parts: s.parts,
      total: s.total,
      rank: r.rank,
      unrankedReason: r.unrankedReason,
      tieBreak: r.tieBreak,
      prize: prizeOf.get(r.entryId) ?? null,
      standardised:
        r.rank !== null && s.total !== null ? standardiseScore(s.total, basis, decimals) : null,
      problems: s.problems,
      disagreements: s.disagreements,
    };
  });

  return ok({
    event,
    tieBreaks,
    entries,
    rankedCount: ranking.rankedCount,
    prizes: allocation.tiers,
    standardisation: basis,
    standardisedDecimals: decimals,
    disagreementCount,
  });
}
