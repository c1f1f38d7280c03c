import type { EventDefinition } from "~/domain/contest/events";
import type { ContestStatus, RegistrationWindow } from "~/domain/contest/status";
import type { IsoDate } from "~/domain/identity/dates";
import type { Problem } from "~/domain/identity/result";
import { checkNotAlreadyRegistered, type ExistingRegistration } from "./duplicates";
import { checkEligibility, type WorkerProfile } from "./eligibility";
import { checkQuota, type QuotaRemaining } from "./quota";
import { checkTeamComposition, type OtherTeam } from "./team";
import { checkRegistrationOpen } from "./window";

/** A worker being entered, as the caller found them in the organisation's roster. */
export interface Entrant {
  readonly workerId: string;
  readonly name: string;
  readonly organisationId: string;
  readonly profile: WorkerProfile;
  readonly substitute?: boolean;
}

export interface AdmissionInput {
  readonly contestStatus: ContestStatus;
  readonly window: RegistrationWindow | null;
  readonly now: Date;
  /** The contest's first day: eligibility ages are taken on it. */
  readonly contestDate: IsoDate;
  readonly event: Pick<
    EventDefinition,
    "mode" | "team" | "quotaPerOrg" | "overallCap" | "eligibility" | "tradeCodes"
  >;
  readonly organisationId: string;
  /** One worker for an individual event, the members for a team event. */
  readonly entrants: readonly Entrant[];
  /** Active entries this organisation already holds in the event (a team is one). */
  readonly usedByOrg: number;
  readonly usedTotal: number;
  /** Individual registrations of the event, for the one-entry-per-worker rule. */
  readonly eventRegistrations: readonly ExistingRegistration[];
  /** Other active teams of the event, for the one-team-per-worker rule. */
  readonly otherTeams: readonly OtherTeam[];
}

export type AdmissionProblem = Problem<"registration_contest_not_open", Record<string, never>>;

export const ADMISSION_PROBLEM_CODES = [
  "registration_contest_not_open",
] as const satisfies readonly AdmissionProblem["code"][];

/** A problem, naming the entrant it is about when there is one (eligibility, duplicates). */
export type EntryProblem = Problem & { readonly subject?: string };

export interface AdmissionVerdict {
  readonly problems: EntryProblem[];
  /** Places left after this entry, when it fits. */
  readonly remaining: QuotaRemaining | null;
}

/**
 * Every reason a new entry (a worker, or a team) cannot be made, collected in one pass so
 * the manager fixes them together: the contest must be open and inside its window, places
 * must be left, nobody may be entered twice, and each person must be eligible.
 */
export function checkAdmission(input: AdmissionInput): AdmissionVerdict {
  const problems: EntryProblem[] = [];
  if (input.contestStatus !== "registration_open") {
    problems.push({ code: "registration_contest_not_open", params: {} });
  } else if (input.window) {
    const closed = checkRegistrationOpen(input.window, input.now);
    if (closed) problems.push(closed);
  }

  const quota = checkQuota({
    usedByOrg: input.usedByOrg,
    quotaPerOrg: input.event.quotaPerOrg ?? null,
    usedTotal: input.usedTotal,
    overallCap: input.event.overallCap ?? null,
  });
  if (!quota.ok) problems.push(...quota.problems);

  if (input.event.mode === "team") {
    const rules = input.event.team ?? { minSize: 2, maxSize: 2, substitutes: 0 };
    problems.push(
      ...checkTeamComposition({
        members: input.entrants,
        rules,
        organisationId: input.organisationId,
        otherTeams: input.otherTeams,
      }),
    );
  } else {
    for (const entrant of input.entrants) {
      const duplicate = checkNotAlreadyRegistered(entrant.workerId, input.eventRegistrations);
      if (duplicate) problems.push({ ...duplicate, subject: entrant.name });
    }
  }

  const seen = new Set<string>();
  for (const entrant of input.entrants) {
    if (seen.has(entrant.workerId)) continue;
    seen.add(entrant.workerId);
    for (const p of checkEligibility(entrant.profile, input.event, input.contestDate))
      problems.push({ ...p, subject: entrant.name });
  }
  return { problems, remaining: quota.ok ? quota.value : null };
}
