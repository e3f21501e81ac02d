import { describe, expect, it } from "vitest";
import { every, RealClock, VirtualClock } from "../../../src/sim/clock.ts";

describe("VirtualClock", () => {
  it("runs callbacks in time order, same-time ones in the order they were scheduled, with now() at their time", () => {
    const clock = new VirtualClock(1000);
    const log: string[] = [];
    clock.schedule(1300, () => log.push(`c@${clock.now()}`));
    clock.schedule(1100, () => log.push(`a@${clock.now()}`));
    clock.schedule(1100, () => {
      log.push(`b@${clock.now()}`);
      clock.schedule(1100, () => log.push(`b2@${clock.now()}`));
    });
    clock.advance(250);
    expect(log).toEqual(["a@1100", "b@1100", "b2@1100"]);
    expect(clock.now()).toBe(1250);
    clock.runUntil(1300);
    expect(log.at(-1)).toBe("c@1300");
  });

  it("cancels, and never goes back", () => {
    const clock = new VirtualClock(0);
    let ran = false;
    const cancel = clock.schedule(10, () => (ran = true));
    expect(clock.pending).toBe(1);
    cancel();
    clock.advance(20);
    expect(ran).toBe(false);
    expect(() => clock.runUntil(5)).toThrow(RangeError);
  });

  it("keeps a large schedule in order", () => {
    const clock = new VirtualClock(0);
    const times: number[] = [];
    for (let i = 0; i < 500; i++) clock.schedule((i * 7919) % 1000, () => times.push(clock.now()));
    clock.runUntil(1000);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times).toHaveLength(500);
  });
});

describe("every", () => {
  it("fires at start + k·period without drift, and stops when cancelled", () => {
    const clock = new VirtualClock(0);
    const at: number[] = [];
    const cancel = every(clock, 50, 100, (t) => at.push(t));
    clock.runUntil(450);
    expect(at).toEqual([50, 150, 250, 350, 450]);
    cancel();
    clock.runUntil(1000);
    expect(at).toHaveLength(5);
    expect(() => every(clock, 0, 0, () => undefined)).toThrow(RangeError);
  });
});

describe("RealClock", () => {
  it("tells the wall-clock time and runs a scheduled callback", async () => {
    const clock = new RealClock();
    // performance.timeOrigin + performance.now() is the wall clock to within clock adjustments.
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
    const start = clock.now();
    const ranAt = await new Promise<number>((resolve) => clock.schedule(start + 20, () => resolve(clock.now())));
    expect(ranAt).toBeGreaterThanOrEqual(start + 19);
  });
});
