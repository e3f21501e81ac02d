// Helpers of the UPER tests: encode or decode one value as a string of "0"/"1", so that a vector
// derived by hand from X.691 reads bit for bit. Spaces in a vector are ignored.
import { loadRegistry } from "../../../../src/schema/index.ts";
import { BitReader } from "../../../../src/wire/uper/bit-reader.ts";
import { BitWriter } from "../../../../src/wire/uper/bit-writer.ts";
import { decodeValue } from "../../../../src/wire/uper/decode-value.ts";
import { describeMessageType } from "../../../../src/wire/uper/describe-schema.ts";
import { encodeValue } from "../../../../src/wire/uper/encode-value.ts";
import type { SequenceType, UperType } from "../../../../src/wire/uper/uper-type.ts";

export const registry = loadRegistry();
export const FRAME = "v2xh.csae53.v1.MessageFrame";

/** The description of a csae53 message type, e.g. csae53("Position3D"). */
export function csae53(name: string): UperType {
  return describeMessageType(registry, `v2xh.csae53.v1.${name}`);
}

/** The type of one component of a csae53 SEQUENCE, e.g. component("BasicSafetyMessage", "speed"). */
export function component(sequence: string, key: string): UperType {
  const type = csae53(sequence) as SequenceType;
  const found = type.components.find((c) => c.key === key);
  if (found === undefined) throw new Error(`${sequence} has no component ${key}`);
  return found.type;
}

export function toBits(bytes: Uint8Array, bitLength = bytes.length * 8): string {
  return Array.from(bytes, (b) => b.toString(2).padStart(8, "0")).join("").slice(0, bitLength);
}

export function fromBits(vector: string): Uint8Array {
  const bits = vector.replace(/\s+/g, "");
  const bytes = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i] === "1") bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (0x80 >> (i & 7));
  return bytes;
}

/** The bits `value` encodes to as `type`, without the octet padding. */
export function encodeBits(type: UperType, value: unknown): string {
  const writer = new BitWriter();
  encodeValue(writer, type, value);
  return toBits(writer.finish(), writer.bitOffset);
}

/** Decodes a bit vector as `type`; throws unless every bit of the vector was read. */
export function decodeBits(type: UperType, vector: string): unknown {
  const bits = vector.replace(/\s+/g, "");
  const reader = new BitReader(fromBits(bits));
  const value = decodeValue(reader, type);
  if (reader.bitOffset !== bits.length) throw new Error(`read ${reader.bitOffset} of ${bits.length} bits`);
  return value;
}

/** Expects `run` to throw and returns the error, for matching its name and details. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
