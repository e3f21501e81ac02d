// Length determinants (X.691 11.9, unaligned variant) and SIZE constraints with extension markers.
import type { BitReader } from "./bit-reader.ts";
import { bitWidth } from "./bit-width.ts";
import type { BitWriter } from "./bit-writer.ts";
import type { SizeConstraint } from "./uper-type.ts";
import { type UperError, uperError } from "./uper-error.ts";

/** A length at or beyond 16K is fragmented (11.9.3.8); no CSAE 53 value comes near it. */
const FRAGMENT = 16384;
/** Upper bounds from 64K up are encoded as if unconstrained (11.9.4.1). */
const CONSTRAINED_LIMIT = 65536;

function mismatch(length: number, expected: string, bitOffset: number): UperError {
  return uperError("LengthMismatchError", `expected a length of ${expected}, got ${length}`, bitOffset);
}

function describeSize(lb: number, ub: number | undefined): string {
  return ub === undefined ? `${lb}..MAX` : lb === ub ? `${lb}` : `${lb}..${ub}`;
}

/**
 * A length in lb..ub: nothing when lb = ub, a constrained whole number when ub < 64K, else the
 * unconstrained form (8 bits below 128, 16 bits `10` + 14 bits below 16K).
 */
export function writeLength(writer: BitWriter, length: number, lb: number, ub: number | undefined): void {
  if (length < lb || (ub !== undefined && length > ub)) throw mismatch(length, describeSize(lb, ub), writer.bitOffset);
  if (ub !== undefined && ub < CONSTRAINED_LIMIT) {
    writer.writeBits(length - lb, bitWidth(ub - lb + 1));
  } else if (length < 128) {
    writer.writeBits(length, 8);
  } else if (length < FRAGMENT) {
    writer.writeBits(0x8000 | length, 16);
  } else {
    throw uperError("LengthMismatchError", `a length of ${length} needs fragmentation, which is not supported`, writer.bitOffset);
  }
}

export function readLength(reader: BitReader, lb: number, ub: number | undefined): number {
  const start = reader.bitOffset;
  let length: number;
  if (ub !== undefined && ub < CONSTRAINED_LIMIT) {
    length = lb + reader.readBits(bitWidth(ub - lb + 1));
  } else if (!reader.readBit()) {
    length = reader.readBits(7);
  } else {
    const fragmented = reader.readBit();
    if (fragmented) throw uperError("LengthMismatchError", "a fragmented length (16K or more) is not supported", start);
    length = reader.readBits(14);
  }
  if (length < lb || (ub !== undefined && length > ub)) throw mismatch(length, describeSize(lb, ub), start);
  return length;
}

/** A count under a SIZE constraint: with `...`, one bit says whether it lies in the root, and counts outside it are unconstrained. */
export function writeSize(writer: BitWriter, count: number, size: SizeConstraint): void {
  if (!size.extensible) {
    writeLength(writer, count, size.min, size.max);
    return;
  }
  const inRoot = count >= size.min && (size.max === undefined || count <= size.max);
  writer.writeBit(!inRoot);
  if (inRoot) writeLength(writer, count, size.min, size.max);
  else writeLength(writer, count, 0, undefined);
}

export function readSize(reader: BitReader, size: SizeConstraint): number {
  if (size.extensible && reader.readBit()) return readLength(reader, 0, undefined);
  return readLength(reader, size.min, size.max);
}
