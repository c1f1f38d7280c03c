// Headers every response carries. Scripts run only from this origin or, in an HTML page,
// when they carry that response's nonce (Remix's hydration scripts do; an injected inline
// script cannot know it). Inline styles stay allowed: they cannot run code.
import { randomBytes } from "node:crypto";

function contentSecurityPolicy(nonce: string | null): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh nonce for one HTML response: 128 random bits. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export function applySecurityHeaders(headers: Headers, nonce: string | null = null): void {
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
}
