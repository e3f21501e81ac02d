import { describe, expect, it } from "vitest";
import { CombinationOp, LogicOp, type RangeFilter } from "../../../../src/schema/gen/v2xh/vss/v1/filter_pb.ts";
import { inRange } from "../../../../src/transport/ws/range-trigger.ts";

const scalar = (text: string) => ({ scalar: text });
const between: RangeFilter = { boundaries: [{ boundaryOp: LogicOp.GTE, boundary: "50" }, { boundaryOp: LogicOp.LT, boundary: "100" }] };

describe("inRange", () => {
  it("one boundary", () => {
    const above: RangeFilter = { boundaries: [{ boundaryOp: LogicOp.GT, boundary: "10" }] };
    expect(inRange(above, scalar("10.5"))).toBe(true);
    expect(inRange(above, scalar("10"))).toBe(false);
  });

  it("two boundaries combine with AND by default", () => {
    expect(["49.9", "50", "99.9", "100"].map((v) => inRange(between, scalar(v)))).toEqual([false, true, true, false]);
    expect(inRange({ ...between, combinationOp: CombinationOp.AND }, scalar("75"))).toBe(true);
  });

  it("OR gives the outside of an interval", () => {
    const outside: RangeFilter = { boundaries: [{ boundaryOp: LogicOp.LT, boundary: "50" }, { boundaryOp: LogicOp.GT, boundary: "100" }], combinationOp: CombinationOp.OR };
    expect(["20", "75", "120"].map((v) => inRange(outside, scalar(v)))).toEqual([true, false, true]);
  });

  it("booleans count as 0 and 1; what is no number lies in no range", () => {
    const on: RangeFilter = { boundaries: [{ boundaryOp: LogicOp.EQ, boundary: "1" }] };
    expect(inRange(on, scalar("true"))).toBe(true);
    expect(inRange(on, scalar("false"))).toBe(false);
    expect(inRange(between, scalar("fast"))).toBe(false);
    expect(inRange(between, { array: { values: ["60"] } })).toBe(false);
  });
});
