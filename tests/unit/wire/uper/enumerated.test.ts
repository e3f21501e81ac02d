import { describe, expect, it } from "vitest";
import { isUperError } from "../../../../src/wire/uper/index.ts";
import { component, decodeBits, encodeBits, thrown } from "./bit-vector.ts";

const transmission = component("BasicSafetyMessage", "transmission");
const light = component("PhaseState", "light");

/** X.691 14: the index of the value among the sorted root values, as a constrained whole number; with `...` one extension bit first. */
const VECTORS: [string, ReturnType<typeof component>, number, string][] = [
  // TransmissionState: 8 root values, no `...` → 3 bits of index 2.
  ["TransmissionState forwardGears", transmission, 2, "010"],
  ["TransmissionState unavailable", transmission, 7, "111"],
  // LightState (9 values, `...`): extension bit 0, then 4 bits (9 ≤ 16) of index 6.
  ["LightState protected-green", light, 6, "0 0110"],
  ["LightState flashing-yellow", light, 8, "0 1000"],
  // TimeConfidence: 40 values, 32 < 40 ≤ 64 → 6 bits of index 12.
  ["TimeConfidence time-000-010", component("BasicSafetyMessage", "timeConfidence"), 12, "001100"],
  // ResponseType (7 values, `...`): extension bit 0, then 3 bits of index 6.
  ["ResponseType stopAndGoMovement", component("VehicleEmergencyExtensions", "responseType"), 6, "0 110"],
];

describe("ENUMERATED", () => {
  it.each(VECTORS)("%s encodes and decodes as the hand-derived bits", (_name, type, value, bits) => {
    expect(encodeBits(type, value)).toBe(bits.replace(/\s/g, ""));
    expect(decodeBits(type, bits)).toBe(value);
  });

  it("refuses a value the enumeration does not define", () => {
    expect(isUperError(thrown(() => encodeBits(light, 9)), "ValueOutOfRangeError")).toBe(true);
  });

  it("refuses a root index beyond the root values", () => {
    // Index 9 in LightState's 4 bits: only 0..8 exist.
    const error = thrown(() => decodeBits(light, "0 1001"));
    expect(isUperError(error, "ValueOutOfRangeError")).toBe(true);
  });

  it("reports an extension value as unknown instead of inventing one", () => {
    // Extension bit 1, then extension index 0 as a normally small number (0 + 000000).
    const error = thrown(() => decodeBits(light, "1 0000000"));
    expect(isUperError(error, "UnknownExtensionError")).toBe(true);
    expect(error).toMatchObject({ details: { bitOffset: 0 } });
  });
});
