import { Link } from "@remix-run/react";
import { useT, type MessageKey } from "~/i18n";

/** A row of big numbers with their labels (label keys are i18n keys), each a link when given one. */
export function StatCards({ items }: { items: [label: MessageKey, value: number, to?: string][] }) {
  const t = useT();
  return (
    <dl className="stat-cards">
      {items.map(([label, value, to]) => (
        <div key={label} className="stat-card">
          <dt>{to ? <Link to={to}>{t(label)}</Link> : t(label)}</dt>
          <dd>{value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
