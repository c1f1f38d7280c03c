// The year a contest counts in (the statistics' "year in numbers"): the Beijing calendar year
// it starts, else the year it opens registration, else the year it was set up.
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export function beijingYear(instant: Date): number {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).getUTCFullYear();
}

export function contestYear(
  dates: { startsAt: Date | null; registrationOpensAt: Date | null },
  createdAt: Date,
): number {
  return beijingYear(dates.startsAt ?? dates.registrationOpensAt ?? createdAt);
}
