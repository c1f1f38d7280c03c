// Turns stored event settings (rows and their JSON columns) into the inputs of
// app/domain/scoring, and one entry's stored marks into its panel-ordered mark slots.
// Ids become strings: the scoring module addresses parts and criteria by string id.

import {
  isAggregationRule,
  PRIZE_TIERS,
  type AggregationRule,
  type EntryMarks,
  type EventDefinition,
  type JudgeMark,
  type LevelDescriptor,
  type PrizeRules,
  type PrizeTier,
  type PrizeTierRule,
  type TieBreakKey,
} from "~/domain/scoring";
import {
  packRankKey,
  RANK_KEY_MAX_COMPONENT,
  RANK_KEY_TIE_BREAKS,
} from "~/domain/ranking/rank-key";

export interface CriterionRow {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly subCriterion: string;
  readonly type: string;
  readonly maxMark: number;
  readonly aggregation: string | null;
  readonly descriptors: string;
  readonly sortOrder: number;
}

export interface PartRow {
  readonly id: number;
  readonly kind: string;
  readonly name: string;
  readonly weight: number;
  readonly fullMark: number;
  readonly sortOrder: number;
  readonly criteria: readonly CriterionRow[];
}

export interface EventRow {
  readonly fullMark: number;
  readonly aggregation: string;
  readonly tieBreaks: string;
  readonly prizeRules: string;
  readonly parts: readonly PartRow[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function parseDescriptors(text: string): LevelDescriptor[] {
  const value = parseJson(text);
  if (!Array.isArray(value)) return [];
  return value.flatMap((d: unknown) => {
    const o = d as { level?: unknown; text?: unknown };
    return typeof o?.level === "number" && typeof o.text === "string"
      ? [{ level: o.level, text: o.text }]
      : [];
  });
}

const byOrder = <T extends { sortOrder: number; id: number }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.id - b.id;

export function eventDefinition(event: EventRow): EventDefinition {
  const defaultAggregation: AggregationRule = isAggregationRule(event.aggregation)
    ? event.aggregation
    : "mean";
  return {
    fullMark: event.fullMark,
    defaultAggregation,
    parts: [...event.parts].sort(byOrder).map((p) => ({
      id: String(p.id),
      code: p.name,
      weightBp: p.weight * 100,
      fullMark: p.fullMark,
      scheme: {
        criteria: [...p.criteria].sort(byOrder).map((c) => ({
          id: String(c.id),
          code: c.code,
          maxMark: c.maxMark,
          type: c.type === "measurement" ? "measurement" : "judgement",
          subCriterion: c.subCriterion || undefined,
          descriptors: parseDescriptors(c.descriptors),
          aggregation:
            c.aggregation && isAggregationRule(c.aggregation) ? c.aggregation : undefined,
        })),
      },
    })),
  };
}

/**
 * Stored tie-breaks: `{kind:"part", partId}` or `{kind:"part", part:<part kind>}` (as the
 * seed writes them), `{kind:"criterion", criterionId}`, optional `prefer: "lower"`.
 */
export function parseTieBreaks(text: string, parts: readonly PartRow[]): TieBreakKey[] {
  const value = parseJson(text);
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw: unknown): TieBreakKey[] => {
    const o = raw as {
      kind?: unknown;
      partId?: unknown;
      part?: unknown;
      criterionId?: unknown;
      prefer?: unknown;
    };
    const prefer = o?.prefer === "lower" ? "lower" : "higher";
    if (o?.kind === "part") {
      const part =
        typeof o.partId === "number"
          ? parts.find((p) => p.id === o.partId)
          : parts.find((p) => p.kind === o.part || p.name === o.part);
      return part ? [{ kind: "part", partId: String(part.id), prefer }] : [];
    }
    if (o?.kind === "criterion" && typeof o.criterionId === "number") {
      const known = parts.some((p) => p.criteria.some((c) => c.id === o.criterionId));
      return known ? [{ kind: "criterion", criterionId: String(o.criterionId), prefer }] : [];
    }
    return [];
  });
}

/** Stored prize tiers: `{tier, share: <percent>}` or `{tier, count}`, optional `minTotal` in centimarks. */
export function parsePrizeRules(text: string): PrizeRules {
  const value = parseJson(text);
  if (!Array.isArray(value)) return { tiers: [] };
  const tiers = value.flatMap((raw: unknown): PrizeTierRule[] => {
    const o = raw as { tier?: unknown; share?: unknown; count?: unknown; minTotal?: unknown };
    if (!(PRIZE_TIERS as readonly unknown[]).includes(o?.tier)) return [];
    const tier = o.tier as PrizeTier;
    const minTotal = typeof o.minTotal === "number" ? o.minTotal : undefined;
    if (typeof o.count === "number")
      return [{ tier, quota: { kind: "count", count: o.count }, minTotal }];
    if (typeof o.share === "number") {
      return [{ tier, quota: { kind: "share", shareBp: Math.round(o.share * 100) }, minTotal }];
    }
    return [];
  });
  return { tiers };
}

export interface StoredMark {
  readonly criterionId: number;
  readonly judgeId: number;
  readonly value: number;
}

/**
 * One entry's marks as the scoring module wants them: judgement criteria get one slot per
 * panel judge (null = not marked yet); measurements get the one recorded reading.
 */
export function entryMarks(
  entryId: string,
  definition: EventDefinition,
  panelJudgeIds: readonly number[],
  marks: readonly StoredMark[],
): EntryMarks {
  const byCriterion = new Map<number, Map<number, number>>();
  for (const m of marks) {
    let row = byCriterion.get(m.criterionId);
    if (!row) byCriterion.set(m.criterionId, (row = new Map()));
    row.set(m.judgeId, m.value);
  }
  const out: Record<string, JudgeMark[]> = {};
  for (const part of definition.parts) {
    for (const c of part.scheme.criteria) {
      const row = byCriterion.get(Number(c.id)) ?? new Map<number, number>();
      if (c.type === "measurement") {
        const recorded = [...row.values()];
        out[c.id] = recorded.length === 0 ? [null] : recorded;
      } else {
        out[c.id] = panelJudgeIds.map((j) => row.get(j) ?? null);
      }
    }
  }
  return { entryId, marks: out };
}

/**
 * The leaderboard key of a total: the total, then the first two tie-break values. A
 * "lower is better" key is stored mirrored so that a larger key still ranks higher.
 */
export function rankKeyFor(
  total: number | null,
  tieBreaks: readonly TieBreakKey[],
  values: {
    readonly parts: Readonly<Record<string, number | null>>;
    readonly criteria: Readonly<Record<string, number | null>>;
  },
): bigint | null {
  if (total === null) return null;
  const components = tieBreaks.slice(0, RANK_KEY_TIE_BREAKS).map((k) => {
    const v = (k.kind === "part" ? values.parts[k.partId] : values.criteria[k.criterionId]) ?? 0;
    const clamped = Math.min(RANK_KEY_MAX_COMPONENT, Math.max(0, v));
    return k.prefer === "lower" ? RANK_KEY_MAX_COMPONENT - clamped : clamped;
  });
  return packRankKey(total, components);
}
