/** The closed family of errors the WebSocket transport throws or emits. */
export type TransportErrorName =
  | "ListenError" // the server could not bind its host and port
  | "ConnectError" // the connection could not be opened: unreachable, handshake refused, subprotocol not accepted
  | "ClosedError" // the connection is closed, or closed while a request was waiting for its answer
  | "TimeoutError" // no answer arrived in time
  | "WireFormatError"; // bytes or JSON on the wire (or given to be sent) do not have the expected shape

const NAMES: ReadonlySet<string> = new Set<TransportErrorName>(["ListenError", "ConnectError", "ClosedError", "TimeoutError", "WireFormatError"]);

export interface TransportErrorDetails {
  /** The WebSocket URL involved. */
  readonly url?: string;
  /** WebSocket close code (RFC 6455 §7.4), e.g. 1009 for a frame that was too large. */
  readonly closeCode?: number;
  /** Close reason or handshake refusal text sent by the peer. */
  readonly closeReason?: string;
  /** HTTP status of a refused handshake. */
  readonly httpStatus?: number;
  /** JSON path of the offending member of a VISS message, e.g. "filter.parameter.period". */
  readonly path?: string;
  /** VISS request id the error belongs to. */
  readonly requestId?: string;
}

export class TransportError extends Error {
  override readonly name: TransportErrorName;
  readonly details: TransportErrorDetails;

  constructor(name: TransportErrorName, message: string, details: TransportErrorDetails = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = name;
    this.details = details;
  }

  toJSON(): { name: TransportErrorName; message: string } & TransportErrorDetails {
    return { name: this.name, message: this.message, ...this.details };
  }
}

/** True for any TransportError, also one thrown by a second loaded copy of this module. */
export function isTransportError(value: unknown, name?: TransportErrorName): value is TransportError {
  if (!(value instanceof Error) || !NAMES.has(value.name)) return false;
  return name === undefined || value.name === name;
}
