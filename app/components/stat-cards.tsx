import { useT, type MessageKey } from "~/i18n";

/** A row of big numbers with their labels (label keys are i18n keys). */
export function StatCards({ items }: { items: [label: MessageKey, value: number][] }) {
  const t = useT();
  return (
    <dl className="stat-cards">
      {items.map(([label, value]) => (
        <div key={label} className="stat-card">
          <dt>{t(label)}</dt>
          <dd>{value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
