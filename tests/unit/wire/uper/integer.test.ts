import { describe, expect, it } from "vitest";
import { BitReader } from "../../../../src/wire/uper/bit-reader.ts";
import { BitWriter } from "../../../../src/wire/uper/bit-writer.ts";
import { isUperError } from "../../../../src/wire/uper/index.ts";
import type { IntegerType } from "../../../../src/wire/uper/uper-type.ts";
import { readNormallySmall, writeNormallySmall } from "../../../../src/wire/uper/whole-number.ts";
import { component, decodeBits, encodeBits, fromBits, thrown, toBits } from "./bit-vector.ts";

function integer(min: number | undefined, max: number | undefined, extensible = false): IntegerType {
  return { kind: "integer", min, max, extensible };
}

/** [type, value, bits]: each vector is X.691 11.5-11.8 and 13 worked by hand. */
const VECTORS: [string, IntegerType | ReturnType<typeof component>, number, string][] = [
  // Speed INTEGER (0..8191): range 8192 = 2^13 → 13 bits of 556 - 0 = 0 0010 0010 1100.
  ["Speed 556", component("BasicSafetyMessage", "speed"), 556, "0001000101100"],
  // SteeringWheelAngle (-126..127): range 254 → 8 bits of -1 - (-126) = 125 = 0111 1101.
  ["SteeringWheelAngle -1", component("BasicSafetyMessage", "angle"), -1, "01111101"],
  // TimeOffset (1..65535): lower bound 1, range 65535 → 16 bits of 1 - 1 = 0.
  ["TimeOffset 1", component("PathHistoryPoint", "timeOffset"), 1, "0000000000000000"],
  // … and 65535 - 1 = 65534 = 1111 1111 1111 1110.
  ["TimeOffset 65535", component("PathHistoryPoint", "timeOffset"), 65535, "1111111111111110"],
  // Elevation (-4096..61439): range 65536 = 2^16 → 16 bits; -4096 is offset 0.
  ["Elevation -4096", component("Position3D", "elevation"), -4096, "0000000000000000"],
  // Latitude (-900000000..900000001): range 1800000002, 2^30 < range ≤ 2^31 → 31 bits of
  // 398010476 + 900000000 = 1298010476.
  ["Latitude 398010476", component("Position3D", "lat"), 398010476, "1001101010111100001000101101100"],
  // Longitude (-1799999999..1800000001): range 3600000001, 2^31 < range ≤ 2^32 → 32 bits of
  // 1800000001 + 1799999999 = 3600000000 (the "unavailable" value; wider than a signed 32-bit int).
  ["Longitude 1800000001", component("Position3D", "lon"), 1800000001, "11010110100100111010010000000000"],
  // INTEGER (5..5): range 1 → no bits at all (11.5.4).
  ["INTEGER (5..5)", integer(5, 5), 5, ""],
  // Semi-constrained INTEGER (0..MAX), 11.7: length 1 in 8 bits, then 0 in one octet.
  ["INTEGER (0..MAX) 0", integer(0, undefined), 0, "00000001 00000000"],
  // 256 - 0 needs two octets: length 2, then 0000 0001 0000 0000.
  ["INTEGER (0..MAX) 256", integer(0, undefined), 256, "00000010 00000001 00000000"],
  // INTEGER (-1..MAX): -1 is offset 0 from the lower bound.
  ["INTEGER (-1..MAX) -1", integer(-1, undefined), -1, "00000001 00000000"],
  // Unconstrained INTEGER, 11.8: fewest two's-complement octets. -1 = 1111 1111.
  ["INTEGER -1", integer(undefined, undefined), -1, "00000001 11111111"],
  // 127 still fits one octet (0111 1111); 128 needs two (0000 0000 1000 0000); -128 fits one.
  ["INTEGER 127", integer(undefined, undefined), 127, "00000001 01111111"],
  ["INTEGER 128", integer(undefined, undefined), 128, "00000010 00000000 10000000"],
  ["INTEGER -128", integer(undefined, undefined), -128, "00000001 10000000"],
  // INTEGER (MIN..10): an upper bound alone leaves the unconstrained form (13.2.4).
  ["INTEGER (MIN..10) 10", integer(undefined, 10), 10, "00000001 00001010"],
  // Extensible INTEGER (0..7, ...), 13.2.6: extension bit 0, then 5 in 3 bits.
  ["INTEGER (0..7, ...) 5", integer(0, 7, true), 5, "0 101"],
  // Outside the root: extension bit 1, then the unconstrained form of 8.
  ["INTEGER (0..7, ...) 8", integer(0, 7, true), 8, "1 00000001 00001000"],
];

describe("INTEGER", () => {
  it.each(VECTORS)("%s encodes and decodes as the hand-derived bits", (_name, type, value, bits) => {
    expect(encodeBits(type, value)).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(type, bits)).toBe(value);
  });

  it("refuses a value outside its constraint, naming the range", () => {
    const error = thrown(() => encodeBits(component("BasicSafetyMessage", "speed"), 8192));
    expect(isUperError(error, "ValueOutOfRangeError")).toBe(true);
    expect((error as Error).message).toContain("expected 0..8191, got 8192");
    expect(isUperError(thrown(() => encodeBits(integer(0, undefined), -1)), "ValueOutOfRangeError")).toBe(true);
    expect(isUperError(thrown(() => encodeBits(integer(undefined, 10), 11)), "ValueOutOfRangeError")).toBe(true);
  });

  it("refuses a decoded offset beyond the upper bound", () => {
    // 31 one-bits are 2147483647 - 900000000 = 1247483647 > 900000001.
    const error = thrown(() => decodeBits(component("Position3D", "lat"), "1".repeat(31)));
    expect(isUperError(error, "ValueOutOfRangeError")).toBe(true);
  });

  it("refuses a value that is not an integer", () => {
    expect(isUperError(thrown(() => encodeBits(integer(0, 7), 1.5)), "InvalidValueError")).toBe(true);
    expect(isUperError(thrown(() => encodeBits(integer(0, 7), "3")), "InvalidValueError")).toBe(true);
  });

  it("refuses unconstrained integers beyond seven octets", () => {
    const error = thrown(() => decodeBits(integer(undefined, undefined), "00001000" + "0".repeat(64)));
    expect(isUperError(error, "ValueOutOfRangeError")).toBe(true);
  });
});

describe("normally small non-negative whole number (X.691 11.6)", () => {
  it.each([
    // Up to 63: a 0 bit and the value in 6 bits.
    [5, "0000101"],
    [63, "0111111"],
    // From 64: a 1 bit and a semi-constrained whole number (length 1, then 0100 0000).
    [64, "1 00000001 01000000"],
  ])("%d is %s", (value, bits) => {
    const writer = new BitWriter();
    writeNormallySmall(writer, value);
    expect(toBits(writer.finish(), writer.bitOffset)).toBe(bits.replace(/\s/g, ""));
    expect(readNormallySmall(new BitReader(fromBits(bits)))).toBe(value);
  });
});
