import type { OrganiserScope } from "~/domain/organisation/scope";

/**
 * Who a user is on the platform; decides navigation and every authorisation check.
 * superadmin: the platform's top administrator (manages unions and organisers, and sees every
 * union's work); admin: an organiser (组织者) of one union and its subtree.
 */
export const ROLES = ["superadmin", "admin", "org_manager", "judge", "worker"] as const;
export type Role = (typeof ROLES)[number];

/** Who does something, as the models need to know it for authorisation and the audit log. */
export type Actor = { id: number; role: Role; organisationId: number | null };

/** An organiser (or the top administrator) with the records they manage. */
export type Organiser = Actor & { scope: OrganiserScope };

/** Roles that use the organiser's pages. */
export const ORGANISER_ROLES = ["superadmin", "admin"] as const satisfies readonly Role[];

export function isOrganiserRole(role: string): boolean {
  return (ORGANISER_ROLES as readonly string[]).includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  superadmin: "/admin",
  admin: "/admin",
  org_manager: "/org",
  judge: "/judge",
  worker: "/me",
};
