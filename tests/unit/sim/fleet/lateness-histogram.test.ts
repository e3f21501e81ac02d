import { describe, expect, it } from "vitest";
import { LatenessHistogram } from "../../../../src/sim/fleet/index.ts";
import { Random } from "../../../../src/sim/random.ts";

/** The exact p-quantile the histogram approximates: the value of rank ceil(p·n). */
function exact(sorted: readonly number[], p: number): number {
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
}

describe("LatenessHistogram", () => {
  it("reports nothing when empty", () => {
    expect(new LatenessHistogram().stats()).toEqual({ count: 0, p50: null, p90: null, p99: null, p999: null, max: null, mean: null });
  });

  it("gives percentiles never below the true value and within 1/64 (or 10 µs) above it", () => {
    const random = new Random("lateness");
    const values = Array.from({ length: 20_000 }, () => Math.exp(random.normal(1, 1.5)));
    const histogram = new LatenessHistogram();
    for (const v of values) histogram.record(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [0.01, 0.5, 0.9, 0.99, 0.999]) {
      const truth = exact(sorted, p);
      const reported = histogram.percentile(p)!;
      expect(reported).toBeGreaterThanOrEqual(truth);
      expect(reported).toBeLessThanOrEqual(Math.max(truth * (1 + 1 / 64), truth + 0.01) + 1e-9);
    }
    expect(histogram.percentile(1)).toBe(sorted.at(-1));
    expect(histogram.stats().max).toBeCloseTo(sorted.at(-1)!, 3);
    expect(histogram.stats().mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 3);
  });

  it("caps percentiles at the largest value, counts negative lateness as 0, and keeps huge values", () => {
    const histogram = new LatenessHistogram();
    histogram.record(-3);
    histogram.record(5);
    histogram.record(1e9);
    expect(histogram.percentile(0.1)).toBe(0.01);
    expect(histogram.percentile(0.5)).toBeLessThanOrEqual(5 * (1 + 1 / 64));
    expect(histogram.percentile(1)).toBe(1e9);
  });

  it("merges", () => {
    const a = new LatenessHistogram();
    const b = new LatenessHistogram();
    for (let i = 1; i <= 100; i++) (i % 2 === 0 ? a : b).record(i);
    a.merge(b);
    expect(a.count).toBe(100);
    expect(a.percentile(0.5)).toBeGreaterThanOrEqual(50);
    expect(a.percentile(0.5)).toBeLessThanOrEqual(50 * (1 + 1 / 64));
    expect(a.stats().max).toBe(100);
  });
});
