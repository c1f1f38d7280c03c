// Who may open an entry's sheets: a judge assigned to the event (the chief judge for
// reviews), and never for an entry of their own unit or its parent union (recusal) —
// for them such an entry does not exist, so it is a 404 whatever the URL says.
import type { Params } from "@remix-run/react";
import { judgeAssignment, judgeEntry } from "~/models/judging.server";
import { forbidden, notFound, requireJudge } from "~/http/session.server";
import { parseId } from "~/utils/ids";

export async function requireJudgeOnEntry(
  request: Request,
  params: Params,
  options: { chief?: boolean } = {},
) {
  const user = await requireJudge(request);
  const eventId = parseId(params.eventId);
  const registrationId = parseId(params.registrationId);
  if (eventId === null || registrationId === null) throw notFound();
  const assignment = await judgeAssignment(eventId, user.id);
  if (!assignment) throw notFound();
  if (options.chief && !assignment.isChief) throw forbidden();
  if (!(await judgeEntry(eventId, registrationId, assignment.user.organisationId)))
    throw notFound();
  return { user, eventId, registrationId };
}
