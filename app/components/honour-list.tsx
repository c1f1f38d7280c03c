import { Link } from "@remix-run/react";
import { useT, codeLabel } from "~/i18n";

type Award = {
  id: number;
  kind: string;
  level: string;
  year: number;
  conferringBody: string;
  citation: string;
  certificates: { serial: string }[];
};

/** A recipient's honours as a timeline, newest first, each with its verifiable certificate. */
export function HonourTimeline({ awards }: { awards: Award[] }) {
  const t = useT();
  return (
    <ol className="honour-timeline">
      {awards.map((a) => (
        <li key={a.id}>
          <p className="honour-timeline__year">{a.year}</p>
          <div>
            <p className="honour-timeline__title">
              {t("honours.levelKind", {
                level: codeLabel(t, "rules.honour_level", a.level),
                kind: codeLabel(t, "rules.honour_kind", a.kind),
              })}
            </p>
            <p className="muted small">
              {t("honours.roll.conferredBy", { body: a.conferringBody })}
            </p>
            {a.citation ? <p>{a.citation}</p> : null}
            {a.certificates.map((c) => (
              <p key={c.serial} className="small">
                <Link to={`/verify/${c.serial}`}>
                  {t("honours.certificate.view", { serial: c.serial })}
                </Link>
              </p>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}
