import { describe, expect, it } from "vitest";
import { LightState } from "../../../src/schema/gen/v2xh/csae53/v1/index.ts";
import { Random } from "../../../src/sim/random.ts";
import { RoadNetwork } from "../../../src/sim/road-network.ts";
import { segmentIndexAt, type PathSegment } from "../../../src/sim/route.ts";
import { SignalController } from "../../../src/sim/signal-controller.ts";
import { SpecError } from "../../../src/sim/spec-error.ts";
import type { VehicleSpec, VehicleState } from "../../../src/sim/vehicle.ts";
import { World } from "../../../src/sim/world.ts";
import { NETWORK, SIGNAL_PLAN, START } from "../../fixtures/sim/yizhuang.ts";
import { traffic } from "./scenario.ts";

const network = new RoadNetwork(NETWORK);
const controller = new SignalController(SIGNAL_PLAN);
const GREENS: ReadonlySet<number> = new Set([LightState.PROTECTED_GREEN, LightState.PERMISSIVE_GREEN]);

function world(vehicles: readonly VehicleSpec[], seed = 7): World {
  return new World({ network, signalPlans: [SIGNAL_PLAN], vehicles, random: new Random(seed), start: START });
}

/** Steps `w` for `seconds` at 0.1 s, calling `check` with the states before and after each step. */
function run(w: World, seconds: number, check: (before: ReadonlyMap<string, VehicleState>, after: readonly VehicleState[], stepStart: number) => void = () => undefined): void {
  for (let i = 0; i < seconds * 10; i++) {
    const before = new Map(w.vehicles.map((v) => [v.id, v]));
    const stepStart = w.time;
    w.step(0.1);
    check(before, w.vehicles, stepStart);
  }
}

function segmentOf(v: VehicleState): PathSegment {
  return v.path.segments[segmentIndexAt(v.path, v.s)] as PathSegment;
}

