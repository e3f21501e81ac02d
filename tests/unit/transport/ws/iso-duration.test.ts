import { describe, expect, it } from "vitest";
import { durationMs } from "../../../../src/transport/ws/iso-duration.ts";
import { Refusal } from "../../../../src/transport/ws/viss-refusal.ts";

describe("durationMs", () => {
  it("reads PnDTnHnMnS", () => {
    expect(durationMs("P2D")).toBe(2 * 86_400_000);
    expect(durationMs("PT30M")).toBe(1_800_000);
    expect(durationMs("P1DT2H30.5S")).toBe(86_400_000 + 7_200_000 + 30_500);
    expect(durationMs("PT1H1M1S")).toBe(3_661_000);
  });

  it("refuses anything else as a bad request", () => {
    expect(() => durationMs("1 hour")).toThrow(Refusal);
  });
});
