import { describe, expect, it } from "vitest";
import { isRecused, measurementRecorder, panelFor, presidingJudge } from "./recusal";

const company = { id: 30, parentId: 9 };

describe("recusal", () => {
  it("recuses judges of the entry's own organisation and of its parent union", () => {
    expect(isRecused(30, company)).toBe(true);
    expect(isRecused(9, company)).toBe(true);
    expect(isRecused(1, company)).toBe(false);
    expect(isRecused(null, company)).toBe(false);
  });

  it("builds the panel in assignment order without the recused judge", () => {
    const judges = [
      { userId: 1, organisationId: 1, isChief: true },
      { userId: 2, organisationId: 30, isChief: false },
      { userId: 3, organisationId: 9, isChief: false },
      { userId: 4, organisationId: 5, isChief: false },
    ];
    expect(panelFor(judges, company).map((j) => j.userId)).toEqual([1, 4]);
    expect(panelFor(judges, { id: 77, parentId: 1 }).map((j) => j.userId)).toEqual([2, 3, 4]);
  });

  it("lets the chief record measurements, else the first panel judge", () => {
    const chief = { userId: 1, organisationId: 1, isChief: true };
    const other = { userId: 2, organisationId: 2, isChief: false };
    expect(measurementRecorder([other, chief])).toBe(chief);
    expect(measurementRecorder([other])).toBe(other);
    expect(measurementRecorder([])).toBeNull();
  });

  it("lets the chief preside over an entry unless recused from it, then the first panel judge", () => {
    const chief = { userId: 1, organisationId: 10, isChief: true };
    const first = { userId: 2, organisationId: 20, isChief: false };
    const second = { userId: 3, organisationId: 30, isChief: false };
    const judges = [first, chief, second];
    expect(presidingJudge(panelFor(judges, { id: 99, parentId: null }))).toBe(chief);
    // An entry of the chief's own unit: the chief is off its panel and does not preside.
    expect(presidingJudge(panelFor(judges, { id: 10, parentId: null }))).toBe(first);
    expect(presidingJudge(panelFor([chief], { id: 77, parentId: 10 }))).toBeNull();
  });
});
