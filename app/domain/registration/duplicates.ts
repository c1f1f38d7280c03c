import type { Problem } from "~/domain/identity/result";
import { isActiveRegistration, type RegistrationStatus } from "./status";

export type DuplicateRegistrationProblem = Problem<
  "registration_duplicate_worker",
  Record<string, never>
>;
export const DUPLICATE_REGISTRATION_PROBLEM_CODES = [
  "registration_duplicate_worker",
] as const satisfies readonly DuplicateRegistrationProblem["code"][];

export interface ExistingRegistration {
  readonly workerId: string;
  readonly status: RegistrationStatus;
}

/**
 * A worker may hold one active registration per event. Rejected and withdrawn ones do not
 * count, so a worker whose entry was withdrawn can be registered again.
 */
export function checkNotAlreadyRegistered(
  workerId: string,
  eventRegistrations: readonly ExistingRegistration[],
): DuplicateRegistrationProblem | null {
  const taken = eventRegistrations.some(
    (r) => r.workerId === workerId && isActiveRegistration(r.status),
  );
  return taken ? { code: "registration_duplicate_worker", params: {} } : null;
}
