import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, problemsOf, renderGaps } from "~/test/rule-messages";
import { evaluateRoundRules } from "./ratio-rules";
import {
  ROUND_ADVANCE_PROBLEM_CODES,
  canAdvance,
  checkRoundAdvance,
  nextRoundStates,
} from "./round";
import { ROUND_STATES, type RoundState } from "./states";

const period = {
  startsAt: new Date("2026-04-01T00:00:00+08:00"),
  endsAt: new Date("2026-04-08T00:00:00+08:00"),
};
const passing = evaluateRoundRules([{ kind: "max_total", max: 10 }], []);
const failing = evaluateRoundRules(
  [{ kind: "max_total", max: 0 }],
  [{ id: "n", organisationId: "o", state: "accepted", attributes: [] }],
);
const toNotice = {
  pendingNominationCount: 0,
  acceptedNominationCount: 5,
  ruleEvaluations: passing,
  noticePeriod: period,
  minNoticeDays: 5,
};

describe("nomination round workflow", () => {
  it("moves forward one step at a time, with one way back and cancellation until conferred", () => {
    const allowed: [RoundState, RoundState][] = [
      ["draft", "open"],
      ["open", "reviewing"],
      ["reviewing", "public_notice"],
      ["public_notice", "conferred"],
      ["public_notice", "reviewing"],
      ["draft", "cancelled"],
      ["open", "cancelled"],
      ["reviewing", "cancelled"],
      ["public_notice", "cancelled"],
    ];
    for (const from of ROUND_STATES) {
      for (const to of ROUND_STATES) {
        expect(canAdvance(from, to), `${from} → ${to}`).toBe(
          allowed.some(([f, t]) => f === from && t === to),
        );
      }
    }
    expect(nextRoundStates("conferred")).toEqual([]);
  });
  it("refuses skipping review or notice", () => {
    expect(checkRoundAdvance("open", "public_notice", toNotice)).toEqual({
      ok: false,
      problems: [
        { code: "round_transition_not_allowed", params: { from: "open", to: "public_notice" } },
      ],
    });
    expect(checkRoundAdvance("reviewing", "conferred").ok).toBe(false);
  });
  it("opens without preconditions and reviews only with nominations", () => {
    expect(checkRoundAdvance("draft", "open")).toEqual({ ok: true, value: "open" });
    expect(checkRoundAdvance("open", "reviewing", { nominationCount: 0 })).toMatchObject({
      problems: [{ code: "round_no_nominations" }],
    });
    expect(checkRoundAdvance("open", "reviewing", { nominationCount: 3 }).ok).toBe(true);
  });
  it("goes to public notice only when review is complete, rules pass and the period is long enough", () => {
    expect(checkRoundAdvance("reviewing", "public_notice", toNotice)).toEqual({
      ok: true,
      value: "public_notice",
    });
    expect(
      checkRoundAdvance("reviewing", "public_notice", {
        ...toNotice,
        pendingNominationCount: 2,
        acceptedNominationCount: 0,
        ruleEvaluations: failing,
        noticePeriod: null,
      }),
    ).toEqual({
      ok: false,
      problems: [
        { code: "round_nominations_pending", params: { count: 2 } },
        { code: "round_none_accepted", params: {} },
        { code: "round_rules_not_met", params: { count: 1 } },
        { code: "round_notice_period_missing", params: {} },
      ],
    });
    expect(
      checkRoundAdvance("reviewing", "public_notice", { ...toNotice, minNoticeDays: 10 }),
    ).toMatchObject({
      problems: [{ code: "notice_period_too_short", params: { minDays: 10, days: 7 } }],
    });
  });
  it("confers only after the notice has ended with every objection handled", () => {
    const during = new Date("2026-04-07T23:59:59+08:00");
    expect(
      checkRoundAdvance("public_notice", "conferred", {
        noticePeriod: period,
        now: during,
        openObjectionCount: 0,
      }),
    ).toMatchObject({
      problems: [{ code: "round_notice_not_ended" }],
    });
    expect(
      checkRoundAdvance("public_notice", "conferred", {
        noticePeriod: period,
        now: period.endsAt,
        openObjectionCount: 1,
      }),
    ).toEqual({
      ok: false,
      problems: [{ code: "round_objections_open", params: { count: 1 } }],
    });
    expect(
      checkRoundAdvance("public_notice", "conferred", {
        noticePeriod: period,
        now: period.endsAt,
        openObjectionCount: 0,
      }),
    ).toEqual({
      ok: true,
      value: "conferred",
    });
  });
  it("needs a reason to send the list back to review or to cancel", () => {
    expect(checkRoundAdvance("public_notice", "reviewing")).toMatchObject({
      problems: [{ code: "round_reason_required" }],
    });
    expect(
      checkRoundAdvance("public_notice", "reviewing", { reason: "异议属实，撤销一名人选" }).ok,
    ).toBe(true);
    expect(checkRoundAdvance("open", "cancelled", { reason: "" })).toMatchObject({
      problems: [{ code: "round_reason_required" }],
    });
    expect(checkRoundAdvance("open", "cancelled", { reason: "上级通知暂停评选" }).ok).toBe(true);
  });
  it("throws when a needed fact is missing", () => {
    expect(() => checkRoundAdvance("open", "reviewing")).toThrow(TypeError);
    expect(() => checkRoundAdvance("public_notice", "conferred", { noticePeriod: period })).toThrow(
      TypeError,
    );
  });
  it("has messages and display names", () => {
    expect(missingMessages(ROUND_ADVANCE_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("round_state", ROUND_STATES)).toEqual([]);
    const problems = [
      checkRoundAdvance("draft", "conferred"),
      checkRoundAdvance("open", "reviewing", { nominationCount: 0 }),
      checkRoundAdvance("reviewing", "public_notice", {
        ...toNotice,
        pendingNominationCount: 1,
        acceptedNominationCount: 0,
        ruleEvaluations: failing,
        noticePeriod: null,
      }),
      checkRoundAdvance("public_notice", "conferred", {
        noticePeriod: period,
        now: period.startsAt,
        openObjectionCount: 2,
      }),
      checkRoundAdvance("draft", "cancelled"),
    ].flatMap(problemsOf);
    expect(renderGaps(problems)).toEqual([]);
  });
});
