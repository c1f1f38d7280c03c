/** Who a user is on the platform; decides navigation and every authorisation check. */
export const ROLES = ["admin", "org_manager", "judge", "worker"] as const;
export type Role = (typeof ROLES)[number];

/** Who does something, as the models need to know it for authorisation and the audit log. */
export type Actor = { id: number; role: Role; organisationId: number | null };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  admin: "/admin",
  org_manager: "/org",
  judge: "/judge",
  worker: "/me",
};
