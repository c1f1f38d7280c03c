import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { StatusBadge } from "~/components/status-badge";
import type { KeyPrefix } from "~/i18n";

/**
 * A card on a list page of things that move through states (contests, honours rounds): the
 * state, the name linking to its page, and whatever details the list adds.
 */
export function StatusCard({
  item,
  statusPrefix,
  to,
  children,
}: {
  item: { name: string; status: string };
  /** The i18n prefix of the state names, e.g. "rules.contest_status". */
  statusPrefix: KeyPrefix;
  to: string;
  children?: ReactNode;
}) {
  return (
    <article className="card">
      <p className="card__eyebrow">
        <StatusBadge status={item.status} prefix={statusPrefix} />
      </p>
      <h2 className="card__title">
        <Link to={to}>{item.name}</Link>
      </h2>
      {children}
    </article>
  );
}
