// Cross-site request forgery guard for actions. The server in front (app/server/serve.ts)
// refuses the same requests first; this check keeps actions safe under any other server.
// SameSite=Lax on the session cookie is the second line: such a post arrives signed out.
import { isSameOriginRequest } from "~/utils/same-origin";

export function isSameOrigin(request: Request): boolean {
  return isSameOriginRequest(request.method, request.headers, new URL(request.url).host);
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) {
    throw new Response("Cross-site request refused", { status: 403, statusText: "Forbidden" });
  }
}
