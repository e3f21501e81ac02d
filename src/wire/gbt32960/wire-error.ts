/** The closed family of errors the GB/T 32960 codec throws or yields. Every one names where it happened. */
export type WireErrorName =
  | "TruncatedError" // the input ends inside a field
  | "StartSymbolError" // no "##" or "$$" where a frame must start, or bytes skipped to find one
  | "LengthError" // a declared length is impossible, or bytes are left over after the last field
  | "ChecksumError" // the BCC check byte does not match the frame
  | "UnknownCodeError" // a command, information type or ID whose layout is unknown, so reading cannot go on
  | "ValueError" // a value that cannot be written to (or was never meant to be read from) its field
  | "CipherError"; // a data unit cannot be decrypted or encrypted with the configured keys

const NAMES: ReadonlySet<string> = new Set<WireErrorName>([
  "TruncatedError",
  "StartSymbolError",
  "LengthError",
  "ChecksumError",
  "UnknownCodeError",
  "ValueError",
  "CipherError",
]);

export interface WireErrorDetails {
  /** Byte offset from the frame's first byte; for bytes the stream framer skipped, from the start of the stream. */
  readonly offset?: number;
  /** Dotted path of the field, e.g. "realtime2016.units[0].vehicle.speed"; "" for the frame as a whole. */
  readonly field?: string;
}

export class WireError extends Error {
  override readonly name: WireErrorName;
  readonly details: WireErrorDetails;

  /** The message reads "offset 24, realtime2016.time.month: <reason>", leaving out what is unknown. */
  constructor(name: WireErrorName, reason: string, details: WireErrorDetails = {}, cause?: unknown) {
    super(locate(details) + reason, cause === undefined ? undefined : { cause });
    this.name = name;
    this.details = details;
  }

  toJSON(): { name: WireErrorName; message: string } & WireErrorDetails {
    return { name: this.name, message: this.message, ...this.details };
  }
}

/** True for any WireError, also one thrown by a second loaded copy of this module. */
export function isWireError(value: unknown, name?: WireErrorName): value is WireError {
  if (!(value instanceof Error) || !NAMES.has(value.name)) return false;
  return name === undefined || value.name === name;
}

function locate({ offset, field }: WireErrorDetails): string {
  const parts = [offset === undefined ? "" : `offset ${offset}`, field ?? ""].filter((p) => p !== "");
  return parts.length === 0 ? "" : `${parts.join(", ")}: `;
}

/** Two-digit lower-case hex, as the messages print bytes: 0x3c. */
export function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, "0")}`;
}
