import type { Problem } from "~/domain/identity/result";
import { fail, ok, type Outcome } from "~/utils/outcome";
import { noticeState, type NoticePeriod } from "./notice";

export const OBJECTION_STATES = ["lodged", "handled"] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

/** upheld: the objection is substantiated (the nomination is usually withdrawn); dismissed: it is not. */
export const OBJECTION_OUTCOMES = ["upheld", "dismissed"] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export type Objection =
  | {
      readonly state: "lodged";
      readonly nominationId: string;
      readonly content: string;
      readonly lodgedAt: Date;
    }
  | {
      readonly state: "handled";
      readonly nominationId: string;
      readonly content: string;
      readonly lodgedAt: Date;
      readonly outcome: ObjectionOutcome;
      readonly note: string;
      readonly handledAt: Date;
    };

export type ObjectionProblem =
  | Problem<"objection_notice_not_started", Record<string, never>>
  | Problem<"objection_notice_ended", Record<string, never>>
  | Problem<"objection_content_required", Record<string, never>>
  | Problem<"objection_already_handled", Record<string, never>>
  | Problem<"objection_note_required", Record<string, never>>;

export const OBJECTION_PROBLEM_CODES = Object.keys({
  objection_notice_not_started: true,
  objection_notice_ended: true,
  objection_content_required: true,
  objection_already_handled: true,
  objection_note_required: true,
} satisfies Record<ObjectionProblem["code"], true>) as ObjectionProblem["code"][];

/**
 * Anyone may object without signing in, so lodging is rate-limited: per address and notice
 * (one person's complaints, however many), and per notice from everyone (a flood). The
 * per-notice cap is far above what a real notice receives (a handful), so it binds only a
 * flood; organisers then dismiss what is plainly spam in bulk.
 */
export const OBJECTION_WINDOW_MS = 60 * 60 * 1000;
export const OBJECTIONS_PER_ADDRESS = 5;
export const OBJECTIONS_PER_NOTICE = 100;

export function objectionRateKeys(roundId: number, address: string | null, now: Date) {
  const window = Math.floor(now.getTime() / OBJECTION_WINDOW_MS) * OBJECTION_WINDOW_MS;
  return {
    address: address === null ? null : `objection:addr:${window}:${roundId}:${address}`,
    notice: `objection:notice:${window}:${roundId}`,
    expiresAt: new Date(window + OBJECTION_WINDOW_MS),
  };
}

export function objectionRateExceeded(counts: { address: number | null; notice: number }): boolean {
  return (counts.address ?? 0) > OBJECTIONS_PER_ADDRESS || counts.notice > OBJECTIONS_PER_NOTICE;
}

/** Objections are only taken while the notice is open: the period is what makes the list final. */
export function checkObjectionLodgeable(notice: NoticePeriod, now: Date): ObjectionProblem | null {
  switch (noticeState(notice.startsAt, notice.endsAt, now)) {
    case "not_started":
      return { code: "objection_notice_not_started", params: {} };
    case "ended":
      return { code: "objection_notice_ended", params: {} };
    default:
      return null;
  }
}

export interface LodgeObjectionInput {
  readonly nominationId: string;
  readonly content: string;
  readonly notice: NoticePeriod;
  readonly now: Date;
}

export function lodgeObjection(input: LodgeObjectionInput): Outcome<Objection, ObjectionProblem> {
  const problems: ObjectionProblem[] = [];
  const timing = checkObjectionLodgeable(input.notice, input.now);
  if (timing) problems.push(timing);
  const content = input.content.trim();
  if (!content) problems.push({ code: "objection_content_required", params: {} });
  if (problems.length > 0) return fail(...problems);
  return ok({ state: "lodged", nominationId: input.nominationId, content, lodgedAt: input.now });
}

export interface HandleObjectionInput {
  readonly outcome: ObjectionOutcome;
  /** What was checked and found; required either way because the objector is owed an answer. */
  readonly note: string;
  readonly now: Date;
}

export function handleObjection(
  objection: Objection,
  input: HandleObjectionInput,
): Outcome<Objection, ObjectionProblem> {
  if (objection.state === "handled") return fail({ code: "objection_already_handled", params: {} });
  const note = input.note.trim();
  if (!note) return fail({ code: "objection_note_required", params: {} });
  return ok({ ...objection, state: "handled", outcome: input.outcome, note, handledAt: input.now });
}