describe("World", () => {
  // Two full signal cycles of heavy traffic from every arm in every direction.
  const heavy = traffic(15, 3);

  it("never lets a vehicle cross a stop line while its light is red, and does stop vehicles there", () => {
    const w = world(heavy);
    let crossings = 0;
    let stoppedAtRed = 0;
    const redRunners: string[] = [];
    run(w, 200, (before, after, stepStart) => {
      for (const v of after) {
        const was = before.get(v.id);
        if (was === undefined) continue;
        for (const line of v.path.stopLines) {
          const light = controller.light(line.phase, stepStart);
          if (was.s <= line.at && v.s > line.at) {
            crossings++;
            if (light === LightState.RED) redRunners.push(`${v.id} at ${(stepStart - START) / 1000} s`);
          }
          if (light === LightState.RED && v.speed === 0 && line.at - v.s >= 0 && line.at - v.s < 3) stoppedAtRed++;
        }
      }
    });
    expect(redRunners).toEqual([]);
    expect(crossings).toBeGreaterThan(100);
    expect(stoppedAtRed).toBeGreaterThan(100);
  });

  it("moves the vehicles waiting at the stop line within a few seconds of green", () => {
    const w = world(heavy);
    const waiting: { id: string; at: number; deadline: number }[] = [];
    const late: string[] = [];
    run(w, 200, (before, after, stepStart) => {
      const now = w.time;
      for (const v of after) {
        for (const line of v.path.stopLines) {
          const turnedGreen = !GREENS.has(controller.light(line.phase, stepStart)) && GREENS.has(controller.light(line.phase, now));
          if (turnedGreen && v.speed === 0 && line.at - v.s >= 0 && line.at - v.s < 3) waiting.push({ id: v.id, at: line.at, deadline: now + 6000 });
        }
      }
      for (const entry of waiting.filter((e) => e.deadline === now)) {
        const v = after.find((a) => a.id === entry.id);
        if (v !== undefined && v.s <= entry.at) late.push(entry.id);
      }
    });
    expect(waiting.length).toBeGreaterThan(10);
    expect(late).toEqual([]);
  });

  it("keeps a positive gap between every vehicle and the one ahead, at every step", () => {
    const w = world(heavy);
    let pairs = 0;
    const overlaps: string[] = [];
    run(w, 200, (_before, after, stepStart) => {
      for (const follower of after) {
        const segment = segmentOf(follower);
        const next = follower.path.segments[follower.path.segments.indexOf(segment) + 1];
        for (const leader of after) {
          if (leader === follower) continue;
          const leaderSegment = segmentOf(leader);
          let leaderFront: number;
          if (leaderSegment.key === segment.key) leaderFront = segment.start + (leader.s - leaderSegment.start);
          else if (next !== undefined && leaderSegment.key === next.key) leaderFront = next.start + (leader.s - leaderSegment.start);
          else continue;
          if (leaderFront < follower.s) continue;
          pairs++;
          const gap = leaderFront - leader.spec.size.length - follower.s;
          if (!(gap > 0)) overlaps.push(`${follower.id} behind ${leader.id}: gap ${gap.toFixed(3)} m at ${(stepStart - START) / 1000} s`);
        }
      }
    });
    expect(overlaps.slice(0, 5)).toEqual([]);
    expect(pairs).toBeGreaterThan(10_000);
  });

  it("keeps speeds within the link speed limits", () => {
    const w = world([{ id: "fast", route: { links: ["sw-in", "ne-out"] }, desiredSpeed: 30 }]);
    let top = 0;
    run(w, 60, (_b, after) => {
      for (const v of after) if (segmentOf(v).kind === "lane") top = Math.max(top, v.speed);
    });
    expect(top).toBeGreaterThan(16);
    expect(top).toBeLessThanOrEqual(60 / 3.6 + 1e-9);
  });

  it("slows for a turn: a right turn is taken well below the straight-on speed", () => {
    // Departs at once and reaches the stop line during the first green (0–25 s).
    const w = world([{ id: "r", route: { links: ["nw-in", "sw-out"] }, desiredSpeed: 16 }]);
    let turning = Infinity;
    run(w, 40, (_b, after) => {
      for (const v of after) if (segmentOf(v).kind === "connector") turning = Math.min(turning, v.speed);
    });
    expect(turning).toBeGreaterThan(2);
    expect(turning).toBeLessThan(8);
  });

  it("lets a vehicle leave at the end of its route, or start again when it loops", () => {
    const w = world([
      { id: "once", route: { links: ["nw-in", "se-out"] }, desiredSpeed: 14 },
      { id: "again", route: { links: ["ne-in", "sw-out"] }, desiredSpeed: 14, loop: true },
    ]);
    run(w, 200);
    const ids = w.vehicles.map((v) => v.id);
    expect(ids).toEqual(["again"]);
    const again = w.vehicles[0] as VehicleState;
    expect(again.odometer).toBeGreaterThan(again.path.length);
  });

  it("follows the lanes a route asks for", () => {
    const w = world([{ id: "v", route: { links: ["se-in", "nw-out"], lanes: [3, 3] }, desiredSpeed: 14 }]);
    const v = w.vehicles[0] as VehicleState;
    expect(v.path.segments.map((s) => s.key)).toEqual(["se-in#3", "se-in#3>nw-out#3", "nw-out#3"]);
  });

  it("rejects a route whose links do not meet, naming the link", () => {
    expect(() => world([{ id: "v", route: { links: ["nw-in", "ne-in"] }, desiredSpeed: 14 }])).toThrow(SpecError);
    expect(() => world([{ id: "v", route: { links: ["nw-in", "ne-in"] }, desiredSpeed: 14 }])).toThrow(/route\.links\[1\].*ne-in/);
  });

  it("rejects a route that asks for a lane that does not lead on", () => {
    expect(() => world([{ id: "v", route: { links: ["nw-in", "ne-out"], lanes: [2] }, desiredSpeed: 14 }])).toThrow(/route\.links\[0\]/);
  });

  it("waits to depart until the first lane has room", () => {
    const w = world([
      { id: "a", route: { links: ["nw-in", "se-out"], lanes: [2] }, desiredSpeed: 14 },
      { id: "b", route: { links: ["nw-in", "se-out"], lanes: [2] }, desiredSpeed: 14 },
    ]);
    expect(w.vehicles.map((v) => v.id)).toEqual(["a"]);
    run(w, 3);
    expect(w.vehicles.map((v) => v.id)).toEqual(["a", "b"]);
  });
});
