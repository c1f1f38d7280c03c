import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { certificateHref } from "~/components/certificate-list";
import { prizeCertificateSerials } from "~/models/certificate.server";
import { ScoreReceipt } from "~/components/score-receipt";
import { useT } from "~/i18n";
import { receiptFor } from "~/models/results.server";
import { notFound, requireWorker } from "~/http/session.server";
import stylesHref from "~/styles/judging.css";
import { listPublishedResults } from "~/models/results.server";
import { idParam } from "~/utils/ids";
import { pageTitle } from "~/i18n/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "title.me.receipt");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireWorker(request);
  const registrationId = idParam(params.registrationId);
  // Only the worker's own published entries (individual or as a team member).
  const own = await listPublishedResults({ workerId: user.workerId });
  if (!own.some((r) => r.id === registrationId)) throw notFound();
  const receipt = await receiptFor(registrationId);
  if (!receipt) throw notFound();
  const serials = await prizeCertificateSerials([registrationId]);
  return { ...receipt, certificate: serials[registrationId] ?? null };
}

export default function MyReceipt() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="receipt-title">
      <p className="eyebrow">{data.event.contestName}</p>
      <h1 id="receipt-title">
        {t("scoring.receipt.title")} · {data.event.name}
      </h1>
      <p className="muted">
        {data.entry.name} · {t("scoring.receipt.entry")} {data.entry.entryNumber}
      </p>
      <ScoreReceipt
        receipt={data.receipt}
        criterionNames={data.criterionNames}
        partNames={data.partNames}
        standardisation={data.standardisation}
        recheck={data.recheck}
      />
      <p className="section">
        {data.certificate ? (
          <>
            <a className="btn btn--primary" href={certificateHref(data.certificate)} download>
              {t("cert.forEntry")}
            </a>{" "}
          </>
        ) : null}
        <Link to="/me/certificates">{t("cert.seeAll")} →</Link>
      </p>
    </section>
  );
}
