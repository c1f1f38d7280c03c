import type { Problem } from "~/domain/identity/result";
import type { NominationState } from "./states";

/** Facts recorded on each nomination that selection rules are written against. */
export const NOMINEE_ATTRIBUTES = [
  "front_line", // 一线职工 (front-line workers, including front-line technical staff)
  "manager", // 企业负责人 / 管理人员
  "female",
  "migrant_worker", // 农民工
  "technical", // 专业技术人员
] as const;
export type NomineeAttribute = (typeof NOMINEE_ATTRIBUTES)[number];

export type RoundRule =
  | { readonly kind: "min_share"; readonly attribute: NomineeAttribute; readonly percent: number }
  | { readonly kind: "max_share"; readonly attribute: NomineeAttribute; readonly percent: number }
  | { readonly kind: "max_total"; readonly max: number }
  | {
      readonly kind: "max_per_organisation";
      /** Quota for organisations without an override; null = only overridden ones are limited. */
      readonly max: number | null;
      /** Quotas allocated to particular organisations (名额分配). */
      readonly overrides?: Readonly<Record<string, number>>;
    };

export interface NominationForRules {
  readonly id: string;
  readonly organisationId: string;
  /** Shown in problems instead of the id when given. */
  readonly organisationName?: string;
  readonly state: NominationState;
  readonly attributes: readonly NomineeAttribute[];
}

export type RoundRuleProblem =
  | Problem<
      "round_rule_min_share",
      { attribute: NomineeAttribute; required: number; actual: number }
    >
  | Problem<
      "round_rule_max_share",
      { attribute: NomineeAttribute; required: number; actual: number }
    >
  | Problem<"round_rule_max_total", { max: number; count: number }>
  | Problem<
      "round_rule_max_per_organisation",
      { organisation: string; max: number; count: number }
    >;

export const ROUND_RULE_PROBLEM_CODES = Object.keys({
  round_rule_min_share: true,
  round_rule_max_share: true,
  round_rule_max_total: true,
  round_rule_max_per_organisation: true,
} satisfies Record<RoundRuleProblem["code"], true>) as RoundRuleProblem["code"][];

/**
 * "warn" rather than "fail": while nominations are open the list is expected to be out of
 * balance (差额推荐), so breaches are shown to reviewers, and the round only refuses to go to
 * public notice while any rule still warns.
 */
export type RuleStatus = "pass" | "warn";

export interface RuleEvaluation {
  readonly rule: RoundRule;
  readonly status: RuleStatus;
  /**
   * Share rules: hundredths of a percent (6000 = 60.00 %), rounded towards the failing side
   * so the figure shown never contradicts the status. Count rules: the count (the largest
   * organisation's share of its own quota for per-organisation rules is in `problems`).
   */
  readonly actual: number;
  /** Same unit as `actual`. */
  readonly required: number;
  readonly count: number;
  readonly total: number;
  readonly problems: readonly RoundRuleProblem[];
}

/** Nominations that are still in the running; rejected and withdrawn ones no longer take a place. */
export const COUNTED_NOMINATION_STATES = [
  "submitted",
  "accepted",
  "awarded",
] as const satisfies readonly NominationState[];

const toPercent = (hundredths: number) => hundredths / 100;

function evaluate(rule: RoundRule, counted: readonly NominationForRules[]): RuleEvaluation {
  const total = counted.length;
  switch (rule.kind) {
    case "min_share": {
      const count = counted.filter((n) => n.attributes.includes(rule.attribute)).length;
      // Integer comparison: exactly 60 % passes a 60 % minimum with no floating-point doubt.
      const ok = total === 0 || count * 100 >= rule.percent * total;
      const actual = total === 0 ? 0 : Math.floor((count * 10000) / total);
      const required = rule.percent * 100;
      const problems: RoundRuleProblem[] = ok
        ? []
        : [
            {
              code: "round_rule_min_share",
              params: {
                attribute: rule.attribute,
                required: rule.percent,
                actual: toPercent(actual),
              },
            },
          ];
      return { rule, status: ok ? "pass" : "warn", actual, required, count, total, problems };
    }
    case "max_share": {
      const count = counted.filter((n) => n.attributes.includes(rule.attribute)).length;
      const ok = count * 100 <= rule.percent * total;
      const actual = total === 0 ? 0 : Math.ceil((count * 10000) / total);
      const required = rule.percent * 100;
      const problems: RoundRuleProblem[] = ok
        ? []
        : [
            {
              code: "round_rule_max_share",
              params: {
                attribute: rule.attribute,
                required: rule.percent,
                actual: toPercent(actual),
              },
            },
          ];
      return { rule, status: ok ? "pass" : "warn", actual, required, count, total, problems };
    }
    case "max_total": {
      const ok = total <= rule.max;
      const problems: RoundRuleProblem[] = ok
        ? []
        : [{ code: "round_rule_max_total", params: { max: rule.max, count: total } }];
      return {
        rule,
        status: ok ? "pass" : "warn",
        actual: total,
        required: rule.max,
        count: total,
        total,
        problems,
      };
    }
    case "max_per_organisation": {
      const byOrg = new Map<string, number>();
      const names = new Map<string, string>();
      for (const n of counted) {
        byOrg.set(n.organisationId, (byOrg.get(n.organisationId) ?? 0) + 1);
        if (n.organisationName) names.set(n.organisationId, n.organisationName);
      }
      const problems: RoundRuleProblem[] = [];
      let worstOver = Number.NEGATIVE_INFINITY;
      let actual = 0;
      let required = rule.max ?? 0;
      for (const [organisation, count] of [...byOrg].sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      )) {
        const max = rule.overrides?.[organisation] ?? rule.max;
        if (max === null) continue;
        if (count - max > worstOver) {
          worstOver = count - max;
          actual = count;
          required = max;
        }
        if (count > max) {
          problems.push({
            code: "round_rule_max_per_organisation",
            params: { organisation: names.get(organisation) ?? organisation, max, count },
          });
        }
      }
      return {
        rule,
        status: problems.length === 0 ? "pass" : "warn",
        actual,
        required,
        count: actual,
        total,
        problems,
      };
    }
  }
}

/**
 * Evaluates every rule against the nominations still in the running. For the gate into
 * public notice, pass only the accepted nominations. With no nominations at all every rule
 * passes; the round workflow separately requires at least one nomination.
 */
export function evaluateRoundRules(
  rules: readonly RoundRule[],
  nominations: readonly NominationForRules[],
): RuleEvaluation[] {
  const counted = nominations.filter((n) =>
    (COUNTED_NOMINATION_STATES as readonly NominationState[]).includes(n.state),
  );
  return rules.map((rule) => evaluate(rule, counted));
}

export function allRulesPass(evaluations: readonly RuleEvaluation[]): boolean {
  return evaluations.every((e) => e.status === "pass");
}
