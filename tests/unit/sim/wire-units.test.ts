import { describe, expect, it } from "vitest";
import { PositionConfidence } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { positionOffset } from "../../../src/sim/position-offset.ts";
import {
  minuteOfTheYear,
  positionConfidence,
  secMark,
  toTimeMark,
  toWireAcceleration,
  toWireElevation,
  toWireHeading,
  toWireLatitude,
  toWireLongitude,
  toWireSpeed,
} from "../../../src/sim/wire-units.ts";

describe("conversions to the standard's units", () => {
  it("writes positions in 1e-7 degree and 0.1 m", () => {
    expect(toWireLatitude(39.80039)).toBe(398003900);
    expect(toWireLongitude(116.49458)).toBe(1164945800);
    expect(toWireLongitude(-180)).toBe(-1799999999);
    expect(toWireElevation(33.04)).toBe(330);
    expect(toWireElevation(-1000)).toBe(-4095);
  });

  it("writes heading in 0.0125 degree within 0..28799", () => {
    expect(toWireHeading(90)).toBe(7200);
    expect(toWireHeading(360)).toBe(0);
    expect(toWireHeading(-0.0125)).toBe(28799);
    expect(toWireHeading(359.99999)).toBe(0);
  });

  it("writes speed in 0.02 m/s, never the unavailable 8191", () => {
    expect(toWireSpeed(13.9)).toBe(695);
    expect(toWireSpeed(1000)).toBe(8190);
    expect(toWireSpeed(-1)).toBe(0);
  });

  it("saturates acceleration at ±20 m/s² and rounds countdowns up", () => {
    expect(toWireAcceleration(-2.345)).toBe(-235);
    expect(toWireAcceleration(50)).toBe(2000);
    expect(toTimeMark(12301)).toBe(124);
    expect(toTimeMark(0)).toBe(0);
    expect(toTimeMark(4 * 3600 * 1000)).toBe(36000);
  });

  it("counts secMark within the UTC minute and the minute of the year", () => {
    const t = Date.UTC(2024, 11, 31, 23, 59, 45, 678);
    expect(secMark(t)).toBe(45678);
    // 2024 is a leap year: 366 days, so its last minute is 527039.
    expect(minuteOfTheYear(t)).toBe(527039);
    expect(minuteOfTheYear(Date.UTC(2025, 0, 1, 0, 0, 59))).toBe(0);
    expect(minuteOfTheYear(Date.UTC(2025, 5, 2, 8, 0, 0))).toBe((31 + 28 + 31 + 30 + 31 + 1) * 1440 + 8 * 60);
  });

  it("classes position accuracy by its 95 % radius", () => {
    expect(positionConfidence(1).pos).toBe(PositionConfidence.A1M);
    expect(positionConfidence(0.3).pos).toBe(PositionConfidence.A50CM);
    expect(positionConfidence(1000).pos).toBe(PositionConfidence.UNAVAILABLE);
  });
});

describe("positionOffset", () => {
  const ref = { lat: 398003900, lon: 1164945800, elevation: 330 };
  const at = (dLon: number, dLat: number, elevation?: number) => ({ lat: ref.lat + dLat, lon: ref.lon + dLon, ...(elevation === undefined ? {} : { elevation }) });

  it("chooses the smallest alternative that holds both components", () => {
    expect(positionOffset(ref, at(2047, -2048)).offsetLL).toEqual({ positionLl1: { lon: 2047, lat: -2048 } });
    expect(positionOffset(ref, at(2048, 0)).offsetLL).toEqual({ positionLl2: { lon: 2048, lat: 0 } });
    expect(positionOffset(ref, at(0, -8193)).offsetLL).toEqual({ positionLl3: { lon: 0, lat: -8193 } });
    expect(positionOffset(ref, at(32768, 0)).offsetLL).toEqual({ positionLl4: { lon: 32768, lat: 0 } });
    expect(positionOffset(ref, at(131072, 0)).offsetLL).toEqual({ positionLl5: { lon: 131072, lat: 0 } });
    expect(positionOffset(ref, at(0, 2097152)).offsetLL).toEqual({ positionLl6: { lon: 0, lat: 2097152 } });
    expect(positionOffset(ref, at(8388608, 0)).offsetLL).toEqual({ positionLatLon: { lon: ref.lon + 8388608, lat: ref.lat } });
  });

  it("adds a vertical offset, steering clear of the saturated and unavailable values", () => {
    expect(positionOffset(ref, at(0, 0, 392)).offsetV).toEqual({ offset1: 62 });
    expect(positionOffset(ref, at(0, 0, 393)).offsetV).toEqual({ offset2: 63 });
    expect(positionOffset(ref, at(0, 0, 330 - 2046)).offsetV).toEqual({ offset6: -2046 });
    expect(positionOffset(ref, at(0, 0, 3000)).offsetV).toEqual({ elevation: 3000 });
    expect(positionOffset(ref, at(0, 0)).offsetV).toBeUndefined();
  });
});
