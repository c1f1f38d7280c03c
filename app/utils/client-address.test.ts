import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

describe("clientAddressFrom", () => {
  it("uses the socket's peer when no proxy is trusted, whatever the client forwards", () => {
    expect(clientAddressFrom("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(clientAddressFrom("::ffff:203.0.113.9", null, 0)).toBe("203.0.113.9");
  });
  it("takes the right-most hop that no trusted proxy wrote, not the client's own entries", () => {
    // The client sent "1.1.1.1, 2.2.2.2"; the one proxy appended the real client 203.0.113.9.
    const chain = "1.1.1.1, 2.2.2.2, 203.0.113.9";
    expect(clientAddressFrom("10.0.0.2", chain, 1)).toBe("203.0.113.9");
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddressFrom("10.0.0.3", `${chain}, 10.0.0.2`, 2)).toBe("203.0.113.9");
  });
  it("never lets a forged left-most entry choose the address", () => {
    for (const forged of ["9.9.9.9", "9.9.9.9, 8.8.8.8", "x".repeat(30)]) {
      expect(clientAddressFrom("10.0.0.2", `${forged}, 203.0.113.9`, 1)).toBe("203.0.113.9");
    }
  });
  it("falls back to the farthest hop when fewer proxies were passed than configured", () => {
    expect(clientAddressFrom("203.0.113.9", null, 1)).toBe("203.0.113.9");
    expect(clientAddressFrom("10.0.0.2", "203.0.113.9", 3)).toBe("203.0.113.9");
  });
  it("refuses absurd values", () => {
    expect(clientAddressFrom("10.0.0.2", "a".repeat(200), 1)).toBeNull();
    expect(clientAddressFrom(null, null, 0)).toBeNull();
  });
});
