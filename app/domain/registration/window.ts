import type { RegistrationWindow } from "~/domain/contest/status";
import type { Problem } from "~/domain/identity/result";

export type RegistrationWindowState = "not_open" | "open" | "closed";

export type RegistrationWindowProblem =
  | Problem<"registration_not_open_yet", Record<string, never>>
  | Problem<"registration_closed", Record<string, never>>;

export const REGISTRATION_WINDOW_PROBLEM_CODES = Object.keys({
  registration_not_open_yet: true,
  registration_closed: true,
} satisfies Record<RegistrationWindowProblem["code"], true>) as RegistrationWindowProblem["code"][];

/** The window includes its opening instant and excludes its closing one ("截止 17:00" means 17:00 is late). */
export function registrationWindowState(
  window: RegistrationWindow,
  now: Date,
): RegistrationWindowState {
  const t = now.getTime();
  if (t < window.opensAt.getTime()) return "not_open";
  if (t >= window.closesAt.getTime()) return "closed";
  return "open";
}

export function registrationOpen(window: RegistrationWindow, now: Date): boolean {
  return registrationWindowState(window, now) === "open";
}

export function checkRegistrationOpen(
  window: RegistrationWindow,
  now: Date,
): RegistrationWindowProblem | null {
  switch (registrationWindowState(window, now)) {
    case "not_open":
      return { code: "registration_not_open_yet", params: {} };
    case "closed":
      return { code: "registration_closed", params: {} };
    default:
      return null;
  }
}
