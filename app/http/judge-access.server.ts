// Who may open an event's judging pages: a judge assigned to the event (the chief judge for
// the workbench's actions and rechecks). Who may open an entry's sheets: a judge on the
// entry's panel (assigned to the event and not recused: never for an entry of their own unit
// or its parent union — for them such an entry does not exist, so it is a 404 whatever the
// URL says; a reserve only where recusal leaves the panel short), and for reviews,
// corrections and appeals only the judge who presides over it. Entries are addressed by
// blind code: a registration id never reaches a judge, so nothing they see joins to public
// pages. A recheck sheet opens only for the judge it is given to (any other recheck is a 404).
import type { Params } from "@remix-run/react";
import { judgeAssignment, judgeEntry } from "~/models/judging.server";
import { findSheetToSave, loadScoreSheet } from "~/models/marks.server";
import { loadRecheckSheet } from "~/models/recheck.server";
import { forbidden, notFound, requireJudge } from "~/http/session.server";
import { parseId } from "~/utils/ids";

export async function requireJudgeOnEvent(
  request: Request,
  params: Params,
  options: { chief?: boolean } = {},
) {
  const user = await requireJudge(request);
  const eventId = parseId(params.eventId);
  if (eventId === null) throw notFound();
  const assignment = await judgeAssignment(eventId, user.id);
  if (!assignment) throw notFound();
  if (options.chief && !assignment.isChief) throw forbidden();
  return { user, eventId, assignment };
}

export async function requireJudgeOnEntry(
  request: Request,
  params: Params,
  options: { presiding?: boolean } = {},
) {
  const { user, eventId } = await requireJudgeOnEvent(request, params);
  const entry = await judgeEntry(eventId, params.blindCode ?? "", user.id);
  if (!entry) throw notFound();
  if (options.presiding && !entry.presiding) throw forbidden();
  return { user, eventId, registrationId: entry.id, blindCode: entry.blindCode };
}

/**
 * A judge's own sheet for an entry, opened (GET) by them: requireJudgeOnEntry's
 * rules, answered by the sheet itself. Its panel comes from the event's cached scoring
 * definition (judges, units, reserves), so a sheet costs no read of the event's judges; a
 * judge taken off the event loses it as soon as the change reaches this process, and the
 * save checks the panel again inside its transaction against the current definition.
 */
export async function requireJudgeSheet(request: Request, params: Params) {
  const user = await requireJudge(request);
  const eventId = parseId(params.eventId);
  if (eventId === null) throw notFound();
  const sheet = await loadScoreSheet(eventId, { blindCode: params.blindCode ?? "" }, user.id);
  if (!sheet) throw notFound();
  return { user, eventId, sheet };
}

/**
 * requireJudgeSheet for a save (POST): the same rules, answered without the marks and sheet
 * versions that the save reads again inside its transaction (findSheetToSave).
 */
export async function requireJudgeSheetToSave(request: Request, params: Params) {
  const user = await requireJudge(request);
  const eventId = parseId(params.eventId);
  if (eventId === null) throw notFound();
  const sheet = await findSheetToSave(eventId, params.blindCode ?? "", user.id);
  if (!sheet) throw notFound();
  return { user, eventId, sheet };
}

export async function requireJudgeOnRecheck(request: Request, params: Params) {
  const user = await requireJudge(request);
  const recheckId = parseId(params.recheckId);
  if (recheckId === null) throw notFound();
  const sheet = await loadRecheckSheet(recheckId, user.id);
  if (!sheet) throw notFound();
  return { user, recheckId, sheet };
}
