// Which address a request came from, for per-address limits. Each trusted reverse proxy
// appends the address it received the request from to X-Forwarded-For, so the client is the
// right-most entry that no trusted proxy wrote; anything left of it was sent by the client
// and proves nothing. With no trusted proxy it is the socket's peer.
const MAX_ADDRESS_LENGTH = 64;

function normalise(address: string | null | undefined): string | null {
  const trimmed = address?.trim() ?? "";
  if (trimmed === "" || trimmed.length > MAX_ADDRESS_LENGTH) return null;
  // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
  return trimmed.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

export function clientAddressFrom(
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
  trustedProxies: number,
): string | null {
  // Nearest hop first: the peer, then X-Forwarded-For read from the right.
  const forwarded = forwardedFor?.trim() ? forwardedFor.split(",").reverse() : [];
  const hops = [peer, ...forwarded];
  // The trusted proxies' own entries are skipped; the next hop is the client. A request that
  // came through fewer proxies than configured is judged by the farthest hop it has.
  return normalise(hops[Math.min(trustedProxies, hops.length - 1)]);
}
