// Whole numbers of X.691 11.5-11.8 (2021 edition numbering), in the unaligned variant.
import type { BitReader } from "./bit-reader.ts";
import { bitWidth } from "./bit-width.ts";
import type { BitWriter } from "./bit-writer.ts";
import { readLength, writeLength } from "./length.ts";
import { type UperError, uperError } from "./uper-error.ts";

function outOfRange(value: number, expected: string, bitOffset: number): UperError {
  return uperError("ValueOutOfRangeError", `expected ${expected}, got ${value}`, bitOffset);
}

/** Constrained whole number (11.5): value - lb in the fewest bits that hold ub - lb; no bits when lb = ub. */
export function writeConstrained(writer: BitWriter, value: number, lb: number, ub: number): void {
  if (!(value >= lb && value <= ub)) throw outOfRange(value, `${lb}..${ub}`, writer.bitOffset);
  writer.writeBits(value - lb, bitWidth(ub - lb + 1));
}

export function readConstrained(reader: BitReader, lb: number, ub: number): number {
  const start = reader.bitOffset;
  const value = lb + reader.readBits(bitWidth(ub - lb + 1));
  if (value > ub) throw outOfRange(value, `${lb}..${ub}`, start);
  return value;
}

/** Largest integer octet count whose values all fit in a JavaScript number. */
const MAX_OCTETS = 7;

function writeOctetsOf(writer: BitWriter, value: bigint, octets: number): void {
  for (let i = octets - 1; i >= 0; i--) writer.writeBits(Number((value >> BigInt(8 * i)) & 0xffn), 8);
}

function readOctetsAsBigInt(reader: BitReader, octets: number): bigint {
  let value = 0n;
  for (let i = 0; i < octets; i++) value = (value << 8n) | BigInt(reader.readBits(8));
  return value;
}

function octetCountOf(length: number, bitOffset: number): number {
  if (length < 1 || length > MAX_OCTETS) {
    throw uperError("ValueOutOfRangeError", `an integer of ${length} octets is outside the supported range (1..${MAX_OCTETS} octets)`, bitOffset);
  }
  return length;
}

/** Semi-constrained whole number (11.7): a length in octets, then value - lb in the fewest whole octets (at least one). */
export function writeSemiConstrained(writer: BitWriter, value: number, lb: number): void {
  if (!(value >= lb)) throw outOfRange(value, `${lb}..MAX`, writer.bitOffset);
  const offset = BigInt(value - lb);
  let octets = 1;
  while (offset >> BigInt(8 * octets) !== 0n) octets++;
  writeLength(writer, octets, 0, undefined);
  writeOctetsOf(writer, offset, octets);
}

export function readSemiConstrained(reader: BitReader, lb: number): number {
  const start = reader.bitOffset;
  const octets = octetCountOf(readLength(reader, 0, undefined), start);
  const value = BigInt(lb) + readOctetsAsBigInt(reader, octets);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw outOfRange(Number(value), `${lb}..${Number.MAX_SAFE_INTEGER}`, start);
  return Number(value);
}

/** Unconstrained whole number (11.8): a length in octets, then the value in the fewest octets of two's complement. */
export function writeUnconstrained(writer: BitWriter, value: number): void {
  const big = BigInt(value);
  let octets = 1;
  while (big < -(1n << BigInt(8 * octets - 1)) || big >= 1n << BigInt(8 * octets - 1)) octets++;
  writeLength(writer, octets, 0, undefined);
  writeOctetsOf(writer, BigInt.asUintN(8 * octets, big), octets);
}

export function readUnconstrained(reader: BitReader): number {
  const start = reader.bitOffset;
  const octets = octetCountOf(readLength(reader, 0, undefined), start);
  return Number(BigInt.asIntN(8 * octets, readOctetsAsBigInt(reader, octets)));
}

/** Normally small non-negative whole number (11.6): a 0 bit and 6 bits up to 63, else a 1 bit and a semi-constrained number. */
export function writeNormallySmall(writer: BitWriter, value: number): void {
  if (value <= 63) {
    writer.writeBits(value, 7);
  } else {
    writer.writeBit(true);
    writeSemiConstrained(writer, value, 0);
  }
}

export function readNormallySmall(reader: BitReader): number {
  return reader.readBit() ? readSemiConstrained(reader, 0) : reader.readBits(6);
}
