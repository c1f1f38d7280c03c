// The ratio checks of a year's honours (比例核查): of the workers honoured, how many are
// front-line workers, managers, women and migrant workers, checked against the share rules
// of the rounds that conferred them (or the platform's defaults for honours entered directly).
import {
  evaluateRoundRules,
  type NomineeAttribute,
  type RoundRule,
  type RuleEvaluation,
} from "~/domain/honours";

export interface HonouredPerson {
  readonly frontLine: boolean;
  readonly manager: boolean;
  readonly female: boolean;
  /** Null where the organisation has not recorded it */
  readonly migrant: boolean | null;
}

export const RATIO_ATTRIBUTES = ["front_line", "manager", "female", "migrant_worker"] as const;
export type RatioAttribute = (typeof RATIO_ATTRIBUTES)[number];

/** What a city round opens with unless the organiser sets otherwise (see the round form). */
export const DEFAULT_SHARE_RULES: RoundRule[] = [
  { kind: "min_share", attribute: "front_line", percent: 60 },
  { kind: "max_share", attribute: "manager", percent: 15 },
];

export interface AttributeShare {
  readonly attribute: RatioAttribute;
  readonly count: number;
  /** People for whom the attribute is recorded */
  readonly total: number;
  /** Hundredths of a percent (6000 = 60.00 %) */
  readonly share: number;
}

function attributesOf(p: HonouredPerson): NomineeAttribute[] {
  const out: NomineeAttribute[] = [];
  if (p.frontLine) out.push("front_line");
  if (p.manager) out.push("manager");
  if (p.female) out.push("female");
  if (p.migrant) out.push("migrant_worker");
  return out;
}

/**
 * The strictest share rule per attribute and direction among the rounds' rules: the highest
 * minimum, the lowest maximum. Count rules (quota, per organisation) belong to one round and
 * are left out.
 */
export function strictestShareRules(rules: readonly RoundRule[]): RoundRule[] {
  const best = new Map<string, RoundRule>();
  for (const rule of rules) {
    if (rule.kind !== "min_share" && rule.kind !== "max_share") continue;
    const key = `${rule.kind}:${rule.attribute}`;
    const current = best.get(key);
    if (
      !current ||
      (current.kind === "min_share" && rule.percent > current.percent) ||
      (current.kind === "max_share" && rule.percent < current.percent)
    )
      best.set(key, rule);
  }
  return [...best.values()];
}

export function honourRatios(
  people: readonly HonouredPerson[],
  roundRules: readonly RoundRule[],
): { shares: AttributeShare[]; checks: RuleEvaluation[] } {
  const shares = RATIO_ATTRIBUTES.map((attribute): AttributeShare => {
    const recorded =
      attribute === "migrant_worker" ? people.filter((p) => p.migrant !== null) : people;
    const count = recorded.filter((p) => attributesOf(p).includes(attribute)).length;
    const total = recorded.length;
    return {
      attribute,
      count,
      total,
      share: total === 0 ? 0 : Math.round((count * 10000) / total),
    };
  });
  const rules = strictestShareRules(roundRules);
  const checks = evaluateRoundRules(
    rules.length > 0 ? rules : DEFAULT_SHARE_RULES,
    people.map((p, i) => ({
      id: String(i),
      organisationId: "",
      state: "awarded" as const,
      attributes: attributesOf(p),
    })),
  );
  return { shares, checks };
}
