import { describe, expect, it } from "vitest";
import { isUperError } from "../../../../src/wire/uper/index.ts";
import { component, csae53, decodeBits, encodeBits, thrown } from "./bit-vector.ts";

const wheelBrakes = component("BrakeSystemStatus", "wheelBrakes");
const lights = component("VehicleSafetyExtensions", "lights");
const events = component("VehicleSafetyExtensions", "events");

describe("BIT STRING", () => {
  it.each([
    // BrakeAppliedStatus SIZE(5): no length; bit n of the string is 1 << n, bit 0 first on the
    // wire. leftFront (1) | rightRear (4) = 18 → bits 0..4 = 0 1 0 0 1.
    ["BrakeAppliedStatus leftFront+rightRear", wheelBrakes, 18, "01001"],
    // GNSSstatus SIZE(8): unavailable (bit 0) alone = 1 → 1000 0000.
    ["GNSSstatus unavailable", component("PathHistory", "currGNSSstatus"), 1, "10000000"],
    // IntersectionStatusObject SIZE(16): trafficDependentOperation is bit 6 = 64 → 0000 0010 0000 0000.
    ["IntersectionStatusObject bit 6", component("IntersectionState", "status"), 64, "0000001000000000"],
    // ExteriorLights SIZE(9, ...): in the root → extension bit 0, then 9 bits; daytimeRunning is bit 6.
    ["ExteriorLights daytimeRunning", lights, 64, "0 000000100"],
    // VehicleEventFlags SIZE(13, ...) with no flag: trailing zeros are added back up to the root
    // size 13 (X.691 16.3), so extension bit 0 and 13 zero bits.
    ["VehicleEventFlags none", events, 0, "0 0000000000000"],
    // ExteriorLights with bit 9 set (a later edition's light): 10 bits exceed the root, so
    // extension bit 1, an unconstrained length of 10 (0000 1010), then bits 0..9.
    ["ExteriorLights bit 9", lights, 512, "1 00001010 0000000001"],
  ])("%s encodes and decodes as the hand-derived bits", (_name, type, value, bits) => {
    expect(encodeBits(type, value)).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(type, bits)).toBe(value);
  });

  it("also decodes a root-size value sent in the extension form (toolchains that skip X.691 16.3)", () => {
    // Extension bit 1, length 13 (0000 1101), 13 bits with hazardLights (bit 0) set.
    expect(decodeBits(events, "1 00001101 1000000000000")).toBe(1);
  });

  it("refuses a bit beyond a fixed size", () => {
    // Bit 5 of a SIZE(5) string.
    const error = thrown(() => encodeBits(wheelBrakes, 32));
    expect(isUperError(error, "ValueOutOfRangeError")).toBe(true);
    expect((error as Error).message).toContain("bit 5 is set but the BIT STRING has 5 bits");
  });

  it("refuses a decoded bit a uint32 cannot hold", () => {
    // Extension form with 33 bits, the last one set.
    const error = thrown(() => decodeBits(lights, `1 00100001 ${"0".repeat(32)}1`));
    expect(isUperError(error, "ValueOutOfRangeError")).toBe(true);
  });
});

describe("OCTET STRING", () => {
  // Decoded bytes are Buffers, as protobufjs gives them under Node.
  it("writes a fixed SIZE(8) id with no length", () => {
    // 8 octets 5a 3c 9e 11 07 d2 4b 68 in order.
    const id = Buffer.from([0x5a, 0x3c, 0x9e, 0x11, 0x07, 0xd2, 0x4b, 0x68]);
    const bits = "01011010 00111100 10011110 00010001 00000111 11010010 01001011 01101000";
    const type = component("BasicSafetyMessage", "id");
    expect(encodeBits(type, id)).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(type, bits)).toEqual(id);
  });

  it("writes a SIZE(2..512) string as a length of n - 2 in 9 bits, then the octets", () => {
    // Description CHOICE (2 alternatives, no `...`): index 1 in 1 bit; then textGB2312 length
    // 2 - 2 = 0 in 9 bits (511 + 1 values fit 2^9); then B0 A1 ("啊" in GB2312).
    const bits = "1 000000000 10110000 10100001";
    const value = { textGB2312: Buffer.from([0xb0, 0xa1]) };
    expect(encodeBits(csae53("Description"), value)).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(csae53("Description"), bits)).toEqual(value);
  });

  it("refuses a length outside SIZE", () => {
    const error = thrown(() => encodeBits(component("BasicSafetyMessage", "id"), new Uint8Array(7)));
    expect(isUperError(error, "LengthMismatchError")).toBe(true);
    expect((error as Error).message).toContain("expected a length of 8, got 7");
  });
});

describe("IA5String", () => {
  it("writes DescriptiveName SIZE(1..63) as n - 1 in 6 bits and 7 bits per character", () => {
    // Length 2 - 1 = 1 → 000001; 'A' = 0x41 = 100 0001; 'b' = 0x62 = 110 0010.
    const bits = "000001 1000001 1100010";
    const type = component("SPAT", "name");
    expect(encodeBits(type, "Ab")).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(type, bits)).toBe("Ab");
  });

  it("writes Description textString SIZE(1..512) with a 9-bit length", () => {
    // CHOICE index 0 in 1 bit; length 2 - 1 = 1 in 9 bits; 'H' = 100 1000; 'i' = 110 1001.
    const bits = "0 000000001 1001000 1101001";
    expect(encodeBits(csae53("Description"), { textString: "Hi" })).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(csae53("Description"), bits)).toEqual({ textString: "Hi" });
  });

  it("refuses characters outside IA5 and lengths outside SIZE", () => {
    const type = component("SPAT", "name");
    expect(isUperError(thrown(() => encodeBits(type, "é")), "ValueOutOfRangeError")).toBe(true);
    expect(isUperError(thrown(() => encodeBits(type, "")), "LengthMismatchError")).toBe(true);
    expect(isUperError(thrown(() => encodeBits(type, "x".repeat(64))), "LengthMismatchError")).toBe(true);
  });
});
