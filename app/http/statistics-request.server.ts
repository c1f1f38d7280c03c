// The statistics page and its exports read the same two parameters: whose figures (union,
// 0 for the whole platform) and which year. Anything outside the organiser's scope is a 404.
import type { OrganiserScope } from "~/domain/organisation";
import { ensureStatsBuilt, resolveStatsTarget } from "~/models/statistics.server";
import { parseId } from "~/utils/ids";

export async function statsRequest(scope: OrganiserScope, request: Request) {
  const url = new URL(request.url);
  const unionParam = url.searchParams.get("union");
  const yearParam = url.searchParams.get("year");
  const unionId = unionParam === "0" ? 0 : unionParam === null ? null : parseId(unionParam);
  if (unionParam !== null && unionId === null) return null;
  const year = yearParam === null ? null : /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
  if (year !== null && Number.isNaN(year)) return null;
  await ensureStatsBuilt();
  return resolveStatsTarget(scope, unionId, year);
}
