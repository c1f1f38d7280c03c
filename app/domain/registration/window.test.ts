import { describe, expect, it } from "vitest";
import { missingMessages } from "~/test/rule-messages";
import {
  REGISTRATION_WINDOW_PROBLEM_CODES,
  checkRegistrationOpen,
  registrationOpen,
  registrationWindowState,
} from "./window";

const window = {
  opensAt: new Date("2026-03-01T00:00:00+08:00"),
  closesAt: new Date("2026-03-31T17:00:00+08:00"),
};

describe("registration window", () => {
  it("includes the opening instant and excludes the closing one", () => {
    expect(registrationWindowState(window, new Date("2026-02-28T23:59:59+08:00"))).toBe("not_open");
    expect(registrationWindowState(window, new Date("2026-03-01T00:00:00+08:00"))).toBe("open");
    expect(registrationWindowState(window, new Date("2026-03-31T16:59:59.999+08:00"))).toBe("open");
    expect(registrationWindowState(window, new Date("2026-03-31T17:00:00+08:00"))).toBe("closed");
    expect(registrationOpen(window, new Date("2026-03-15T12:00:00+08:00"))).toBe(true);
    expect(registrationOpen(window, window.closesAt)).toBe(false);
  });
  it("gives typed reasons", () => {
    expect(checkRegistrationOpen(window, new Date("2026-02-01"))).toEqual({
      code: "registration_not_open_yet",
      params: {},
    });
    expect(checkRegistrationOpen(window, new Date("2026-04-01"))).toEqual({
      code: "registration_closed",
      params: {},
    });
    expect(checkRegistrationOpen(window, new Date("2026-03-10"))).toBeNull();
    expect(missingMessages(REGISTRATION_WINDOW_PROBLEM_CODES)).toEqual([]);
  });
});
