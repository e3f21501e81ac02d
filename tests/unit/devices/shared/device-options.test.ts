import { describe, expect, it } from "vitest";
import { isDeviceError } from "../../../../src/devices/index.ts";
import { checkInteger, resolveDeviceOptions } from "../../../../src/devices/shared/device-options.ts";
import { RealClock } from "../../../../src/sim/index.ts";

describe("device options", () => {
  it("fill in the role's id, a real clock, the id as seed, no faults", () => {
    const resolved = resolveDeviceOptions({}, "obu-1");
    expect(resolved).toMatchObject({ id: "obu-1", seed: "obu-1", faults: [] });
    expect(resolved.clock).toBeInstanceOf(RealClock);
  });

  it.each(["", "a/b", "a+b", "a#b", "with space", "x".repeat(65)])("refuse the id %j, which cannot be a topic level", (id) => {
    const error = (() => {
      try {
        resolveDeviceOptions({ id }, "obu-1");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isDeviceError(error, "DeviceOptionError")).toBe(true);
  });

  it("say which integer option is out of range and what it takes", () => {
    expect(() => checkInteger("bsmIntervalMs", 5, 20, 1000, "ms")).toThrow("bsmIntervalMs must be an integer 20..1000 ms, got 5");
    expect(() => checkInteger("port", 80.5, 0, 65535)).toThrow(/port must be an integer 0\.\.65535, got 80\.5/);
  });
});
