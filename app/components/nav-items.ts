import type { MessageKey } from "~/i18n";
import type { Role } from "~/domain/roles";

export type NavItem = { to: string; label: MessageKey; end?: boolean };

/** Everyone's public links, then the area of the signed-in role. */
const PUBLIC_ITEMS: NavItem[] = [
  { to: "/", label: "nav.home", end: true },
  { to: "/contests", label: "nav.contests" },
  { to: "/honours", label: "nav.honours" },
  { to: "/results", label: "leaderboard.nav" },
];

// Each role's home page is matched exactly (`end`), so it is not lit on its sub-pages.
const ORGANISER_ITEMS: NavItem[] = [
  { to: "/admin", label: "nav.admin", end: true },
  { to: "/admin/contests", label: "reg.nav.contests" },
  { to: "/admin/identities", label: "reg.nav.identities" },
  { to: "/admin/judging", label: "judging.nav.admin" },
  { to: "/admin/honours", label: "honours.nav.admin" },
  { to: "/admin/labour", label: "labour.nav.admin" },
  { to: "/admin/quiz", label: "quiz.nav.admin" },
  { to: "/admin/statistics", label: "federation.nav.statistics" },
];

const ROLE_ITEMS: Record<Role, NavItem[]> = {
  superadmin: [
    ...ORGANISER_ITEMS,
    { to: "/admin/unions", label: "federation.nav.unions" },
    { to: "/admin/organisers", label: "federation.nav.organisers" },
  ],
  admin: ORGANISER_ITEMS,
  org_manager: [
    { to: "/org", label: "nav.org", end: true },
    { to: "/org/workers", label: "reg.nav.roster" },
    { to: "/org/registrations", label: "reg.nav.entries" },
    { to: "/org/receipts", label: "judging.nav.receipts" },
    { to: "/org/certificates", label: "cert.nav.org" },
    { to: "/org/honours", label: "honours.nav.org" },
    { to: "/org/labour", label: "labour.nav.org" },
  ],
  judge: [{ to: "/judge", label: "nav.judge" }],
  worker: [
    { to: "/me", label: "nav.me", end: true },
    { to: "/me/results", label: "leaderboard.me.title" },
    { to: "/me/receipts", label: "judging.nav.receipts" },
    { to: "/me/certificates", label: "cert.nav" },
    { to: "/quiz", label: "quiz.nav.worker" },
  ],
};

export function navItemsFor(role: Role | null): NavItem[] {
  return role ? [...PUBLIC_ITEMS, ...ROLE_ITEMS[role]] : PUBLIC_ITEMS;
}
