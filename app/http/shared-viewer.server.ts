// The app's side of sharing public pages (app/utils/shared-pages.ts): who a visitor is for
// the server in front, and who the shell shows while a page template is rendered.
import type { AppLoadContext } from "@remix-run/node";
import { isRole, type Role } from "~/domain/roles";
import { getUser, userOfCookie } from "~/http/session.server";
import type { SharedViewer, ShellTemplate } from "~/utils/shared-pages";

/**
 * What a visitor shares. Every signed-in role but the organiser's sees the public boards
 * exactly as an anonymous visitor does, under its own shell; an organiser's boards differ
 * (the live board under a freeze, the settings form), so the app renders them.
 */
export async function sharedViewer(cookieHeader: string | null): Promise<SharedViewer> {
  const user = await userOfCookie(cookieHeader);
  if (!user) return { kind: "anonymous" };
  if (user.role === "admin") return { kind: "own" };
  return { kind: "member", role: user.role, displayName: user.displayName };
}

export function shellTemplateOf(context: AppLoadContext | undefined): ShellTemplate | null {
  return context?.shellTemplate ?? null;
}

export type ShellUser = { displayName: string; role: Role };

/** The user the page shell shows: the template's markers when one is rendered, else the session's. */
export async function shellUser(
  request: Request,
  context: AppLoadContext | undefined,
): Promise<ShellUser | null> {
  const template = shellTemplateOf(context);
  if (template) {
    const viewer = template.viewer;
    return viewer && isRole(viewer.role)
      ? { displayName: viewer.displayName, role: viewer.role }
      : null;
  }
  const user = await getUser(request);
  return user && { displayName: user.displayName, role: user.role };
}
