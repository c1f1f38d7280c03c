import type { LoaderFunctionArgs } from "@remix-run/node";
import { getQuizContest } from "~/models/quiz.server";
import { notFound, requireOrganiser } from "~/http/session.server";
import { questionTemplate } from "~/http/quiz-xlsx.server";
import { applySecurityHeaders } from "~/http/security-headers.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const contest = await getQuizContest(organiser.scope, params.code ?? "");
  if (!contest) throw notFound();
  const headers = new Headers({
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="question-bank-template.xlsx"; filename*=UTF-8''${encodeURIComponent("题库导入模板.xlsx")}`,
    "Cache-Control": "no-store",
  });
  applySecurityHeaders(headers);
  return new Response(new Uint8Array(await questionTemplate()), { headers });
}
