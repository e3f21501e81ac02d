import { describe, expect, it } from "vitest";
import { isUperError } from "../../../../src/wire/uper/index.ts";
import type { SequenceOfType, SequenceType } from "../../../../src/wire/uper/uper-type.ts";
import { csae53, decodeBits, encodeBits, thrown } from "./bit-vector.ts";

// Position3D fields: lat 398010476 → 31 bits of 1298010476; lon 1164939612 → 32 bits of
// 1164939612 + 1799999999 = 2964939611; elevation 331 → 16 bits of 331 + 4096 = 4427.
const LAT = "1001101010111100001000101101100";
const LON = "10110000101110010110001101011011";
const ELEVATION = "0001000101001011";

describe("SEQUENCE", () => {
  it.each([
    // Position3D has no `...` and one OPTIONAL (elevation): presence bit, then lat, lon, elevation.
    ["Position3D without elevation", "Position3D", { lat: 398010476, lon: 1164939612 }, `0 ${LAT} ${LON}`],
    ["Position3D with elevation", "Position3D", { lat: 398010476, lon: 1164939612, elevation: 331 }, `1 ${LAT} ${LON} ${ELEVATION}`],
    // BrakeSystemStatus: seven OPTIONALs and nothing else; empty still costs its 7-bit bitmap.
    ["BrakeSystemStatus empty", "BrakeSystemStatus", {}, "0000000"],
    // brakePadel present (first bit), then BrakePedalStatus on (index 2 of 3 values, 2 bits).
    ["BrakeSystemStatus pedal on", "BrakeSystemStatus", { brakePedal: 2 }, "1000000 10"],
    // VehicleClassification has `...`: extension bit 0, fuelType absent, classification 10 in 8 bits.
    ["VehicleClassification", "VehicleClassification", { classification: 10 }, "0 0 00001010"],
    // Lane: extension bit 0; six OPTIONALs (laneWidth, laneAttributes, maneuvers, connectsTo,
    // speedLimits, points) absent; laneID 1 in 8 bits. Absent OPTIONAL lists read back as [].
    ["Lane with only its id", "Lane", { laneID: 1, connectsTo: [], speedLimits: [], points: [] }, "0 000000 00000001"],
  ])("%s encodes and decodes as the hand-derived bits", (_name, type, value, bits) => {
    expect(encodeBits(csae53(type), value)).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(csae53(type), bits)).toEqual(value);
  });

  it("skips extension additions of a later edition (X.691 19.7-19.9)", () => {
    // Extension bit 1, fuelType absent, classification 10; then the additions: count 1 as a
    // normally small number of 1 - 1 (0 000000), presence bitmap 1, and one open type of length 1
    // (0000 0001) holding the octet 1010 1010, which is skipped.
    const bits = "1 0 00001010  0000000 1 00000001 10101010";
    expect(decodeBits(csae53("VehicleClassification"), bits)).toEqual({ classification: 10 });
  });

  it("refuses a presence bitmap of additions longer than the input", () => {
    // Count 64 + 1 via the long form of the normally small number, with 3 bits left.
    const error = thrown(() => decodeBits(csae53("VehicleClassification"), "1 0 00001010 1 00000001 01000000 000"));
    expect(isUperError(error, "PrematureEndError")).toBe(true);
  });

  it("encodes BOOLEAN as one bit and NULL as nothing (X.691 12, 18)", () => {
    const type: SequenceType = {
      kind: "sequence",
      name: "Flags",
      extensible: false,
      components: [
        { key: "on", type: { kind: "boolean" }, presence: "mandatory" },
        { key: "marker", type: { kind: "null" }, presence: "optional" },
        { key: "off", type: { kind: "boolean" }, presence: "mandatory" },
      ],
    };
    // Presence bit of marker (1), on = 1, marker adds no bits, off = 0.
    expect(encodeBits(type, { on: true, marker: {}, off: false })).toBe("110");
    expect(decodeBits(type, "110")).toEqual({ on: true, marker: {}, off: false });
  });

  it("names the missing mandatory component", () => {
    const error = thrown(() => encodeBits(csae53("PositionOffsetLLV"), {}));
    expect(isUperError(error, "InvalidValueError")).toBe(true);
    expect(error).toMatchObject({ details: { path: "offsetLL", bitOffset: 1 } });
  });

  it("writes an absent mandatory scalar as its proto3 default, like protobuf", () => {
    expect(encodeBits(csae53("VehicleClassification"), {})).toBe("0 0 00000000".replace(/\s/g, ""));
  });
});

