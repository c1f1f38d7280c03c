import { codeLabel, useT, type KeyPrefix } from "~/i18n";

/** A coloured label for a workflow status; the colour class follows the status code. */
export function StatusBadge({ status, prefix }: { status: string; prefix: KeyPrefix }) {
  const t = useT();
  return <span className={`badge badge--${status}`}>{codeLabel(t, prefix, status)}</span>;
}
