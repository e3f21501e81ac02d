/** Options of the decoders. Every field is optional; DEFAULT_CODEC_OPTIONS holds the defaults. */
export interface CodecOptions {
  /** Largest input accepted, in bytes (binary) or characters (JSON). Default: 4 MiB. */
  readonly maxInputSize: number;
}

export const DEFAULT_CODEC_OPTIONS: CodecOptions = { maxInputSize: 4 * 1024 * 1024 };


/** How decoded messages look: every scalar present, 64-bit integers as bigint, enums as numbers. */
export const OBJECT_SHAPE = { defaults: true, arrays: true, longs: BigInt, enums: Number } as const;

/** The message of the input-size guard every decoder applies first. */
export function tooLarge(typeName: string, size: number, unit: "bytes" | "characters", limit: number): string {
  return `${typeName}: input of ${size} ${unit} is larger than the limit of ${limit} ${unit}`;
}
