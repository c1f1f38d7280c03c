import type { Role } from "~/domain/roles";

export type NavItem = { to: string; label: string; end?: boolean };

/** Everyone's public links, then the area of the signed-in role. */
const PUBLIC_ITEMS: NavItem[] = [
  { to: "/", label: "nav.home", end: true },
  { to: "/contests", label: "nav.contests" },
];

const ROLE_ITEMS: Record<Role, NavItem[]> = {
  admin: [{ to: "/admin", label: "nav.admin" }],
  org_manager: [{ to: "/org", label: "nav.org" }],
  judge: [{ to: "/judge", label: "nav.judge" }],
  worker: [{ to: "/me", label: "nav.me" }],
};

export function navItemsFor(role: Role | null): NavItem[] {
  return role ? [...PUBLIC_ITEMS, ...ROLE_ITEMS[role]] : PUBLIC_ITEMS;
}
