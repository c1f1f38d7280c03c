import { describe, expect, it } from "vitest";
import { missingEnumNames } from "~/test/rule-messages";
import {
  HONOUR_KINDS,
  HONOUR_KIND_SERIAL_CODES,
  HONOUR_LEVELS,
  RECIPIENT_KINDS,
  honourKindForSerialCode,
  recipientKindFor,
} from "./kinds";

describe("honour kinds", () => {
  it("know who receives them", () => {
    expect(HONOUR_KINDS.map((k) => [k, recipientKindFor(k)])).toEqual([
      ["model_worker", "worker"],
      ["advanced_worker", "worker"],
      ["advanced_collective", "organisation"],
      ["may_day_medal", "worker"],
      ["may_day_certificate", "organisation"],
      ["craftsman", "worker"],
      ["technical_expert", "worker"],
      ["innovation_studio", "studio"],
    ]);
  });
  it("have distinct serial codes that map back", () => {
    const codes = HONOUR_KINDS.map((k) => HONOUR_KIND_SERIAL_CODES[k]);
    expect(new Set(codes).size).toBe(HONOUR_KINDS.length);
    for (const kind of HONOUR_KINDS)
      expect(honourKindForSerialCode(HONOUR_KIND_SERIAL_CODES[kind].toLowerCase())).toBe(kind);
    expect(honourKindForSerialCode("ZZ")).toBeNull();
  });
  it("have display names", () => {
    expect(missingEnumNames("honour_kind", HONOUR_KINDS)).toEqual([]);
    expect(missingEnumNames("honour_level", HONOUR_LEVELS)).toEqual([]);
    expect(missingEnumNames("recipient_kind", RECIPIENT_KINDS)).toEqual([]);
  });
});
