/** The closed family of errors the UPER codec throws. */
export type UperErrorName =
  | "PrematureEndError" // the input ends inside a value
  | "ValueOutOfRangeError" // a number, enumeration index or bit outside its constraint
  | "LengthMismatchError" // a length or item count outside its SIZE constraint, or octets left over
  | "ChoiceIndexError" // a CHOICE index beyond its alternatives, or no alternative set
  | "UnknownExtensionError" // an extension alternative or value this schema does not define
  | "InvalidValueError"; // a value of the wrong shape to encode (missing component, not an integer …)

const NAMES: ReadonlySet<string> = new Set<UperErrorName>([
  "PrematureEndError",
  "ValueOutOfRangeError",
  "LengthMismatchError",
  "ChoiceIndexError",
  "UnknownExtensionError",
  "InvalidValueError",
]);

export interface UperErrorDetails {
  /** Bit offset from the start of the encoding where reading or writing failed. */
  readonly bitOffset: number;
  /** Path of the component from the root value, e.g. "bsmFrame.safetyExt.pathHistory.crumbData[2].speed"; "" is the root. */
  readonly path: string;
}

export class UperError extends Error {
  override readonly name: UperErrorName;
  /** What was wrong, without the location. */
  readonly reason: string;
  private located: UperErrorDetails;

  constructor(name: UperErrorName, reason: string, details: UperErrorDetails) {
    super(describe(reason, details));
    this.name = name;
    this.reason = reason;
    this.located = details;
  }

  get details(): UperErrorDetails {
    return this.located;
  }

  /**
   * Moves the error one level further from the root while it unwinds: `segment` is a component
   * key or an item index "[n]". Done in place, as a new error per level would capture a stack
   * trace per level.
   */
  relocate(segment: string): this {
    const { path } = this.located;
    const joined = path === "" ? segment : path.startsWith("[") ? `${segment}${path}` : `${segment}.${path}`;
    this.located = { ...this.located, path: joined };
    this.message = describe(this.reason, this.located);
    return this;
  }

  toJSON(): { name: UperErrorName; message: string } & UperErrorDetails {
    return { name: this.name, message: this.message, ...this.located };
  }
}

function describe(reason: string, details: UperErrorDetails): string {
  return `${details.path === "" ? "<root>" : details.path}: ${reason} (at bit ${details.bitOffset})`;
}

/** A UperError at `bitOffset`, placed at the root; enclosing components add their names as it unwinds. */
export function uperError(name: UperErrorName, reason: string, bitOffset: number): UperError {
  return new UperError(name, reason, { bitOffset, path: "" });
}

/** True for any UperError, also one thrown by a second loaded copy of this module. */
export function isUperError(value: unknown, name?: UperErrorName): value is UperError {
  if (!(value instanceof Error) || !NAMES.has(value.name)) return false;
  if (typeof (value as Partial<UperError>).details?.bitOffset !== "number") return false;
  return name === undefined || value.name === name;
}

/** `error` placed under `segment` when it is a UperError; anything else passes through unchanged. */
export function underComponent(error: unknown, segment: string): unknown {
  return error instanceof UperError ? error.relocate(segment) : error;
}
