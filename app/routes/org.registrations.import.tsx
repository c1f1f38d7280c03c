import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/form-fields";
import { ImportPage } from "~/components/import-report";
import { useT } from "~/i18n";
import {
  MAX_REGISTRATION_ROWS,
  importRegistrations,
  listOpenContestsForImport,
} from "~/models/registration-org.server";
import { requireOrgManager } from "~/http/session.server";
import { MAX_UPLOAD_MB, answerImport } from "~/http/upload.server";
import regStyles from "~/styles/registrations.css";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: regStyles }];
export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "title.org.registrations.import");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrgManager(request);
  return {
    contests: await listOpenContestsForImport(),
    maxMb: MAX_UPLOAD_MB,
    maxRows: MAX_REGISTRATION_ROWS,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrgManager(request);
  return answerImport(request, async (upload) => {
    const contestId = Number(upload.formData.get("contestId"));
    if (!Number.isInteger(contestId) || contestId <= 0) return null;
    return importRegistrations(user.id, user.organisationId, contestId, upload.file);
  });
}

export default function EntriesImport() {
  // The limits come from the loader: *.server values do not exist in the browser.
  const { contests, ...limits } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <ImportPage
      id="entries-import"
      title={t("reg.import.entriesTitle")}
      back={{ to: "/org/registrations", label: t("reg.entry.title") }}
      limits={limits}
      help={t("reg.import.entriesHelp")}
      template="entries"
      accept=".csv,.xlsx"
      result={result}
      unavailable={contests.length === 0 ? t("reg.import.noContest") : null}
    >
      <SelectField id="import-contest" name="contestId" label={t("reg.import.contest")}>
        {contests.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {t("punct.paren", {
              text: c.events.map((e) => `${e.code} ${e.name}`).join(t("punct.comma")),
            })}
          </option>
        ))}
      </SelectField>
    </ImportPage>
  );
}
