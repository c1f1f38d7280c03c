import { describe, expect, it } from "vitest";
import { fail, failIfAny, fieldErrorsOf, ok, refuse, type Outcome } from "./outcome";

describe("outcome", () => {
  it("carries a value or the problems, never both", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(ok()).toEqual({ ok: true, value: undefined });
    expect(fail({ code: "a" }, { code: "b" })).toEqual({
      ok: false,
      problems: [{ code: "a" }, { code: "b" }],
    });
  });

  it("fails only when there are problems", () => {
    expect(failIfAny([])).toBeNull();
    expect(failIfAny(["x"])).toEqual({ ok: false, problems: ["x"] });
  });

  it("narrows on ok", () => {
    const outcome = fail("no") as Outcome<number, string>;
    expect(outcome.ok ? outcome.value : outcome.problems.join()).toBe("no");
  });

  it("refuses with a message key, its values and the field it belongs to", () => {
    expect(refuse("judging.judges.not_found")).toEqual({
      ok: false,
      problems: [{ code: "judging.judges.not_found", params: {} }],
    });
    const invalid = refuse("reg.worker.idInRoster", {}, "idNumber");
    expect(invalid.problems[0]).toEqual({
      code: "reg.worker.idInRoster",
      params: {},
      field: "idNumber",
    });
  });

  it("gives the form the first problem of each field", () => {
    expect(
      fieldErrorsOf([
        { code: "a", params: {}, field: "x" },
        { code: "b", params: {}, field: "x" },
        { code: "c", params: {} },
        { code: "d", params: {}, field: "y" },
      ]),
    ).toEqual({ x: "a", y: "d" });
  });
});
