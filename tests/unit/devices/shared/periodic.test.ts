import { describe, expect, it } from "vitest";
import { Periodic } from "../../../../src/devices/shared/periodic.ts";
import { VirtualClock } from "../../../../src/sim/index.ts";

describe("Periodic", () => {
  it("runs every period from now, changes period from one new period after the change, and stops", () => {
    const clock = new VirtualClock(1000);
    const runs: number[] = [];
    const task = new Periodic(clock, 100, (at) => runs.push(at));
    clock.advance(250);
    task.setPeriod(200);
    clock.advance(500);
    task.stop();
    clock.advance(1000);
    expect(runs).toEqual([1000, 1100, 1200, 1450, 1650]);
  });

  it("starts again when a stopped task is given a period", () => {
    const clock = new VirtualClock(0);
    const runs: number[] = [];
    const task = new Periodic(clock, 100, (at) => runs.push(at), 50);
    clock.advance(60);
    task.stop();
    task.setPeriod(100);
    clock.advance(200);
    expect(runs).toEqual([50, 160, 260]);
  });
});
