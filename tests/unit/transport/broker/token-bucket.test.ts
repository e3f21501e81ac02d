import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../../../src/transport/broker/token-bucket.ts";

describe("TokenBucket", () => {
  it("starts full, empties, and refills at its rate up to its capacity", () => {
    let now = 0;
    const bucket = new TokenBucket(100, 3, () => now);
    expect([1, 2, 3, 4].map(() => bucket.tryTake())).toEqual([true, true, true, false]);
    expect(bucket.waitMs()).toBe(10);
    now = 10;
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    now = 10_000;
    expect([1, 2, 3, 4].map(() => bucket.tryTake())).toEqual([true, true, true, false]);
  });

  it("counts fractions of a token toward the next one", () => {
    let now = 0;
    const bucket = new TokenBucket(1000, 1, () => now);
    bucket.tryTake();
    now = 0.4;
    expect(bucket.tryTake()).toBe(false);
    expect(bucket.waitMs()).toBeCloseTo(0.6);
    now = 1;
    expect(bucket.tryTake()).toBe(true);
  });
});
