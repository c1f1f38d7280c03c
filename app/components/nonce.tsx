// The Content-Security-Policy nonce of the page being rendered on the server, for the
// inline scripts Remix writes. The browser hides nonces from the page, so the client renders
// without one; no inline script is added after hydration.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
