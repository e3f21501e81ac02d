import { describe, expect, it } from "vitest";
import { BitReader } from "../../../../src/wire/uper/bit-reader.ts";
import { BitWriter } from "../../../../src/wire/uper/bit-writer.ts";
import { isUperError } from "../../../../src/wire/uper/index.ts";
import { thrown, toBits } from "./bit-vector.ts";

describe("BitWriter", () => {
  it("packs fields most significant bit first across octet boundaries", () => {
    // 5 in 3 bits = 101, 1 in 1 bit = 1, 0xABC in 12 bits = 1010 1011 1100:
    // 1011 1010 1011 1100 = 0xBA 0xBC.
    const writer = new BitWriter();
    writer.writeBits(5, 3);
    writer.writeBit(true);
    writer.writeBits(0xabc, 12);
    expect(Buffer.from(writer.finish()).toString("hex")).toBe("babc");
  });

  it("writes 32- and 53-bit fields without 32-bit operator overflow", () => {
    // 0, then 32 ones, then 0 padding: 0111 1111 ×3 octets of ones, 1000 0000.
    const writer = new BitWriter();
    writer.writeBit(false);
    writer.writeBits(0xffffffff, 32);
    expect(Buffer.from(writer.finish()).toString("hex")).toBe("7fffffff80");
    const wide = new BitWriter();
    wide.writeBits(2 ** 53 - 1, 53);
    expect(toBits(wide.finish(), 53)).toBe("1".repeat(53));
  });

  it("pads the last octet with zero bits and makes an empty encoding one zero octet (X.691 11.1.3)", () => {
    const writer = new BitWriter();
    writer.writeBits(1, 1);
    expect(Array.from(writer.finish())).toEqual([0x80]);
    expect(Array.from(new BitWriter().finish())).toEqual([0x00]);
  });

  it("grows past its initial buffer", () => {
    const writer = new BitWriter();
    for (let i = 0; i < 1000; i++) writer.writeBits(i & 0xff, 8);
    const bytes = writer.finish();
    expect(bytes.length).toBe(1000);
    expect(bytes[999]).toBe(999 & 0xff);
  });

  it("refuses a value that does not fit its field", () => {
    const writer = new BitWriter();
    writer.writeBits(1, 2);
    const error = thrown(() => writer.writeBits(8, 3));
    expect(isUperError(error, "ValueOutOfRangeError")).toBe(true);
    expect(error).toMatchObject({ details: { bitOffset: 2 } });
  });
});

describe("BitReader", () => {
  it("reads back what the writer packed", () => {
    const reader = new BitReader(Uint8Array.from([0xba, 0xbc]));
    expect(reader.readBits(3)).toBe(5);
    expect(reader.readBit()).toBe(true);
    expect(reader.readBits(12)).toBe(0xabc);
    expect(reader.bitsLeft).toBe(0);
  });

  it("reads 32-bit fields as unsigned numbers", () => {
    const reader = new BitReader(Uint8Array.from([0x7f, 0xff, 0xff, 0xff, 0x80]));
    reader.skip(1);
    expect(reader.readBits(32)).toBe(0xffffffff);
  });

  it("throws a PrematureEndError at the bit where the input ran out", () => {
    const reader = new BitReader(Uint8Array.from([0xff]));
    reader.readBits(3);
    const error = thrown(() => reader.readBits(6));
    expect(isUperError(error, "PrematureEndError")).toBe(true);
    expect(error).toMatchObject({ details: { bitOffset: 3, path: "" } });
    expect(isUperError(thrown(() => reader.readOctets(1)), "PrematureEndError")).toBe(true);
    expect(isUperError(thrown(() => reader.skip(6)), "PrematureEndError")).toBe(true);
  });
});
