import type { LoaderFunctionArgs } from "@remix-run/node";
import { codeLabel, makeT, type MessageKey } from "~/i18n";
import { getLocale } from "~/http/locale.server";
import { getContestForAdmin } from "~/models/contest-admin.server";
import { exportRegistrations } from "~/models/registration-review.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { applySecurityHeaders } from "~/http/security-headers.server";
import { csvBytes, xlsxBytes } from "~/utils/spreadsheet.server";
import { idParam } from "~/utils/ids";
import { teamLine } from "~/components/team-line";

/** Registrations of a contest (or one event) as CSV or XLSX with Chinese headers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const contestId = idParam(params.contestId);
  const contest = await getContestForAdmin(organiser.scope, contestId);
  if (!contest) throw notFound();
  const url = new URL(request.url);
  const eventParam = Number(url.searchParams.get("event"));
  const event =
    Number.isInteger(eventParam) && eventParam > 0
      ? contest.events.find((e) => e.id === eventParam)
      : undefined;
  if (url.searchParams.get("event") && !event) throw notFound();
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const locale = await getLocale(request);
  const t = makeT(locale);
  const tr = (key: MessageKey) => t(key);

  const rows = await exportRegistrations(organiser.scope, contest.id, event?.id);
  if (!rows) throw notFound();
  const header = (
    [
      "reg.export.eventCode",
      "reg.export.event",
      "reg.export.organisation",
      "reg.export.entrant",
      "reg.export.members",
      "reg.export.gender",
      "reg.export.idNumber",
      "reg.export.phone",
      "reg.export.trade",
      "reg.export.skillLevel",
      "reg.export.status",
      "reg.export.reason",
      "reg.export.entryNumber",
      "reg.export.blindCode",
      "reg.export.submittedAt",
    ] satisfies MessageKey[]
  ).map(tr);
  const table = [
    header,
    ...rows.map((r) => [
      r.event.code,
      r.event.name,
      r.organisation.name,
      r.worker?.name ?? r.team?.name ?? "",
      r.team ? teamLine(t, r.team) : "",
      r.worker ? codeLabel(t, "rules.gender", r.worker.gender) : "",
      r.worker?.idNumberMasked ?? "",
      r.worker?.phone ?? "",
      r.worker?.trade ?? "",
      r.worker?.skillLevel ? codeLabel(t, "rules.skill_level", r.worker.skillLevel) : "",
      codeLabel(t, "rules.registration_status", r.status),
      r.reason ?? "",
      r.entryNumber ?? "",
      r.blindCode ?? "",
      new Date(r.submittedAt.getTime() + 8 * 3_600_000)
        .toISOString()
        .slice(0, 16)
        .replace("T", " "),
    ]),
  ];
  const base = `${contest.code}${event ? `-${event.code}` : ""}-registrations`;
  const body =
    format === "xlsx"
      ? await xlsxBytes(tr("reg.export.sheet"), table, {
          textColumns: [6, 7, 12],
          widths: [10, 20, 28, 14, 24, 6, 22, 14, 14, 10, 8, 24, 22, 10, 18],
        })
      : csvBytes(table);
  const headers = new Headers({
    "Content-Type":
      format === "xlsx"
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${base}.${format}"; filename*=UTF-8''${encodeURIComponent(`${contest.name}-${tr("reg.export.sheet")}.${format}`)}`,
    "Cache-Control": "no-store",
  });
  applySecurityHeaders(headers);
  return new Response(body, { headers });
}
