/** The closed family of errors the schema layer throws. Violations of rules are data, not errors. */
export type SchemaErrorName =
  | "SchemaLoadError" // the .proto files or their rule options are broken (a bug in proto/)
  | "UnknownTypeError" // no message type of that name is loaded
  | "DecodeError" // the input cannot be read as the requested type
  | "EncodeError"; // the value cannot be written as the requested type

const NAMES: ReadonlySet<string> = new Set<SchemaErrorName>([
  "SchemaLoadError",
  "UnknownTypeError",
  "DecodeError",
  "EncodeError",
]);

export interface SchemaErrorDetails {
  /** Full name of the message type involved, e.g. "v2xh.csae53.v1.MessageFrame". */
  readonly typeName?: string;
  /** Dotted path of the offending field, e.g. "bsmFrame.speed". */
  readonly path?: string;
  /** Byte offset in binary input where reading failed. */
  readonly offset?: number;
}

export class SchemaError extends Error {
  override readonly name: SchemaErrorName;
  readonly details: SchemaErrorDetails;

  constructor(name: SchemaErrorName, message: string, details: SchemaErrorDetails = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = name;
    this.details = details;
  }

  toJSON(): { name: SchemaErrorName; message: string } & SchemaErrorDetails {
    return { name: this.name, message: this.message, ...this.details };
  }
}

/** True for any SchemaError, also one thrown by a second loaded copy of this module. */
export function isSchemaError(value: unknown, name?: SchemaErrorName): value is SchemaError {
  if (!(value instanceof Error) || !NAMES.has(value.name)) return false;
  return name === undefined || value.name === name;
}
