// The hourly cap on ID numbers new to an organisation's roster (ROSTER_NEW_IDS_PER_HOUR),
// counted in the RateCounter table (one row per organisation and clock hour), so that it
// holds across processes and restarts. The count is taken with one atomic upsert, on SQLite
// and PostgreSQL alike, and handed back in the same transaction when it passes the cap:
// concurrent requests can never both take the last places, and a refusal costs nothing.
import { env } from "~/env.server";
import {
  retryTimeOf,
  rosterCapWindow,
  type RosterCapRefusal,
} from "~/domain/registration/roster-cap";
import { putBack, takeCount, type CounterWriter } from "~/models/rate-counter.server";
import { fail, ok, type Outcome } from "~/utils/outcome";

/** The places taken (the counter's key, to give them back), or the refusal (import_new_ids_capped). */
export type RosterCapGrant = Outcome<{ key: string }, RosterCapRefusal>;

/** The counter of an organisation's new numbers in the clock hour `now` falls in. */
export function rosterCapKey(organisationId: number, now: Date): string {
  return `roster-new-ids:${organisationId}:${rosterCapWindow(now).start.toISOString()}`;
}

/** Takes `requested` places in this hour's count, or refuses them all. Call inside a write. */
export async function takeRosterCap(
  tx: CounterWriter,
  organisationId: number,
  requested: number,
  now = new Date(),
  cap = env.ROSTER_NEW_IDS_PER_HOUR,
): Promise<RosterCapGrant> {
  const key = rosterCapKey(organisationId, now);
  if (requested <= 0) return ok({ key });
  const window = rosterCapWindow(now);
  const count = await takeCount(tx, key, window.end, requested);
  if (count <= cap) return ok({ key });
  await putBack(tx, key, requested);
  return fail({
    code: "import_new_ids_capped",
    params: { cap, used: count - requested, requested, retryAt: retryTimeOf(window.end) },
  });
}
