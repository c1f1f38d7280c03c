import { describe, expect, it } from "vitest";
import { problem } from "~/domain/scoring";
import { entryReasons } from "./blockers";

describe("why an entry has no total", () => {
  it("turns every rule that needs three judges into one reason naming the entry, the criteria and the cure", () => {
    expect(
      entryReasons({
        blindCode: "K7Q2",
        panelSize: 2,
        problems: [
          problem("trimmed_mean_needs_three", { criterion: "P2", judges: 2 }),
          problem("worldskills_needs_three", { criterion: "P1", judges: 2 }),
        ],
      }),
    ).toEqual({
      waiting: false,
      reasons: [
        {
          code: "judging.reason.panel_too_small",
          params: { blindCode: "K7Q2", criterion: "P2/P1", judges: 2, need: 3 },
        },
      ],
    });
  });

  it("missing marks are waiting, not a reason; a panel of four on WorldSkills is too large", () => {
    expect(
      entryReasons({
        blindCode: "A",
        panelSize: 4,
        problems: [
          problem("mark_missing", { criterion: "P2", judge: 3 }),
          problem("worldskills_needs_three", { criterion: "P1", judges: 4 }),
          problem("marks_unknown_criterion", { criterion: "99" }),
        ],
      }),
    ).toEqual({
      waiting: true,
      reasons: [
        {
          code: "judging.reason.panel_too_large",
          params: { blindCode: "A", criterion: "P1", judges: 4 },
        },
      ],
    });
  });

  it("an empty panel is one reason, whatever the criteria say", () => {
    expect(
      entryReasons({
        blindCode: "B",
        panelSize: 0,
        problems: [problem("marks_none", { criterion: "P2" })],
      }),
    ).toEqual({
      waiting: false,
      reasons: [{ code: "judging.reason.panel_empty", params: { blindCode: "B" } }],
    });
  });
});
