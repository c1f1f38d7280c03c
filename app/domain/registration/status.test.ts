import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, renderGaps } from "~/test/rule-messages";
import {
  REGISTRATION_STATUSES,
  REGISTRATION_TRANSITION_PROBLEM_CODES,
  canTransitionRegistration,
  checkRegistrationTransition,
  isActiveRegistration,
  nextRegistrationStatuses,
  type RegistrationStatus,
} from "./status";

const deadline = new Date("2026-03-31T09:00:00Z");
const before = { now: new Date("2026-03-30T09:00:00Z"), deadline };
const after = { now: new Date("2026-04-01T09:00:00Z"), deadline };

describe("registration status workflow", () => {
  it("allows exactly the documented moves", () => {
    const allowed: [RegistrationStatus, RegistrationStatus][] = [
      ["submitted", "approved"],
      ["submitted", "rejected"],
      ["submitted", "withdrawn"],
      ["approved", "checked_in"],
      ["approved", "rejected"],
      ["approved", "withdrawn"],
      ["rejected", "submitted"],
    ];
    for (const from of REGISTRATION_STATUSES) {
      for (const to of REGISTRATION_STATUSES) {
        expect(canTransitionRegistration(from, to), `${from} → ${to}`).toBe(
          allowed.some(([f, t]) => f === from && t === to),
        );
      }
    }
    expect(nextRegistrationStatuses("checked_in")).toEqual([]);
    expect(nextRegistrationStatuses("withdrawn")).toEqual([]);
  });
  it("needs a reason to reject", () => {
    expect(checkRegistrationTransition("submitted", "rejected", before)).toEqual({
      ok: false,
      problems: [{ code: "registration_reason_required", params: {} }],
    });
    expect(
      checkRegistrationTransition("submitted", "rejected", {
        ...before,
        reason: "缺少技能等级证书",
      }),
    ).toEqual({ ok: true, value: "rejected" });
  });
  it("allows approval and rejection after the deadline", () => {
    expect(checkRegistrationTransition("submitted", "approved", after).ok).toBe(true);
    expect(
      checkRegistrationTransition("approved", "rejected", { ...after, reason: "证书造假" }).ok,
    ).toBe(true);
    expect(checkRegistrationTransition("approved", "checked_in", after).ok).toBe(true);
  });
  it("allows withdrawal and resubmission only before the deadline", () => {
    expect(checkRegistrationTransition("submitted", "withdrawn", before).ok).toBe(true);
    expect(checkRegistrationTransition("approved", "withdrawn", before).ok).toBe(true);
    expect(checkRegistrationTransition("rejected", "submitted", before).ok).toBe(true);
    for (const [from, to] of [
      ["submitted", "withdrawn"],
      ["approved", "withdrawn"],
      ["rejected", "submitted"],
    ] as const) {
      expect(checkRegistrationTransition(from, to, after)).toEqual({
        ok: false,
        problems: [{ code: "registration_deadline_passed", params: {} }],
      });
    }
    // The deadline instant itself is already too late.
    expect(
      checkRegistrationTransition("submitted", "withdrawn", { now: deadline, deadline }).ok,
    ).toBe(false);
  });
  it("refuses moves outside the workflow", () => {
    expect(checkRegistrationTransition("submitted", "checked_in", before)).toEqual({
      ok: false,
      problems: [
        {
          code: "registration_transition_not_allowed",
          params: { from: "submitted", to: "checked_in" },
        },
      ],
    });
    expect(checkRegistrationTransition("checked_in", "withdrawn", before).ok).toBe(false);
    expect(checkRegistrationTransition("withdrawn", "submitted", before).ok).toBe(false);
  });
  it("counts submitted, approved and checked-in entries as active", () => {
    expect(REGISTRATION_STATUSES.filter(isActiveRegistration)).toEqual([
      "submitted",
      "approved",
      "checked_in",
    ]);
  });
  it("has messages and display names", () => {
    expect(missingMessages(REGISTRATION_TRANSITION_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("registration_status", REGISTRATION_STATUSES)).toEqual([]);
    const problems = [
      checkRegistrationTransition("checked_in", "approved", before),
      checkRegistrationTransition("submitted", "rejected", before),
      checkRegistrationTransition("rejected", "submitted", after),
    ].flatMap((r) => (r.ok ? [] : r.problems));
    expect(renderGaps(problems)).toEqual([]);
  });
});
