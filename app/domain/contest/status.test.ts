import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, problemsOf, renderGaps } from "~/test/rule-messages";
import { CONTEST_KINDS } from "./kinds";
import {
  suggestedContestStatus,
  CONTEST_STATUSES,
  CONTEST_TRANSITION_PROBLEM_CODES,
  canTransition,
  checkContestTransition,
  nextStatuses,
  type ContestStatus,
} from "./status";

const now = new Date("2026-03-01T00:00:00Z");
const window = {
  opensAt: new Date("2026-03-01T00:00:00Z"),
  closesAt: new Date("2026-03-31T09:00:00Z"),
};

describe("contest status workflow", () => {
  it("allows exactly the documented moves", () => {
    const allowed: [ContestStatus, ContestStatus][] = [
      ["draft", "registration_open"],
      ["draft", "cancelled"],
      ["registration_open", "registration_closed"],
      ["registration_open", "cancelled"],
      ["registration_closed", "registration_open"],
      ["registration_closed", "in_progress"],
      ["registration_closed", "cancelled"],
      ["in_progress", "results_published"],
      ["results_published", "archived"],
    ];
    for (const from of CONTEST_STATUSES) {
      for (const to of CONTEST_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
    expect(nextStatuses("registration_closed")).toEqual([
      "registration_open",
      "in_progress",
      "cancelled",
    ]);
    expect(nextStatuses("archived")).toEqual([]);
    expect(nextStatuses("cancelled")).toEqual([]);
  });
  it("refuses skipping steps with a typed error", () => {
    expect(checkContestTransition("draft", "in_progress")).toEqual({
      ok: false,
      problems: [
        { code: "contest_transition_not_allowed", params: { from: "draft", to: "in_progress" } },
      ],
    });
    expect(checkContestTransition("in_progress", "cancelled")).toMatchObject({ ok: false });
    expect(checkContestTransition("results_published", "in_progress")).toMatchObject({ ok: false });
  });
  it("opens registration once there is an event and a future window", () => {
    expect(
      checkContestTransition("draft", "registration_open", {
        eventCount: 1,
        registrationWindow: window,
        now,
      }),
    ).toEqual({
      ok: true,
      value: "registration_open",
    });
  });
  it("lists every missing precondition for opening registration", () => {
    const r = checkContestTransition("draft", "registration_open", {
      eventCount: 0,
      invalidEventCodes: ["CNC", "WELD"],
      registrationWindow: null,
      now,
    });
    expect(r).toEqual({
      ok: false,
      problems: [
        { code: "contest_no_events", params: {} },
        { code: "contest_events_invalid", params: { events: "CNC, WELD" } },
        { code: "contest_no_registration_window", params: {} },
      ],
    });
  });
  it("refuses a reversed or already finished window", () => {
    const reversed = { opensAt: window.closesAt, closesAt: window.opensAt };
    expect(
      checkContestTransition("draft", "registration_open", {
        eventCount: 1,
        registrationWindow: reversed,
        now,
      }),
    ).toMatchObject({
      problems: [{ code: "contest_registration_window_invalid" }],
    });
    const reopenLate = checkContestTransition("registration_closed", "registration_open", {
      eventCount: 1,
      registrationWindow: window,
      now: window.closesAt,
    });
    expect(reopenLate).toMatchObject({ problems: [{ code: "contest_registration_window_ended" }] });
  });
  it("starts only with approved entries and publishes only when all are scored", () => {
    expect(
      checkContestTransition("registration_closed", "in_progress", { approvedEntryCount: 0 }),
    ).toMatchObject({
      problems: [{ code: "contest_no_approved_entries" }],
    });
    expect(
      checkContestTransition("registration_closed", "in_progress", { approvedEntryCount: 12 }).ok,
    ).toBe(true);
    expect(
      checkContestTransition("in_progress", "results_published", { unscoredEntryCount: 2 }),
    ).toMatchObject({
      problems: [{ code: "contest_results_incomplete", params: { missing: 2 } }],
    });
    expect(
      checkContestTransition("in_progress", "results_published", { unscoredEntryCount: 0 }).ok,
    ).toBe(true);
    expect(checkContestTransition("results_published", "archived").ok).toBe(true);
  });
  it("needs a reason to cancel", () => {
    expect(checkContestTransition("draft", "cancelled", { cancelReason: "  " })).toMatchObject({
      problems: [{ code: "contest_cancel_reason_required" }],
    });
    expect(checkContestTransition("draft", "cancelled", { cancelReason: "疫情防控要求" }).ok).toBe(
      true,
    );
  });
  it("throws when a needed fact is not supplied", () => {
    expect(() => checkContestTransition("registration_closed", "in_progress", {})).toThrow(
      TypeError,
    );
    expect(() =>
      checkContestTransition("draft", "registration_open", {
        eventCount: 1,
        registrationWindow: window,
      }),
    ).toThrow(TypeError);
  });
  it("has messages and display names", () => {
    expect(missingMessages(CONTEST_TRANSITION_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("contest_status", CONTEST_STATUSES)).toEqual([]);
    expect(missingEnumNames("contest_kind", CONTEST_KINDS)).toEqual([]);
    const problems = [
      checkContestTransition("draft", "archived"),
      checkContestTransition("draft", "registration_open", {
        eventCount: 0,
        invalidEventCodes: ["X1"],
        registrationWindow: null,
        now,
      }),
      checkContestTransition("in_progress", "results_published", { unscoredEntryCount: 3 }),
      checkContestTransition("draft", "cancelled"),
    ].flatMap(problemsOf);
    expect(renderGaps(problems)).toEqual([]);
  });
});

describe("suggestedContestStatus", () => {
  const now = new Date("2026-12-19T10:00:00+08:00");
  const before = new Date("2026-12-18T00:00:00+08:00");
  const after = new Date("2026-12-20T00:00:00+08:00");
  const base = { registrationClosesAt: null, startsAt: null, eventStatuses: ["open"] };

  it("follows the dates: registration past its deadline, a start date passed", () => {
    expect(
      suggestedContestStatus(
        { ...base, status: "registration_open", registrationClosesAt: before },
        now,
      ),
    ).toEqual({ to: "registration_closed", since: before });
    expect(
      suggestedContestStatus({ ...base, status: "registration_closed", startsAt: before }, now),
    ).toEqual({ to: "in_progress", since: before });
    expect(
      suggestedContestStatus(
        { ...base, status: "registration_open", registrationClosesAt: after },
        now,
      ),
    ).toBeNull();
    expect(
      suggestedContestStatus({ ...base, status: "registration_closed", startsAt: after }, now),
    ).toBeNull();
  });

  it("follows the events: results published once every event's are", () => {
    const published = { ...base, status: "in_progress" as const };
    expect(
      suggestedContestStatus({ ...published, eventStatuses: ["published", "published"] }, now),
    ).toEqual({ to: "results_published", since: null });
    expect(
      suggestedContestStatus({ ...published, eventStatuses: ["published", "locked"] }, now),
    ).toBeNull();
    expect(suggestedContestStatus({ ...published, eventStatuses: [] }, now)).toBeNull();
    expect(
      suggestedContestStatus(
        { ...base, status: "results_published", eventStatuses: ["published"] },
        now,
      ),
    ).toBeNull();
  });
});
