import { parseIsoDate, type IsoDate } from "~/domain/identity/dates";
import type { NoticePeriod } from "./notice";
import type { RoundRule } from "./ratio-rules";

/**
 * What an organiser fills in when opening a round. Quotas and shares become RoundRule
 * values so the ratio module evaluates them the same way as any other rule.
 */
export interface RoundRuleSettings {
  readonly quota: number;
  readonly perOrgQuota: number | null;
  readonly minFrontLinePercent: number | null;
  readonly maxManagerPercent: number | null;
}

export function rulesFromSettings(settings: RoundRuleSettings): RoundRule[] {
  const rules: RoundRule[] = [{ kind: "max_total", max: settings.quota }];
  if (settings.perOrgQuota !== null)
    rules.push({ kind: "max_per_organisation", max: settings.perOrgQuota });
  if (settings.minFrontLinePercent !== null) {
    rules.push({
      kind: "min_share",
      attribute: "front_line",
      percent: settings.minFrontLinePercent,
    });
  }
  if (settings.maxManagerPercent !== null) {
    rules.push({ kind: "max_share", attribute: "manager", percent: settings.maxManagerPercent });
  }
  return rules;
}

const ATTRIBUTES = new Set(["front_line", "manager", "female", "migrant_worker", "technical"]);

function isPercent(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 100;
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0;
}

function toRule(value: unknown): RoundRule | null {
  if (typeof value !== "object" || value === null) return null;
  const r = value as Record<string, unknown>;
  switch (r.kind) {
    case "min_share":
    case "max_share":
      return typeof r.attribute === "string" && ATTRIBUTES.has(r.attribute) && isPercent(r.percent)
        ? ({ kind: r.kind, attribute: r.attribute, percent: r.percent } as RoundRule)
        : null;
    case "max_total":
      return isCount(r.max) ? { kind: "max_total", max: r.max } : null;
    case "max_per_organisation":
      return r.max === null || isCount(r.max) ? { kind: "max_per_organisation", max: r.max } : null;
    default:
      return null;
  }
}

/**
 * Reads the JSON stored on a round. The column is written only by this app, so a value
 * that does not parse is a bug; it throws rather than silently dropping a selection rule.
 */
export function parseRoundRules(json: string): RoundRule[] {
  const value: unknown = JSON.parse(json || "[]");
  const list = Array.isArray(value) ? value : [];
  return list.map((item) => {
    const rule = toRule(item);
    if (!rule) throw new TypeError(`Invalid round rule: ${JSON.stringify(item)}`);
    return rule;
  });
}

/** The settings a rule list came from, for showing a round's rules in a form or summary. */
export function settingsFromRules(rules: readonly RoundRule[]): RoundRuleSettings {
  let quota = 0;
  let perOrgQuota: number | null = null;
  let minFrontLinePercent: number | null = null;
  let maxManagerPercent: number | null = null;
  for (const rule of rules) {
    if (rule.kind === "max_total") quota = rule.max;
    else if (rule.kind === "max_per_organisation") perOrgQuota = rule.max;
    else if (rule.kind === "min_share" && rule.attribute === "front_line")
      minFrontLinePercent = rule.percent;
    else if (rule.kind === "max_share" && rule.attribute === "manager")
      maxManagerPercent = rule.percent;
  }
  return { quota, perOrgQuota, minFrontLinePercent, maxManagerPercent };
}

/**
 * 公示不少于5个工作日: five working days always span at least seven calendar days, the
 * figure checkNoticePeriod is given.
 */
export const MIN_NOTICE_CALENDAR_DAYS = 7;

const CHINA_OFFSET = "+08:00";
const DAY_MS = 86_400_000;

/**
 * Notices are announced as dates in Beijing time, both days included: "2026-06-01 至
 * 2026-06-07" runs from midnight on the 1st to midnight at the end of the 7th.
 */
export function noticePeriodFromDates(start: IsoDate, end: IsoDate): NoticePeriod | null {
  if (!parseIsoDate(start) || !parseIsoDate(end)) return null;
  const startsAt = new Date(`${start}T00:00:00${CHINA_OFFSET}`);
  const endsAt = new Date(new Date(`${end}T00:00:00${CHINA_OFFSET}`).getTime() + DAY_MS);
  return { startsAt, endsAt };
}

/** The last day a notice covers, the inverse of noticePeriodFromDates' inclusive end. */
export function noticeLastInstant(endsAt: Date): Date {
  return new Date(endsAt.getTime() - 1);
}
