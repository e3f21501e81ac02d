import { describe, expect, it } from "vitest";
import { beijingDate, epochOfBeijingTime } from "../../../../src/devices/shared/beijing-time.ts";
import { beijingTime } from "../../../../src/sim/index.ts";

describe("Beijing time", () => {
  it("reads a GB/T 32960 time back to the instant, to the second", () => {
    const instant = Date.UTC(2025, 11, 31, 17, 59, 58);
    expect(epochOfBeijingTime(beijingTime(instant))).toBe(instant);
    expect(epochOfBeijingTime(beijingTime(instant + 999))).toBe(instant);
  });

  it("gives the Beijing date, which starts at 16:00 UTC", () => {
    expect(beijingDate(Date.UTC(2025, 5, 2, 15, 59, 59))).toBe("2025-06-02");
    expect(beijingDate(Date.UTC(2025, 5, 2, 16, 0, 0))).toBe("2025-06-03");
  });
});
