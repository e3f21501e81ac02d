import { BsmSender } from "../../../../src/sim/bsm.ts";
import { every, VirtualClock } from "../../../../src/sim/clock.ts";
import { Random } from "../../../../src/sim/random.ts";
import { RoadNetwork } from "../../../../src/sim/road-network.ts";
import { Rsu } from "../../../../src/sim/rsu.ts";
import type { ResolvedScenario } from "../../../../src/sim/scenario/resolved-scenario.ts";
import { TboxModel } from "../../../../src/sim/tbox.ts";
import type { VehicleState } from "../../../../src/sim/vehicle.ts";
import { World } from "../../../../src/sim/world.ts";

export const FRAME = "v2xh.csae53.v1.MessageFrame";
export const GBT_FRAME = "v2xh.gbt32960.v1.Frame";

/** One message sent, with who sent it (a vehicle id or an RSU id). */
export interface Sent {
  readonly at: number;
  readonly kind: "bsm" | "map" | "spat" | "rsi" | "rsm" | "realtime";
  readonly typeName: string;
  readonly message: object;
  readonly sender: string;
}

export interface RunOptions {
  readonly seconds: number;
  /** Run one shard of the scenario: [index, count]. Default: the whole scenario. */
  readonly shard?: readonly [number, number];
  /** Called after every world step. */
  readonly onStep?: (world: World) => void;
}

/**
 * The tests' stand-in for the fleet scheduler, driven by a loaded scenario: a World of every
 * vehicle stepped every 100 ms on a virtual clock; each OBU of the shard sending a BSM every
 * 100 ms (at its own phase), each T-Box a realtime report every second, and the shard's RSUs what
 * is due every 100 ms.
 */
export function runScenario(scenario: ResolvedScenario, options: RunOptions): { sent: Sent[]; world: World } {
  const [index, count] = options.shard ?? [0, 1];
  const part = scenario.shard(index, count);
  const clock = new VirtualClock(scenario.start);
  const random = new Random(scenario.seed);
  const network = new RoadNetwork(scenario.network);
  const world = new World({ network, signalPlans: scenario.signalPlans, vehicles: scenario.vehicles, random, start: scenario.start });
  const rsus = part.rsus.map((spec) => new Rsu(spec, network, random.fork(`rsu:${spec.id}`)));
  // Every OBU of the scenario, not only the shard's: RSMs name each vehicle by its BSM id.
  const senders = new Map(Object.entries(scenario.obus).map(([id, bsm]) => [id, new BsmSender(random.fork(`vehicle:${id}`), bsm)]));
  const tboxes = new Map(Object.entries(part.tboxes).map(([id, spec]) => [id, new TboxModel(spec, random.fork(`vehicle:${id}`))]));
  const sent: Sent[] = [];
  const onRoad = (id: string): VehicleState | undefined => world.vehicles.find((v) => v.id === id);

  every(clock, scenario.start + 100, 100, () => {
    world.step(0.1);
    for (const v of world.vehicles) tboxes.get(v.id)?.update(v, 0.1);
    options.onStep?.(world);
  });
  for (const v of part.vehicles) {
    const sender = part.obus[v.id] === undefined ? undefined : senders.get(v.id);
    if (sender !== undefined) {
      const phase = random.fork(`vehicle:${v.id}`).fork("obu").integer(1, 99);
      every(clock, scenario.start + phase, 100, (at) => {
        const state = onRoad(v.id);
        if (state !== undefined) sent.push({ at, kind: "bsm", typeName: FRAME, message: sender.build(state, at), sender: v.id });
      });
    }
    const tbox = tboxes.get(v.id);
    if (tbox !== undefined) {
      every(clock, scenario.start + 1000, 1000, (at) => {
        const state = onRoad(v.id);
        if (state !== undefined) sent.push({ at, kind: "realtime", typeName: GBT_FRAME, message: tbox.realtimeFrame(state, at), sender: v.id });
      });
    }
  }
  every(clock, scenario.start, 100, (at) => {
    for (const rsu of rsus) {
      for (const m of rsu.due(at, world.vehicles, (id) => senders.get(id)?.id)) sent.push({ at, kind: m.kind, typeName: FRAME, message: m.frame, sender: rsu.spec.id });
    }
  });
  clock.runUntil(scenario.start + options.seconds * 1000);
  return { sent, world };
}
