import { describe, expect, it } from "vitest";
import type { Problem } from "~/domain/identity/result";
import { placeholderNames } from "~/i18n";
import { scoringMessages } from "~/i18n/messages/scoring";
import { DROP_REASONS } from "./aggregate";
import { PRIZE_TIERS } from "./prizes";
import { PROBLEM_CODES, PROBLEM_PARAM_NAMES, problem, type ScoringProblem } from "./problems";
import { UNRANKED_REASONS } from "./rank";
import { RECEIPT_MARK_STATUSES } from "./receipt";
import { ENTRY_STATUSES } from "./results";
import { AGGREGATION_RULES } from "./scheme";

const languages = ["zh", "en"] as const;
const placeholders = placeholderNames;

describe("scoring messages", () => {
  it("scoring problems fit the platform-wide Problem shape (checked by tsc)", () => {
    const shared: readonly Problem[] = [
      problem("marks_none", { criterion: "A1" }),
    ] satisfies ScoringProblem[];
    expect(shared[0]?.code).toBe("marks_none");
  });

  for (const lang of languages) {
    const messages: Readonly<Record<string, string>> = scoringMessages[lang];

    it(`${lang}: every problem code has a message whose placeholders are real params`, () => {
      for (const code of PROBLEM_CODES) {
        const text = messages[`scoring.${code}`];
        expect(text, `scoring.${code}`).toBeTypeOf("string");
        const allowed: readonly string[] = PROBLEM_PARAM_NAMES[code];
        for (const name of placeholders(text!))
          expect(allowed, `scoring.${code} {${name}}`).toContain(name);
      }
    });

    it(`${lang}: names every rule, prize tier, status, unranked reason and mark status`, () => {
      const keys = [
        ...AGGREGATION_RULES.flatMap((r) => [`scoring.rule.${r}`, `scoring.formula.${r}`]),
        ...PRIZE_TIERS.map((t) => `scoring.prize.${t}`),
        ...ENTRY_STATUSES.map((s) => `scoring.status.${s}`),
        ...UNRANKED_REASONS.map((r) => `scoring.unranked.${r}`),
        ...DROP_REASONS.map((r) => `scoring.drop.${r}`),
        ...RECEIPT_MARK_STATUSES.map((s) => `scoring.mark_status.${s}`),
        "scoring.judge_n",
        "scoring.criterion_type.measurement",
        "scoring.criterion_type.judgement",
        "scoring.standardisation.mad",
        "scoring.standardisation.mean_absolute_deviation",
        "scoring.standardisation.none",
      ];
      for (const key of keys) expect(messages[key], key).toBeTypeOf("string");
    });
  }

  it("zh and en have the same keys and the same placeholders", () => {
    const zh: Readonly<Record<string, string>> = scoringMessages.zh;
    const en: Readonly<Record<string, string>> = scoringMessages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect(placeholders(en[key]!).sort(), key).toEqual(placeholders(zh[key]!).sort());
      expect(key.startsWith("scoring.")).toBe(true);
    }
  });

  it("uses the customary Chinese prize names and judge label", () => {
    expect([
      scoringMessages.zh["scoring.prize.first"],
      scoringMessages.zh["scoring.prize.second"],
      scoringMessages.zh["scoring.prize.third"],
      scoringMessages.zh["scoring.prize.merit"],
    ]).toEqual(["一等奖", "二等奖", "三等奖", "优秀奖"]);
    expect(scoringMessages.zh["scoring.judge_n"].replace("{n}", "2")).toBe("裁判2");
  });
});
