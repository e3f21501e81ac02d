import { describe, expect, it } from "vitest";
import { Random } from "../../../src/sim/random.ts";

const draw = (r: Random, n: number): number[] => Array.from({ length: n }, () => r.nextUint32());

describe("Random", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    expect(draw(new Random(42), 100)).toEqual(draw(new Random(42), 100));
    expect(draw(new Random(42), 100)).not.toEqual(draw(new Random(43), 100));
    expect(draw(new Random("42"), 10)).toEqual(draw(new Random(42), 10));
  });

  it("forks streams that depend only on the label, not on what the parent drew before", () => {
    const a = new Random(7);
    const b = new Random(7);
    draw(b, 1000);
    expect(draw(a.fork("vehicle:car-1"), 50)).toEqual(draw(b.fork("vehicle:car-1"), 50));
    expect(draw(a.fork("vehicle:car-1"), 50)).not.toEqual(draw(a.fork("vehicle:car-2"), 50));
    expect(a.fork("x").fork("y").path).toBe("7/x/y");
  });

  it("draws integers within bounds, covering all of them evenly", () => {
    const r = new Random("dice");
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60000; i++) {
      const v = r.integer(1, 6);
      counts[v - 1] = (counts[v - 1] ?? NaN) + 1;
    }
    // An out-of-range value would have made a count NaN or added a seventh entry.
    expect(counts).toHaveLength(6);
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
    expect(() => r.integer(3, 2)).toThrow(RangeError);
  });

  it("draws uniform floats in [min, max) and normals with the asked mean and spread", () => {
    const r = new Random("floats");
    const xs = Array.from({ length: 20000 }, () => r.uniform(-2, 3));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...xs)).toBeLessThan(3);
    const ns = Array.from({ length: 20000 }, () => r.normal(10, 2));
    const mean = ns.reduce((a, b) => a + b, 0) / ns.length;
    const sd = Math.sqrt(ns.reduce((a, b) => a + (b - mean) ** 2, 0) / ns.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it("picks from a list and makes bytes", () => {
    const r = new Random("pick");
    const seen = new Set(Array.from({ length: 200 }, () => r.pick(["a", "b", "c"])));
    expect([...seen].sort()).toEqual(["a", "b", "c"]);
    expect(() => r.pick([])).toThrow(RangeError);
    const bytes = r.bytes(8);
    expect(bytes).toHaveLength(8);
    expect(new Random("pick").fork("id").bytes(8)).toEqual(new Random("pick").fork("id").bytes(8));
  });
});