describe("SEQUENCE OF", () => {
  it("writes SIZE(1..16) as a 4-bit count - 1, then the items", () => {
    // Phase: id 1 in 8 bits; phaseStates count 1 - 1 in 4 bits; PhaseState: extension bit 0,
    // timing absent, LightState extension bit 0 and red (index 3) in 4 bits.
    const bits = "00000001 0000 0 0 0 0011";
    const value = { id: 1, phaseStates: [{ light: 3 }] };
    expect(encodeBits(csae53("Phase"), value)).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(csae53("Phase"), bits)).toEqual(value);
  });

  it("refuses counts outside SIZE", () => {
    const phase = (count: number) => ({ id: 1, phaseStates: Array.from({ length: count }, () => ({ light: 3 })) });
    expect(isUperError(thrown(() => encodeBits(csae53("Phase"), phase(0))), "LengthMismatchError")).toBe(true);
    const error = thrown(() => encodeBits(csae53("Phase"), phase(17)));
    expect(isUperError(error, "LengthMismatchError")).toBe(true);
    expect(error).toMatchObject({ details: { path: "phaseStates", bitOffset: 8 } });
  });

  it("writes an extensible SIZE(1..2, ...) in the root or as an unconstrained count", () => {
    const type: SequenceOfType = { kind: "sequence-of", size: { min: 1, max: 2, extensible: true }, item: { kind: "boolean" } };
    // In the root: extension bit 0, count 1 - 1 in 1 bit, then the item.
    expect(encodeBits(type, [true])).toBe("001");
    // Beyond: extension bit 1, count 3 as an 8-bit length, then three items.
    expect(encodeBits(type, [true, false, true])).toBe("100000011101");
    expect(decodeBits(type, "100000011101")).toEqual([true, false, true]);
  });

  it("writes a count of 128 or more in the two-octet length form (X.691 11.9.3.7)", () => {
    const type: SequenceOfType = { kind: "sequence-of", size: { min: 1, max: 2, extensible: true }, item: { kind: "boolean" } };
    const items = Array.from({ length: 200 }, () => true);
    // Extension bit 1; 200 = 1100 1000 < 16K → "10" then 200 in 14 bits; then 200 one-bits.
    const bits = `1 10 00000011001000 ${"1".repeat(200)}`;
    expect(encodeBits(type, items)).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(type, bits)).toEqual(items);
  });

  it("refuses fragmented lengths (16K or more), which no CSAE 53 type needs", () => {
    const type: SequenceOfType = { kind: "sequence-of", size: { min: 0, max: undefined, extensible: false }, item: { kind: "null" } };
    expect(isUperError(thrown(() => encodeBits(type, Array.from({ length: 16384 }, () => ({})))), "LengthMismatchError")).toBe(true);
    // "11" opens a fragment of 16K × m items.
    expect(isUperError(thrown(() => decodeBits(type, "11000001")), "LengthMismatchError")).toBe(true);
  });

  it("names the item at fault", () => {
    const error = thrown(() => encodeBits(csae53("Phase"), { id: 1, phaseStates: [{ light: 3 }, { light: 99 }] }));
    expect(error).toMatchObject({ name: "ValueOutOfRangeError", details: { path: "phaseStates[1].light" } });
  });
});
