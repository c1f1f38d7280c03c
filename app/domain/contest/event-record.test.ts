import { describe, expect, it } from "vitest";
import { validateEvent } from "./events";
import { eventDefinitionFromRecord, type EventRecord } from "./event-record";

const record: EventRecord = {
  code: "BIM",
  name: "BIM技术建模",
  mode: "team",
  teamMin: 2,
  teamMax: 3,
  substitutes: 1,
  quotaPerOrg: 2,
  cap: null,
  minAge: 18,
  maxAge: 50,
  minSkillLevel: null,
  unionMemberRequired: true,
  advanceCounts: '{"preliminary":12}',
  parts: [
    { kind: "practical", round: "final", weight: 70 },
    { kind: "theory", round: "preliminary", weight: 100 },
    { kind: "theory", round: "final", weight: 30 },
  ],
};

describe("eventDefinitionFromRecord", () => {
  it("rebuilds rounds in stage order with their parts and advance counts", () => {
    const def = eventDefinitionFromRecord(record);
    expect(def.team).toEqual({ minSize: 2, maxSize: 3, substitutes: 1 });
    expect(def.rounds).toEqual([
      { stage: "preliminary", advanceCount: 12, parts: [{ kind: "theory", weight: 100 }] },
      {
        stage: "final",
        advanceCount: null,
        parts: [
          { kind: "practical", weight: 70 },
          { kind: "theory", weight: 30 },
        ],
      },
    ]);
    expect(validateEvent(def)).toEqual([]);
  });

  it("lets validateEvent report what is wrong with a stored event", () => {
    const def = eventDefinitionFromRecord({
      ...record,
      mode: "individual",
      advanceCounts: "not json",
      parts: [{ kind: "theory", round: "preliminary", weight: 60 }],
    });
    expect(def.team).toBeNull();
    expect(validateEvent(def).map((p) => p.code)).toEqual([
      "event_round_advance_invalid",
      "event_part_weights_sum",
      "event_final_missing",
    ]);
  });
});
