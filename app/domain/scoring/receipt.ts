// The data behind a competitor's score receipt (成绩回执). Plain data and
// codes only: the UI prints judges as 裁判{judge} / "Judge {judge}", rule and
// prize codes through app/i18n/messages/scoring.ts. Judges are identified by
// panel position only, never by name, so a receipt can be handed out.

import type { AggregationFormula, DropReason, JudgeNo } from "./aggregate";
import type { BasisPoints, Centimarks } from "./centimarks";
import type { Disagreement } from "./disagreements";
import type { PrizeTier } from "./prizes";
import type { ScoringProblem } from "./problems";
import type { TieBreakKey, UnrankedReason } from "./rank";
import type { EntryStatus, RankedEvent } from "./results";
import type { AggregationRule, CriterionType } from "./scheme";

/**
 * used: counted in the result; dropped: entered but excluded by the rule
 * (see dropReason); missing: not entered; not_counted: entered, but the
 * criterion has no result yet because of a problem.
 */
export const RECEIPT_MARK_STATUSES = ["used", "dropped", "missing", "not_counted"] as const;
export type ReceiptMarkStatus = (typeof RECEIPT_MARK_STATUSES)[number];

export interface ReceiptJudgeMark {
  readonly judge: JudgeNo;
  /** Centimarks, or points 0–3 under worldskills; null when missing or not a number. */
  readonly mark: number | null;
  readonly status: ReceiptMarkStatus;
  readonly dropReason: DropReason | null;
}

export interface ReceiptCriterion {
  readonly criterionId: string;
  readonly code: string;
  readonly subCriterion: string | null;
  readonly type: CriterionType;
  readonly maxMark: Centimarks;
  readonly rule: AggregationRule;
  readonly judges: readonly ReceiptJudgeMark[];
  readonly value: Centimarks | null;
  readonly formula: AggregationFormula | null;
  /** Exact unrounded value = numerator / denominator. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly problems: readonly ScoringProblem[];
  readonly disagreement: Disagreement | null;
}

export interface ReceiptPart {
  readonly partId: string;
  readonly code: string;
  readonly weightBp: BasisPoints;
  readonly fullMark: Centimarks;
  readonly total: Centimarks | null;
  readonly contribution: Centimarks | null;
  readonly criteria: readonly ReceiptCriterion[];
}

export interface ReceiptTieBreak {
  /** Other ranked entries with exactly the same total. */
  readonly tiedOnTotal: number;
  /** Other entries sharing this rank after all tie-breaks. */
  readonly sharedWith: number;
  /** The tie-break keys that had to be compared, in order, with this entry's value for each. */
  readonly applied: readonly { readonly key: TieBreakKey; readonly value: Centimarks | null }[];
}

export interface Receipt {
  readonly entryId: string;
  readonly status: EntryStatus;
  readonly eventFullMark: Centimarks;
  readonly parts: readonly ReceiptPart[];
  /** Always equals the sum of the parts' contributions when not null. */
  readonly total: Centimarks | null;
  readonly rank: number | null;
  readonly rankedCount: number;
  readonly unrankedReason: UnrankedReason | null;
  readonly tieBreak: ReceiptTieBreak | null;
  readonly prize: PrizeTier | null;
  /** Points on the 700 scale, printed with `standardisedDecimals` decimals. */
  readonly standardised: number | null;
  readonly standardisedDecimals: number;
  readonly problems: readonly ScoringProblem[];
}

/** Receipt data for one entry of a computed event, or null if the entry is unknown. */
export function buildReceipt(results: RankedEvent, entryId: string): Receipt | null {
  const entry = results.entries.find((e) => e.entryId === entryId);
  if (!entry) return null;

  const outcomes = new Map(entry.criteria.map((c) => [c.criterionId, c] as const));
  const disagreements = new Map(entry.disagreements.map((d) => [d.criterionId, d] as const));

  const parts = results.event.parts.map((part): ReceiptPart => {
    const partResult = entry.parts.find((p) => p.partId === part.id);
    const criteria = part.scheme.criteria.map((criterion): ReceiptCriterion => {
      const outcome = outcomes.get(criterion.id);
      const result = outcome?.result ?? null;
      const dropped = new Map((result?.dropped ?? []).map((d) => [d.judge, d.reason] as const));
      const judges = (outcome?.marks ?? []).map((m, i): ReceiptJudgeMark => {
        const judge = i + 1;
        const mark = typeof m === "number" && Number.isFinite(m) ? m : null;
        if (m === null || m === undefined)
          return { judge, mark: null, status: "missing", dropReason: null };
        if (!result) return { judge, mark, status: "not_counted", dropReason: null };
        const reason = dropped.get(judge);
        return reason
          ? { judge, mark, status: "dropped", dropReason: reason }
          : { judge, mark, status: "used", dropReason: null };
      });
      return {
        criterionId: criterion.id,
        code: criterion.code,
        subCriterion: criterion.subCriterion ?? null,
        type: criterion.type,
        maxMark: criterion.maxMark,
        rule: outcome?.rule ?? results.event.defaultAggregation,
        judges,
        value: result?.value ?? null,
        formula: result?.formula ?? null,
        numerator: result?.numerator ?? null,
        denominator: result?.denominator ?? null,
        problems: outcome?.problems ?? [],
        disagreement: disagreements.get(criterion.id) ?? null,
      };
    });
    return {
      partId: part.id,
      code: part.code,
      weightBp: part.weightBp,
      fullMark: part.fullMark,
      total: partResult?.total ?? null,
      contribution: partResult?.contribution ?? null,
      criteria,
    };
  });

  const tieBreak: ReceiptTieBreak | null = entry.tieBreak
    ? {
        tiedOnTotal: entry.tieBreak.tiedOnTotal,
        sharedWith: entry.tieBreak.sharedWith,
        applied: results.tieBreaks.slice(0, entry.tieBreak.keysApplied).map((key) => ({
          key,
          value:
            key.kind === "part"
              ? (entry.parts.find((p) => p.partId === key.partId)?.total ?? null)
              : (outcomes.get(key.criterionId)?.result?.value ?? null),
        })),
      }
    : null;

  return {
    entryId: entry.entryId,
    status: entry.status,
    eventFullMark: results.event.fullMark,
    parts,
    total: entry.total,
    rank: entry.rank,
    rankedCount: results.rankedCount,
    unrankedReason: entry.unrankedReason,
    tieBreak,
    prize: entry.prize,
    standardised: entry.standardised,
    standardisedDecimals: results.standardisedDecimals,
    problems: entry.problems,
  };
}
