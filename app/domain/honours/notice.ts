import type { Problem } from "~/domain/identity/result";

/** 公示期: the nominee list is published and anyone may object until it ends. */
export interface NoticePeriod {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export const NOTICE_STATES = ["not_started", "open", "ended"] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

/** The start instant is inside the period and the end instant is not, so periods can abut. */
export function noticeState(startsAt: Date, endsAt: Date, now: Date): NoticeState {
  const t = now.getTime();
  if (t < startsAt.getTime()) return "not_started";
  if (t >= endsAt.getTime()) return "ended";
  return "open";
}

export type NoticePeriodProblem =
  | Problem<"notice_period_invalid", Record<string, never>>
  | Problem<"notice_period_too_short", { minDays: number; days: number }>;

export const NOTICE_PERIOD_PROBLEM_CODES = Object.keys({
  notice_period_invalid: true,
  notice_period_too_short: true,
} satisfies Record<NoticePeriodProblem["code"], true>) as NoticePeriodProblem["code"][];

const DAY_MS = 86_400_000;

/**
 * Rules usually demand a notice of "不少于 N 个工作日". Working days depend on the holiday
 * calendar, which is data, so the caller converts that to the calendar days this period
 * must cover and passes them as `minDays`.
 */
export function checkNoticePeriod(period: NoticePeriod, minDays: number): NoticePeriodProblem[] {
  const span = period.endsAt.getTime() - period.startsAt.getTime();
  if (span <= 0) return [{ code: "notice_period_invalid", params: {} }];
  const days = Math.floor(span / DAY_MS);
  return days < minDays ? [{ code: "notice_period_too_short", params: { minDays, days } }] : [];
}
