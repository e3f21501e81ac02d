import { Edition } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { WireError, hex } from "./wire-error.ts";

/** Frame offsets and sizes (table 2): start 2, command 1, response flag 1, unique id 17, encryption 1, length 2. */
export const UNIQUE_ID_SIZE = 17;
export const LENGTH_OFFSET = 22;
export const HEADER_SIZE = 24;
/** Header plus the BCC byte: the size of a frame with an empty data unit. */
export const FRAME_OVERHEAD = HEADER_SIZE + 1;
export const MAX_DATA_UNIT = 65531;

const START_BYTES: ReadonlyMap<number, Edition> = new Map([
  [0x23, Edition.EDITION_2016], // "##"
  [0x24, Edition.EDITION_2025], // "$$"
]);

/** The edition whose start symbol begins at `index`, or undefined. */
export function editionAt(bytes: Uint8Array, index: number): Edition | undefined {
  const first = bytes[index];
  return first !== undefined && bytes[index + 1] === first ? START_BYTES.get(first) : undefined;
}

/** The start byte (repeated twice) of an edition, or undefined for EDITION_UNSPECIFIED. */
export function startByteOf(edition: Edition): number | undefined {
  for (const [byte, candidate] of START_BYTES) if (candidate === edition) return byte;
  return undefined;
}

/** True when `byte` may be the first half of a start symbol. */
export function isStartByte(byte: number): boolean {
  return START_BYTES.has(byte);
}

/** BCC (1.2): XOR of every byte from the command flag up to the end of the data unit. */
export function computeBcc(frame: Uint8Array, end: number): number {
  let check = 0;
  for (let i = 2; i < end; i++) check ^= frame[i] as number;
  return check;
}

/** The error for a BCC byte at frame offset `at` that does not match. */
export function checksumError(computed: number, carried: number, at: number): WireError {
  return new WireError("ChecksumError", `BCC mismatch: computed ${hex(computed)}, frame has ${hex(carried)}`, { offset: at, field: "bcc" });
}
