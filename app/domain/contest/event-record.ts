import type { Gender } from "~/domain/identity/id-number";
import {
  EVENT_MODES,
  PART_KINDS,
  ROUND_STAGES,
  type EventDefinition,
  type EventMode,
  type PartKind,
  type RoundStage,
} from "./events";
import { isSkillLevel } from "./skill-levels";

/** An event as stored: flat columns, parts as rows, advance counts as JSON. */
export interface EventRecord {
  readonly code: string;
  readonly name: string;
  readonly mode: string;
  readonly teamMin: number;
  readonly teamMax: number;
  readonly substitutes: number;
  readonly quotaPerOrg: number | null;
  readonly cap: number | null;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly minSkillLevel: string | null;
  readonly unionMemberRequired: boolean;
  readonly advanceCounts: string;
  readonly parts: readonly {
    readonly kind: string;
    readonly round: string;
    readonly weight: number;
  }[];
}

function parseAdvanceCounts(json: string): Partial<Record<RoundStage, number>> {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null) return {};
    const out: Partial<Record<RoundStage, number>> = {};
    for (const stage of ROUND_STAGES) {
      const n = (value as Record<string, unknown>)[stage];
      if (typeof n === "number") out[stage] = n;
    }
    return out;
  } catch {
    return {};
  }
}

/**
 * The rule modules' view of a stored event, so stored events are validated and checked by
 * the same code as new ones. Unknown strings (a hand-edited row) are kept as they are and
 * left for validateEvent to report rather than silently dropped.
 */
export function eventDefinitionFromRecord(
  record: EventRecord,
  gender: Gender | null = null,
): EventDefinition {
  const mode: EventMode = (EVENT_MODES as readonly string[]).includes(record.mode)
    ? (record.mode as EventMode)
    : "individual";
  const advance = parseAdvanceCounts(record.advanceCounts);
  const stages = ROUND_STAGES.filter((stage) => record.parts.some((p) => p.round === stage));
  const unknownStages = [...new Set(record.parts.map((p) => p.round))].filter(
    (r) => !(ROUND_STAGES as readonly string[]).includes(r),
  );
  return {
    code: record.code,
    name: record.name,
    mode,
    team:
      mode === "team"
        ? { minSize: record.teamMin, maxSize: record.teamMax, substitutes: record.substitutes }
        : null,
    quotaPerOrg: record.quotaPerOrg,
    overallCap: record.cap,
    eligibility: {
      minAge: record.minAge,
      maxAge: record.maxAge,
      minSkillLevel:
        record.minSkillLevel !== null && isSkillLevel(record.minSkillLevel)
          ? record.minSkillLevel
          : null,
      unionMemberRequired: record.unionMemberRequired,
      gender,
    },
    rounds: [...stages, ...(unknownStages as RoundStage[])].map((stage) => ({
      stage,
      advanceCount: advance[stage] ?? null,
      parts: record.parts
        .filter((p) => p.round === stage)
        .map((p) => ({
          kind: ((PART_KINDS as readonly string[]).includes(p.kind) ? p.kind : p.kind) as PartKind,
          weight: p.weight,
        })),
    })),
  };
}
