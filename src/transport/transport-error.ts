import type { Packet } from "mqtt";

/** The closed list of things that go wrong on a transport (MQTT, WebSocket). */
export type TransportErrorCode =
  | "unreachable" // no connection could be made (DNS, TCP, TLS, CONNACK timeout)
  | "connect-refused" // the broker answered CONNECT with a failure reason code
  | "connection-lost" // an established connection ended
  | "pending-limit" // publish refused: maxPending messages are already waiting
  | "publish-refused" // the broker answered PUBLISH with a failure reason code (MQTT 5)
  | "subscribe-refused" // the broker answered SUBSCRIBE with a failure reason code
  | "handler-failed" // a subscription handler threw
  | "closed" // the binding or connection was closed, or closed while a request waited for its answer
  | "listen-failed" // a server could not bind its host and port
  | "timeout" // no answer arrived in time
  | "wire-format"; // bytes or JSON on the wire (or given to be sent) do not have the expected shape

const CODES: ReadonlySet<string> = new Set<TransportErrorCode>([
  "unreachable",
  "connect-refused",
  "connection-lost",
  "pending-limit",
  "publish-refused",
  "subscribe-refused",
  "handler-failed",
  "closed",
  "listen-failed",
  "timeout",
  "wire-format",
]);

export interface TransportErrorDetails {
  /** The MQTT reason code (MQTT 5) or CONNACK return code (3.1.1), where the broker gave one. */
  readonly reasonCode?: number;
  /** The packet that carried the reason code (CONNACK, SUBACK, PUBACK, DISCONNECT). */
  readonly packet?: Packet;
  /** The topic or filter involved. */
  readonly topic?: string;
  /** The WebSocket URL involved. */
  readonly url?: string;
  /** WebSocket close code (RFC 6455 §7.4), e.g. 1009 for a frame that was too large. */
  readonly closeCode?: number;
  /** Close reason or handshake refusal text sent by the peer. */
  readonly closeReason?: string;
  /** HTTP status of a refused WebSocket handshake. */
  readonly httpStatus?: number;
  /** JSON path of the offending member of a VISS message, e.g. "filter.parameter.period". */
  readonly path?: string;
  /** VISS request id the error belongs to. */
  readonly requestId?: string;
}

export class TransportError extends Error {
  override readonly name = "TransportError";
  readonly code: TransportErrorCode;
  readonly details: TransportErrorDetails;

  constructor(code: TransportErrorCode, message: string, details: TransportErrorDetails = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.details = details;
  }

  get reasonCode(): number | undefined {
    return this.details.reasonCode;
  }

  /** Everything but the packet, which need not serialise. */
  toJSON(): { name: "TransportError"; code: TransportErrorCode; message: string } & Omit<TransportErrorDetails, "packet"> {
    const { packet, ...details } = this.details;
    return { name: this.name, code: this.code, message: this.message, ...details };
  }
}

/** True for any TransportError (optionally of one code), also one made by a second loaded copy of this module. */
export function isTransportError(value: unknown, code?: TransportErrorCode): value is TransportError {
  if (!(value instanceof Error) || value.name !== "TransportError") return false;
  const actual = (value as { code?: unknown }).code;
  return typeof actual === "string" && CODES.has(actual) && (code === undefined || actual === code);
}

