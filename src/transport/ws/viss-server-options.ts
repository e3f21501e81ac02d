import type { Registry } from "../../schema/index.ts";
import type { TimeSource } from "../observation.ts";
import type { SignalStore } from "./signal-store.ts";
import { VISS_ERROR_PROFILES, type VissErrorProfile, type VissErrorProfileName } from "./viss-error-profiles.ts";

/** Options of the VISS server. Callers pass a Partial plus `registry` and `store`. */
export interface VissServerOptions {
  /** Interface to bind. Default: "127.0.0.1". */
  readonly host: string;
  /** Port to bind; 0 picks a free one (read it back from `server.url`). Default: 0. */
  readonly port: number;
  /** Subprotocols accepted, in order of preference; each is VISSv2 or VISSv3. Default: ["VISSv2"]. */
  readonly subprotocols: readonly string[];
  /**
   * Refuse clients that offer no subprotocol. When false they are served as VISS v2, as Eclipse
   * Kuksa does. Default: false.
   */
  readonly requireSubprotocol: boolean;
  /** Answer a set without `authorization` with the profile's missing-token error. Tokens are not verified. Default: false. */
  readonly requireTokenForSet: boolean;
  /** The (number, reason) pairs of error answers: a profile name or a table of your own. Default: "viss2-strict". */
  readonly errorProfile: VissErrorProfileName | VissErrorProfile;
  /** Clock for `ts` members and observation arrival times, ms since the epoch. Default: Date.now. */
  readonly timeSource: TimeSource;
  /** Largest frame accepted, in bytes; a larger one closes the connection with 1009. Default: 1 MiB. */
  readonly maxPayload: number;
}

export const VISS_SERVER_DEFAULTS: VissServerOptions = {
  host: "127.0.0.1",
  port: 0,
  subprotocols: ["VISSv2"],
  requireSubprotocol: false,
  requireTokenForSet: false,
  errorProfile: "viss2-strict",
  timeSource: () => Date.now(),
  maxPayload: 1024 * 1024,
};

export interface VissServerInput extends Partial<VissServerOptions> {
  /** Schema registry: the codec reads VISS spellings from it and requests are validated against it. */
  readonly registry: Registry;
  /** The signals the server serves. */
  readonly store: SignalStore;
}

export function errorProfileOf(profile: VissErrorProfileName | VissErrorProfile): VissErrorProfile {
  return typeof profile === "string" ? VISS_ERROR_PROFILES[profile] : profile;
}
