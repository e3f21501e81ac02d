import type { VissDialect } from "./viss-dialect.ts";

/** WebSocket subprotocols of VISS and the dialect each one speaks (spec A2). */
export const VISS_SUBPROTOCOLS: Readonly<Record<string, VissDialect>> = { VISSv2: "v2", VISSv3: "v3" };

export type Negotiation = { readonly ok: true; readonly protocol: string | undefined } | { readonly ok: false; readonly reason: string };

/**
 * Which of the `accepted` subprotocols (in the server's order of preference) to answer an offer
 * with. A client offering none is accepted without one unless `required`.
 */
export function negotiateSubprotocol(offered: readonly string[], accepted: readonly string[], required: boolean): Negotiation {
  if (offered.length === 0) {
    return required ? { ok: false, reason: `no subprotocol offered; this server requires one of: ${accepted.join(", ")}` } : { ok: true, protocol: undefined };
  }
  const protocol = accepted.find((name) => offered.includes(name));
  if (protocol === undefined) return { ok: false, reason: `unsupported subprotocol ${offered.map((p) => `"${p}"`).join(", ")}; this server speaks: ${accepted.join(", ")}` };
  return { ok: true, protocol };
}

/** The subprotocols listed in a Sec-WebSocket-Protocol header. */
export function offeredSubprotocols(header: string | undefined): string[] {
  return header === undefined ? [] : header.split(",").map((name) => name.trim()).filter((name) => name !== "");
}
