import { NavLink } from "@remix-run/react";
import { useT } from "~/i18n";

/** Where a recipient's own page is: a person, a unit or collective, or a studio. */
export function recipientHref(award: {
  recipientKind: string;
  workerId: number | null;
  organisationId: number | null;
  studioId: number | null;
}): string | null {
  if (award.recipientKind === "worker" && award.workerId)
    return `/honours/workers/${award.workerId}`;
  if (award.recipientKind === "studio" && award.studioId)
    return `/honours/studios/${award.studioId}`;
  if (award.organisationId) return `/honours/organisations/${award.organisationId}`;
  return null;
}

/** The honours area's own sub-navigation, shown on each public honours page. */
export function HonourLinks() {
  const t = useT();
  return (
    <nav className="honour-links" aria-label={t("honours.roll.title")}>
      {/* NavLink marks the page shown (aria-current); /honours only on itself. */}
      <NavLink to="/honours" end>
        {t("honours.roll.title")}
      </NavLink>
      <NavLink to="/honours/showcase">{t("honours.links.showcase")}</NavLink>
      <NavLink to="/honours/studios">{t("honours.links.studios")}</NavLink>
      <NavLink to="/honours/notices">{t("honours.links.notices")}</NavLink>
      <NavLink to="/verify">{t("honours.links.verify")}</NavLink>
    </nav>
  );
}

/** A portrait placeholder with the recipient's first character, as the printed showcase does without a photo. */
export function Portrait({
  name,
  photoUrl,
  size = "md",
}: {
  name: string;
  photoUrl?: string | null;
  size?: "md" | "lg";
}) {
  return photoUrl ? (
    <img className={`portrait portrait--${size}`} src={photoUrl} alt="" />
  ) : (
    <span className={`portrait portrait--${size}`} aria-hidden="true">
      {Array.from(name)[0] ?? "·"}
    </span>
  );
}
