import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, problemsOf, renderGaps } from "~/test/rule-messages";
import {
  NOMINATION_PROBLEM_CODES,
  canTransitionNomination,
  checkNominationSubmittable,
  checkNominationTransition,
} from "./nomination";
import { NOMINATION_STATES, type NominationState } from "./states";

describe("nomination workflow", () => {
  it("allows exactly the documented moves", () => {
    const allowed: [NominationState, NominationState][] = [
      ["submitted", "accepted"],
      ["submitted", "rejected"],
      ["submitted", "withdrawn"],
      ["accepted", "awarded"],
      ["accepted", "withdrawn"],
    ];
    for (const from of NOMINATION_STATES) {
      for (const to of NOMINATION_STATES) {
        expect(canTransitionNomination(from, to), `${from} → ${to}`).toBe(
          allowed.some(([f, t]) => f === from && t === to),
        );
      }
    }
  });
  it("takes new nominations only while the round is open", () => {
    expect(checkNominationSubmittable("open")).toBeNull();
    expect(checkNominationSubmittable("reviewing")).toEqual({
      code: "nomination_wrong_round_state",
      params: { state: "reviewing" },
    });
  });
  it("reviews during review, with a reason to reject", () => {
    expect(checkNominationTransition("submitted", "accepted", { roundState: "reviewing" })).toEqual(
      { ok: true, value: "accepted" },
    );
    expect(
      checkNominationTransition("submitted", "accepted", { roundState: "open" }),
    ).toMatchObject({
      problems: [{ code: "nomination_wrong_round_state", params: { state: "open" } }],
    });
    expect(
      checkNominationTransition("submitted", "rejected", { roundState: "reviewing" }),
    ).toMatchObject({
      problems: [{ code: "nomination_reason_required" }],
    });
    expect(
      checkNominationTransition("submitted", "rejected", {
        roundState: "reviewing",
        reason: "事迹材料不实",
      }).ok,
    ).toBe(true);
  });
  it("awards only once the round is conferred", () => {
    expect(
      checkNominationTransition("accepted", "awarded", { roundState: "public_notice" }).ok,
    ).toBe(false);
    expect(checkNominationTransition("accepted", "awarded", { roundState: "conferred" }).ok).toBe(
      true,
    );
    expect(
      checkNominationTransition("submitted", "awarded", { roundState: "conferred" }),
    ).toMatchObject({
      problems: [{ code: "nomination_transition_not_allowed" }],
    });
  });
  it("withdraws before conferral; an accepted nomination needs a reason", () => {
    expect(checkNominationTransition("submitted", "withdrawn", { roundState: "open" }).ok).toBe(
      true,
    );
    expect(
      checkNominationTransition("accepted", "withdrawn", { roundState: "public_notice" }),
    ).toMatchObject({
      problems: [{ code: "nomination_reason_required" }],
    });
    expect(
      checkNominationTransition("accepted", "withdrawn", {
        roundState: "public_notice",
        reason: "公示期间异议属实",
      }).ok,
    ).toBe(true);
    expect(
      checkNominationTransition("accepted", "withdrawn", { roundState: "conferred", reason: "x" })
        .ok,
    ).toBe(false);
  });
  it("has messages and display names", () => {
    expect(missingMessages(NOMINATION_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("nomination_state", NOMINATION_STATES)).toEqual([]);
    const problems = [
      checkNominationTransition("rejected", "accepted", { roundState: "reviewing" }),
      checkNominationTransition("submitted", "rejected", { roundState: "open" }),
    ].flatMap(problemsOf);
    expect(renderGaps(problems)).toEqual([]);
  });
});
