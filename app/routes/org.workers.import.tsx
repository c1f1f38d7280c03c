import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ImportPage } from "~/components/import-report";
import { useT } from "~/i18n";
import { MAX_ROSTER_ROWS, importRoster } from "~/models/worker.server";
import { requireOrgManager } from "~/http/session.server";
import { MAX_ROSTER_CSV_MB, MAX_UPLOAD_MB, answerImport } from "~/http/upload.server";
import regStyles from "~/styles/registrations.css";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.org.workers.import");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrgManager(request);
  return { maxMb: MAX_UPLOAD_MB, maxCsvMb: MAX_ROSTER_CSV_MB, maxRows: MAX_ROSTER_ROWS };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrgManager(request);
  return answerImport(
    request,
    (upload) => importRoster(user.organisationId, user.id, upload.file),
    "roster",
  );
}

export default function RosterImport() {
  // The limits come from the loader: *.server values do not exist in the browser.
  const limits = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <ImportPage
      id="roster-import"
      title={t("reg.import.rosterTitle")}
      back={{ to: "/org/workers", label: t("reg.worker.title") }}
      limits={limits}
      template="roster"
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      result={result}
    />
  );
}
