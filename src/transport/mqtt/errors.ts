import type { Packet } from "mqtt";

/** The closed list of things that go wrong on an MQTT link. */
export type TransportErrorCode =
  | "unreachable" // no connection could be made (DNS, TCP, TLS, CONNACK timeout)
  | "connect-refused" // the broker answered CONNECT with a failure reason code
  | "connection-lost" // an established connection ended
  | "pending-limit" // publish refused: maxPending messages are already waiting
  | "publish-refused" // the broker answered PUBLISH with a failure reason code (MQTT 5)
  | "subscribe-refused" // the broker answered SUBSCRIBE with a failure reason code
  | "handler-failed" // a subscription handler threw
  | "closed"; // the binding was closed

const CODES: ReadonlySet<string> = new Set<TransportErrorCode>([
  "unreachable",
  "connect-refused",
  "connection-lost",
  "pending-limit",
  "publish-refused",
  "subscribe-refused",
  "handler-failed",
  "closed",
]);

export interface TransportErrorDetails {
  /** The MQTT reason code (MQTT 5) or CONNACK return code (3.1.1), where the broker gave one. */
  readonly reasonCode?: number;
  /** The packet that carried the reason code (CONNACK, SUBACK, PUBACK, DISCONNECT). */
  readonly packet?: Packet;
  /** The topic or filter involved. */
  readonly topic?: string;
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

  toJSON(): { name: "TransportError"; code: TransportErrorCode; message: string; reasonCode?: number; topic?: string } {
    const { reasonCode, topic } = this.details;
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(reasonCode === undefined ? {} : { reasonCode }),
      ...(topic === undefined ? {} : { topic }),
    };
  }
}

/** True for any TransportError (optionally of one code), also one made by a second loaded copy of this module. */
export function isTransportError(value: unknown, code?: TransportErrorCode): value is TransportError {
  if (!(value instanceof Error) || value.name !== "TransportError") return false;
  const actual = (value as { code?: unknown }).code;
  return typeof actual === "string" && CODES.has(actual) && (code === undefined || actual === code);
}

/** The numeric reason code mqtt.js puts on its errors (`ErrorWithReasonCode.code`), if any. */
export function reasonCodeOf(error: unknown): number | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "number" ? code : undefined;
}
