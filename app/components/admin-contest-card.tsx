import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { StatusBadge } from "~/components/status-badge";

/** A contest on an organiser's list page: status, name linking to its admin page, details. */
export function AdminContestCard({
  contest,
  to,
  children,
}: {
  contest: { name: string; status: string };
  to: string;
  children?: ReactNode;
}) {
  return (
    <article className="card">
      <p className="card__eyebrow">
        <StatusBadge status={contest.status} prefix="rules.contest_status" />
      </p>
      <h2 className="card__title">
        <Link to={to}>{contest.name}</Link>
      </h2>
      {children}
    </article>
  );
}
