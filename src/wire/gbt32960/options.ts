/** A symmetric key for data units, with the block mode the two sides agreed on (the standard names none). */
export interface DataUnitKey {
  /** The 16-byte key (AES-128 or SM4). */
  readonly key: Uint8Array;
  /** Block mode; padding is PKCS#7 either way. Default: "ecb". */
  readonly mode?: "ecb" | "cbc";
  /** The 16-byte initialisation vector, required for "cbc". */
  readonly iv?: Uint8Array;
}

/** Keys by encryption mode; a mode without a key leaves its data units as ciphertext. */
export interface DataUnitKeys {
  /** Key for encryption 0x03 (AES-128 in 2016, AES in 2025). */
  readonly aes?: DataUnitKey;
  /** Key for encryption 0x05 (SM4, 2025). */
  readonly sm4?: DataUnitKey;
}

/** Options of the frame codec and the stream framer. Callers pass a Partial; DEFAULT_OPTIONS holds the defaults. */
export interface Gbt32960Options {
  /** Keys for encrypted data units: with a key the body is decrypted and decoded, without one it stays `encrypted`. Default: no keys. */
  readonly keys: DataUnitKeys;
  /** Largest frame the stream framer waits for, in bytes; a header declaring more is an error. Default: 65556 (the standard's largest frame). */
  readonly maxFrameSize: number;
  /**
   * What the encoder does with a count field (alarm fault counts) whose list has another length:
   * "refuse" (a WireError naming the list), or "write" the count and the list as given, the frame a
   * device with that bug sends, which the receiver then misreads. Default: "refuse".
   */
  readonly mismatchedCounts: "refuse" | "write";
}

export const DEFAULT_OPTIONS: Gbt32960Options = { keys: {}, maxFrameSize: 65556, mismatchedCounts: "refuse" };

export function withDefaults(options: Partial<Gbt32960Options>): Gbt32960Options {
  return { ...DEFAULT_OPTIONS, ...options };
}
