// The client's address for per-address limits (sign-in, objections): the socket's peer as
// the server hands it over, or behind TRUST_PROXY reverse proxies the right-most
// X-Forwarded-For entry that none of them wrote (app/utils/client-address.ts).
import type { AppLoadContext } from "@remix-run/node";
import { env } from "~/env.server";
import { clientAddressFrom } from "~/utils/client-address";

export function clientAddress(
  request: Request,
  context: AppLoadContext | undefined,
): string | null {
  return clientAddressFrom(
    context?.peerAddress ?? null,
    request.headers.get("X-Forwarded-For"),
    env.TRUST_PROXY,
  );
}
