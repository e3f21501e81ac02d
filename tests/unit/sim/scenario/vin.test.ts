import { describe, expect, it } from "vitest";
import { vehicleVin, vinCheckDigit } from "../../../../src/sim/scenario/vin.ts";

describe("vehicleVin", () => {
  it("computes the ISO 3779 check digit", () => {
    // Worked examples of the check-digit algorithm.
    expect(vinCheckDigit("1M8GDM9AXKP042788")).toBe("X");
    expect(vinCheckDigit("11111111111111111")).toBe("1");
  });

  it("makes 17-character VINs from the allowed characters, with a valid check digit", () => {
    for (const [group, n] of [["cars", 0], ["ronghua-se-through", 3], ["bus", 999_999]] as const) {
      const vin = vehicleVin(group, n);
      expect(vin).toMatch(/^L[0-9A-HJ-NPR-Z]{16}$/);
      expect(vin.charAt(8)).toBe(vinCheckDigit(vin));
      expect(vin.slice(-6)).toBe(String(n).padStart(6, "0"));
    }
  });

  it("is a function of the group and the vehicle number only", () => {
    expect(vehicleVin("cars", 7)).toBe(vehicleVin("cars", 7));
    expect(vehicleVin("cars", 7)).not.toBe(vehicleVin("vans", 7));
    const vins = Array.from({ length: 1000 }, (_, n) => vehicleVin("cars", n));
    expect(new Set(vins).size).toBe(1000);
  });

  it("rejects a vehicle number the serial cannot hold", () => {
    expect(() => vehicleVin("cars", 1_000_000)).toThrow(RangeError);
  });
});
