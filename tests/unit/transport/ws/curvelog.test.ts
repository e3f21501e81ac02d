import { describe, expect, it } from "vitest";
import { simplifyCurve } from "../../../../src/transport/ws/curvelog.ts";

const curve = (values: readonly number[]) => values.map((v, i) => ({ t: i * 1000, v }));

describe("simplifyCurve (Ramer–Douglas–Peucker along the value axis)", () => {
  it("keeps first and last of a straight line only", () => {
    expect(simplifyCurve(curve([0, 1, 2, 3, 4]), 0.1)).toEqual([0, 4]);
  });

  it("keeps a peak that is farther than maxerr from the line, drops one that is within", () => {
    expect(simplifyCurve(curve([0, 2.5, 5, 2.5, 0]), 1)).toEqual([0, 2, 4]);
    expect(simplifyCurve(curve([0, 0, 5, 0, 0]), 1)).toEqual([0, 1, 2, 3, 4]);
    expect(simplifyCurve(curve([0, 0, 0.5, 0, 0]), 1)).toEqual([0, 4]);
  });

  it("recurses into both halves", () => {
    // 0 → 10 → 0 → -10 → 0: the first split at the top, then the valley.
    expect(simplifyCurve(curve([0, 5, 10, 5, 0, -5, -10, -5, 0]), 0.5)).toEqual([0, 2, 6, 8]);
  });

  it("measures the error at the point's time, so uneven sampling counts", () => {
    // The line from (0,0) to (10000,10) passes 1 at t=1000; the point 3 there is 2 away.
    const points = [{ t: 0, v: 0 }, { t: 1000, v: 3 }, { t: 10_000, v: 10 }];
    expect(simplifyCurve(points, 1.5)).toEqual([0, 1, 2]);
    expect(simplifyCurve(points, 2.5)).toEqual([0, 2]);
  });

  it("returns short curves whole", () => {
    expect(simplifyCurve(curve([1]), 0)).toEqual([0]);
    expect(simplifyCurve(curve([1, 9]), 0)).toEqual([0, 1]);
    expect(simplifyCurve([], 0)).toEqual([]);
  });
});
