import { formatDate, useLocale, useT } from "~/i18n";
import { stackTable } from "~/components/stack-table";

export type CertificateRow = {
  serial: string;
  kind: string;
  title: string;
  recipientName: string;
  issuedAt: string | Date;
  revokedAt: string | Date | null;
  event: { name: string; contest: { name: string } } | null;
};

/** The path that serves one certificate's PDF (a resource route: a full download). */
export function certificateHref(serial: string): string {
  return `/certificates/${encodeURIComponent(serial)}.pdf`;
}

/** A worker's or a unit's certificates, each with its PDF and verification page. */
export function CertificateList({
  certificates,
  showRecipient,
}: {
  certificates: readonly CertificateRow[];
  showRecipient: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  if (certificates.length === 0) return <p className="muted">{t("cert.empty")}</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table {...stackTable.table}>
        <thead {...stackTable.rowgroup}>
          <tr {...stackTable.row}>
            <th {...stackTable.columnheader}>{t("cert.col.title")}</th>
            {showRecipient ? <th {...stackTable.columnheader}>{t("cert.col.recipient")}</th> : null}
            <th {...stackTable.columnheader}>{t("cert.col.serial")}</th>
            <th {...stackTable.columnheader}>{t("cert.col.issued")}</th>
            <th {...stackTable.columnheader}>{t("cert.col.actions")}</th>
          </tr>
        </thead>
        <tbody {...stackTable.rowgroup}>
          {certificates.map((c) => (
            <tr key={c.serial} {...stackTable.row}>
              <td {...stackTable.cell()}>
                <span className="tag">
                  {t(`cert.kind.${c.kind === "prize" ? "prize" : "honour"}`)}
                </span>{" "}
                {c.title}
                {c.event ? (
                  <div className="muted small">
                    {c.event.contest.name} · {c.event.name}
                  </div>
                ) : null}
              </td>
              {showRecipient ? (
                <td {...stackTable.cell(t("cert.col.recipient"))}>{c.recipientName}</td>
              ) : null}
              <td {...stackTable.cell(t("cert.col.serial"))}>{c.serial}</td>
              <td {...stackTable.cell(t("cert.col.issued"))}>{formatDate(locale, c.issuedAt)}</td>
              <td {...stackTable.cell()}>
                {c.revokedAt ? (
                  <span className="badge badge--cancelled">{t("cert.revoked")}</span>
                ) : (
                  <a
                    href={certificateHref(c.serial)}
                    download
                    aria-label={`${t("cert.download")} ${c.serial}`}
                  >
                    {t("cert.download")}
                  </a>
                )}{" "}
                · <a href={`/verify/${encodeURIComponent(c.serial)}`}>{t("cert.verify")}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
