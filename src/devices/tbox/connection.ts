import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { MessageKindName } from "../../transport/message-kinds.ts";
import type { Observation } from "../../transport/observation.ts";
import type { TerminalSettings } from "./terminal-parameters.ts";

/** One open connection of the T-Box to its platform. */
export interface TboxConnection {
  readonly connected: boolean;
  /** Sends a frame of that kind; rejects when it cannot go out. */
  send(kind: MessageKindName, frame: Frame): Promise<void>;
  /** `listener` runs each time the connection is back after a loss it recovered from by itself. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/** How the T-Box reaches its platform: the MQTT bus or GB/T 32960 over TCP. */
export interface TboxTransport {
  /** Over TCP the platform ends a session with its connection, so each new connection needs a new login; on MQTT the broker holds the session. */
  readonly loginPerConnection: boolean;
  /** Connects; every frame (or unreadable input) from the platform goes to `hear`. Rejects with a DeviceError. */
  open(hear: (observation: Observation) => void): Promise<TboxConnection>;
  /** Where the T-Box sends what and hears the platform, one line each. */
  describe(settings: TerminalSettings): string[];
}
