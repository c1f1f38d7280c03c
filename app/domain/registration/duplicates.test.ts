import { describe, expect, it } from "vitest";
import { missingMessages } from "~/test/rule-messages";
import { DUPLICATE_REGISTRATION_PROBLEM_CODES, checkNotAlreadyRegistered } from "./duplicates";

describe("checkNotAlreadyRegistered", () => {
  it("refuses a worker with an active registration in the event", () => {
    for (const status of ["submitted", "approved", "checked_in"] as const) {
      expect(checkNotAlreadyRegistered("w1", [{ workerId: "w1", status }]), status).toEqual({
        code: "registration_duplicate_worker",
        params: {},
      });
    }
  });
  it("ignores rejected and withdrawn registrations and other workers", () => {
    expect(
      checkNotAlreadyRegistered("w1", [
        { workerId: "w1", status: "withdrawn" },
        { workerId: "w1", status: "rejected" },
        { workerId: "w2", status: "approved" },
      ]),
    ).toBeNull();
    expect(missingMessages(DUPLICATE_REGISTRATION_PROBLEM_CODES)).toEqual([]);
  });
});
