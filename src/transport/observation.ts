/** Payload encodings the harness speaks; the wire formats of issue 5 add "per" and "gbt32960". */
export type Encoding = "protobuf" | "json" | "per" | "gbt32960";

/** Milliseconds since the Unix epoch. Transports take one so tests and simulations can use virtual time. */
export type TimeSource = () => number;

/**
 * One message as it was seen at the edge: decoded once, with its raw bytes and arrival time
 * (ARCHITECTURE.md §2). Nothing downstream re-parses bytes.
 */
export interface Observation<T = Record<string, unknown>> {
  /** Where it arrived: an MQTT topic, a WebSocket URL, a TCP peer. */
  readonly channel: string;
  /** Full message type name, e.g. "v2xh.csae53.v1.MessageFrame"; "" when the channel does not say. */
  readonly typeName: string;
  readonly encoding: Encoding;
  /** Arrival time, from the observing side's time source. */
  readonly receivedAt: number;
  readonly raw: Uint8Array;
  /** The decoded message, or the reason it could not be decoded. Never both. */
  readonly decoded: { readonly ok: true; readonly message: T } | { readonly ok: false; readonly error: string };
}
