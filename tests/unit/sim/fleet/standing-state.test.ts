import { describe, expect, it } from "vitest";
import { entryState, parkedState } from "../../../../src/sim/fleet/standing-state.ts";
import { Random } from "../../../../src/sim/random.ts";
import { RoadNetwork } from "../../../../src/sim/road-network.ts";
import { World } from "../../../../src/sim/world.ts";
import { NETWORK, SIGNAL_PLAN, START } from "../../../fixtures/sim/yizhuang.ts";
import { traffic } from "../scenario.ts";

describe("standing states", () => {
  const network = new RoadNetwork(NETWORK);
  const vehicles = traffic(1);
  const random = new Random(7);

  it("put a waiting vehicle exactly where World puts it when it departs", () => {
    const world = new World({ network, signalPlans: [SIGNAL_PLAN], vehicles, random, start: START });
    const departed = world.vehicles;
    expect(departed.length).toBeGreaterThan(0);
    for (const state of departed) {
      const spec = vehicles.find((v) => v.id === state.id)!;
      const entry = entryState(network, spec, random);
      expect({ ...entry, speed: state.speed }).toEqual(state);
      expect(entry.speed).toBe(0);
    }
  });

  it("park a vehicle where it was, stopped", () => {
    const world = new World({ network, signalPlans: [SIGNAL_PLAN], vehicles, random, start: START });
    for (let i = 0; i < 50; i++) world.step(0.1);
    const moving = world.vehicles.find((v) => v.speed > 1)!;
    const parked = parkedState(moving);
    expect(parked).toEqual({ ...moving, speed: 0, acceleration: 0, yawRate: 0 });
  });
});
