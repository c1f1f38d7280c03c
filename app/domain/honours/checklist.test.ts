import { describe, expect, it } from "vitest";
import {
  REVIEW_CHECKLIST_ITEMS,
  checkChecklistForAcceptance,
  checklistFrom,
  emptyChecklist,
  parseChecklist,
} from "./checklist";

describe("review checklist", () => {
  it("needs every item ticked to accept", () => {
    expect(checkChecklistForAcceptance(emptyChecklist())).toEqual({
      code: "review_checklist_incomplete",
      params: { count: REVIEW_CHECKLIST_ITEMS.length },
    });
    expect(
      checkChecklistForAcceptance(checklistFrom(["eligibility", "materials_complete"]))?.params
        .count,
    ).toBe(2);
    expect(checkChecklistForAcceptance(checklistFrom([...REVIEW_CHECKLIST_ITEMS]))).toBeNull();
  });
  it("reads the stored JSON and ignores unknown items", () => {
    const list = parseChecklist('{"eligibility":true,"bogus":true,"no_misconduct":"yes"}');
    expect(list).toEqual({
      eligibility: true,
      materials_complete: false,
      unit_publicised: false,
      no_misconduct: false,
    });
    expect(parseChecklist("")).toEqual(emptyChecklist());
  });
});
