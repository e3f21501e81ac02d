import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { BusDriver } from "../bus-driver.ts";
import type { StandardVersion, SutRole } from "../verdict.ts";

/** A PICS item: a capability the SUT claims or not. */
export interface PicsItem {
  /** e.g. "PICS_OBU_RX_MAP". */
  readonly name: string;
  readonly description: string;
  /** What an omitted item means. */
  readonly default: boolean;
}

/** A harness-side peer that runs for a whole suite run, e.g. the platform a T-Box under test logs in to. */
export interface Peer {
  stop(): Promise<void>;
}

/** What the engine needs to know about a role's suite. */
export interface RoleDefinition<P> {
  readonly role: SutRole;
  /** How the harness reaches the SUT: over the MQTT bus, or VISS over WebSocket. */
  readonly transport: "bus" | "viss";
  /**
   * How the harness meets the SUT over GB/T 32960 TCP (PIXIT `tcp`), for the roles that speak it:
   * it listens as the platform a T-Box connects to, or connects as vehicles to a platform.
   */
  readonly tcp?: "listen" | "connect";
  /** JSON Schema of the PIXIT `params` section, with a `default` for every optional key. */
  readonly paramsSchema: object;
  readonly pics: readonly PicsItem[];
  /** The standards the role's requirements come from. */
  readonly standards: readonly StandardVersion[];
  /** Starts the role's harness-side peer, when the SUT needs one to talk to. */
  readonly startPeer?: (bus: BusDriver, params: P) => Promise<Peer>;
  /** The message kinds the harness listens to, and whose: the SUT's own topics, or every id's. */
  readonly observes: readonly { readonly kind: MessageKindName; readonly of: "sut" | "any" }[];
}

/** The PIXIT param every role with passive tests has: how long they watch the SUT. */
export const OBSERVE_MS_PARAM = { type: "integer", minimum: 100, default: 3000, description: "How long passive tests watch the SUT, ms." } as const;
