import { describe, expect, it } from "vitest";
import { missingEnumNames, missingMessages, problemsOf, renderGaps } from "~/test/rule-messages";
import {
  OBJECTION_OUTCOMES,
  OBJECTION_PROBLEM_CODES,
  OBJECTION_STATES,
  checkObjectionLodgeable,
  handleObjection,
  lodgeObjection,
} from "./objection";

const notice = {
  startsAt: new Date("2026-04-01T00:00:00+08:00"),
  endsAt: new Date("2026-04-08T00:00:00+08:00"),
};
const during = new Date("2026-04-03T10:00:00+08:00");

describe("objections", () => {
  it("are accepted only while the notice is open", () => {
    expect(checkObjectionLodgeable(notice, new Date("2026-03-31T23:59:59+08:00"))).toEqual({
      code: "objection_notice_not_started",
      params: {},
    });
    expect(checkObjectionLodgeable(notice, notice.startsAt)).toBeNull();
    expect(checkObjectionLodgeable(notice, new Date(notice.endsAt.getTime() - 1))).toBeNull();
    expect(checkObjectionLodgeable(notice, notice.endsAt)).toEqual({
      code: "objection_notice_ended",
      params: {},
    });
  });
  it("need content", () => {
    expect(lodgeObjection({ nominationId: "n1", content: " ", notice, now: during })).toEqual({
      ok: false,
      problems: [{ code: "objection_content_required", params: {} }],
    });
    expect(
      lodgeObjection({
        nominationId: "n1",
        content: " 推荐材料中的专利不属实 ",
        notice,
        now: during,
      }),
    ).toEqual({
      ok: true,
      value: {
        state: "lodged",
        nominationId: "n1",
        content: "推荐材料中的专利不属实",
        lodgedAt: during,
      },
    });
  });
  it("are handled once, with an outcome and a note", () => {
    const lodged = lodgeObjection({
      nominationId: "n1",
      content: "专利不属实",
      notice,
      now: during,
    });
    if (!lodged.ok) throw new Error("expected lodged");
    const handledAt = new Date("2026-04-05T10:00:00+08:00");
    expect(
      handleObjection(lodged.value, { outcome: "dismissed", note: "", now: handledAt }),
    ).toEqual({
      ok: false,
      problems: [{ code: "objection_note_required", params: {} }],
    });
    const handled = handleObjection(lodged.value, {
      outcome: "upheld",
      note: "经核实专利权人为他人",
      now: handledAt,
    });
    expect(handled).toMatchObject({
      ok: true,
      value: { state: "handled", outcome: "upheld", note: "经核实专利权人为他人", handledAt },
    });
    if (!handled.ok) return;
    expect(
      handleObjection(handled.value, { outcome: "dismissed", note: "再议", now: handledAt }),
    ).toEqual({
      ok: false,
      problems: [{ code: "objection_already_handled", params: {} }],
    });
  });
  it("have messages and display names", () => {
    expect(missingMessages(OBJECTION_PROBLEM_CODES)).toEqual([]);
    expect(missingEnumNames("objection_state", OBJECTION_STATES)).toEqual([]);
    expect(missingEnumNames("objection_outcome", OBJECTION_OUTCOMES)).toEqual([]);
    const problems = [
      lodgeObjection({ nominationId: "n", content: "", notice, now: notice.endsAt }),
      lodgeObjection({ nominationId: "n", content: "x", notice, now: new Date(0) }),
    ].flatMap(problemsOf);
    expect(renderGaps(problems)).toEqual([]);
  });
});
