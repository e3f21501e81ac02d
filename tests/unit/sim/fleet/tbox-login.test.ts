import { describe, expect, it } from "vitest";
import { encodeProtobuf, formatViolation, loadRegistry, validateRules } from "../../../../src/schema/index.ts";
import { iccidOf, TboxLogins } from "../../../../src/sim/fleet/tbox-login.ts";

const registry = loadRegistry();
const VIN = "LSMABCDE1S2000003";
const START = Date.UTC(2025, 5, 2, 8, 0, 0);

describe("T-Box logins", () => {
  it("are valid GB/T 32960-2016 vehicle logins", () => {
    const frame = new TboxLogins(VIN).next(START);
    expect(validateRules(registry, "v2xh.gbt32960.v1.Frame", frame).map(formatViolation)).toEqual([]);
    expect(encodeProtobuf(registry, "v2xh.gbt32960.v1.Frame", frame).length).toBeGreaterThan(20);
    expect(frame.vehicleLogin2016?.time).toEqual({ year: 25, month: 6, day: 2, hour: 16, minute: 0, second: 0 });
  });

  it("number their serial from 1 each Beijing day", () => {
    const logins = new TboxLogins(VIN);
    const serial = (at: number): number | undefined => logins.next(at).vehicleLogin2016?.serial.value;
    expect([serial(START), serial(START + 60_000), serial(START + 120_000)]).toEqual([1, 2, 3]);
    // 16:00 Beijing time + 8 h is the next day there.
    expect(serial(START + 8 * 3_600_000)).toBe(1);
  });

  it("carry a fixed 20-digit ICCID with a valid Luhn check digit", () => {
    const iccid = iccidOf(VIN);
    expect(iccid).toMatch(/^898600\d{14}$/);
    expect(iccidOf(VIN)).toBe(iccid);
    expect(iccidOf("LSMABCDE1S2000004")).not.toBe(iccid);
    const sum = [...iccid].reverse().reduce((acc, c, i) => {
      const d = Number(c) * (i % 2 === 1 ? 2 : 1);
      return acc + (d > 9 ? d - 9 : d);
    }, 0);
    expect(sum % 10).toBe(0);
  });
});
