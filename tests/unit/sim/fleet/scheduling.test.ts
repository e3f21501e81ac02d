import { describe, expect, it } from "vitest";
import { PeriodicSchedule, phaseOffset } from "../../../../src/sim/fleet/index.ts";

/** How many of `phases` fall in each `window`-ms slice of the period. */
function perWindow(phases: readonly number[], period: number, window: number): number[] {
  const counts = new Array<number>(Math.ceil(period / window)).fill(0);
  for (const p of phases) counts[Math.floor(p / window)]! += 1;
  return counts;
}

describe("phase offsets", () => {
  const period = 100;
  const indexes = (from: number, count: number, step = 1): number[] => Array.from({ length: count }, (_, k) => from + k * step);

  it("spread a whole fleet evenly over the period", () => {
    const counts = perWindow(indexes(0, 10_000).map((i) => phaseOffset(i, period)), period, 1);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(95);
    expect(Math.max(...counts)).toBeLessThanOrEqual(105);
  });

  it("spread any one group (a run of consecutive vehicles) and any shard (every n-th vehicle) evenly too", () => {
    for (const phases of [indexes(2500, 2500), indexes(3, 2500, 4), indexes(1, 1000, 7)].map((list) => list.map((i) => phaseOffset(i, period)))) {
      const counts = perWindow(phases, period, 10);
      const mean = phases.length / counts.length;
      expect(Math.max(...counts)).toBeLessThanOrEqual(mean * 1.1);
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(mean * 0.9);
    }
  });

  it("stay within the period, also for periods that are not whole ms", () => {
    for (const p of [100, 333.3333, 1000, 1]) {
      for (let i = 0; i < 1000; i++) {
        const phase = phaseOffset(i, p);
        expect(phase >= 0 && phase < p && Number.isInteger(phase)).toBe(true);
      }
    }
  });
});

describe("PeriodicSchedule", () => {
  it("hands out every member once per period, in due-time order, until the end", () => {
    const phases = [30, 0, 30, 99, 50];
    const schedule = new PeriodicSchedule({ start: 1000, end: 1250, period: 100, phases });
    const out: [number, number][] = [];
    while (schedule.nextDue !== Infinity) {
      out.push([schedule.nextDue, schedule.nextMember]);
      schedule.advance();
    }
    expect(out).toEqual([
      [1000, 1], [1030, 0], [1030, 2], [1050, 4], [1099, 3],
      [1100, 1], [1130, 0], [1130, 2], [1150, 4], [1199, 3],
      [1200, 1], [1230, 0], [1230, 2],
    ]);
  });

  it("rounds each due time from the start, so a fractional period never drifts", () => {
    const schedule = new PeriodicSchedule({ start: 0, end: 10_001, period: 1000 / 3, phases: [0] });
    const dues: number[] = [];
    for (; schedule.nextDue !== Infinity; schedule.advance()) dues.push(schedule.nextDue);
    expect(dues).toHaveLength(31);
    expect(dues.at(-1)).toBe(10_000);
  });

  it("refuses a phase outside the period, and is empty without members", () => {
    expect(() => new PeriodicSchedule({ start: 0, end: 1000, period: 100, phases: [100] })).toThrow(/member 0 has phase 100/);
    expect(new PeriodicSchedule({ start: 0, end: 1000, period: 100, phases: [] }).nextDue).toBe(Infinity);
  });
});
