import { every, VirtualClock } from "../../../src/sim/clock.ts";
import { BsmSender } from "../../../src/sim/bsm.ts";
import { Random } from "../../../src/sim/random.ts";
import { RoadNetwork } from "../../../src/sim/road-network.ts";
import { Rsu, type RsuSpec } from "../../../src/sim/rsu.ts";
import { TboxModel } from "../../../src/sim/tbox.ts";
import type { VehicleSpec, VehicleState } from "../../../src/sim/vehicle.ts";
import { World } from "../../../src/sim/world.ts";
import { ARMS, NETWORK, rsuSpec, SIGNAL_PLAN, START, turn } from "../../fixtures/sim/yizhuang.ts";

export const FRAME = "v2xh.csae53.v1.MessageFrame";
export const GBT_FRAME = "v2xh.gbt32960.v1.Frame";

/** One message the scenario sent, in sending order. */
export interface Sent {
  readonly at: number;
  readonly kind: "bsm" | "map" | "spat" | "rsi" | "rsm" | "realtime";
  readonly typeName: string;
  readonly message: object;
  /** The vehicle that sent it (BSM, realtime). */
  readonly vehicleId?: string;
}

export interface ScenarioOptions {
  readonly seed: number;
  /** Simulated seconds to run. */
  readonly seconds: number;
  readonly vehicles?: readonly VehicleSpec[];
  readonly rsu?: Partial<RsuSpec>;
  /** Called after every world step with the states before and after it. */
  readonly onStep?: (world: World, before: ReadonlyMap<string, VehicleState>) => void;
}

/** Traffic from every arm in every direction: `waves` groups of 12 vehicles, one group every `spacing` s. */
export function traffic(waves: number, spacing = 4): VehicleSpec[] {
  const out: VehicleSpec[] = [];
  for (let k = 0; k < waves; k++) {
    for (const arm of ARMS) {
      for (const maneuver of ["left", "straight", "right"] as const) {
        const n = out.length;
        out.push({ id: `car-${n}`, route: { links: [`${arm}-in`, `${turn(arm, maneuver)}-out`] }, departAt: k * spacing, desiredSpeed: 12 + (n % 5) });
      }
    }
  }
  return out;
}

/**
 * The test's stand-in for the fleet scheduler: one world stepped every 100 ms on a virtual clock,
 * each vehicle's OBU sending a BSM every 100 ms (at its own phase) and its T-Box a realtime report
 * every second, and one RSU sending what is due every 100 ms.
 */
export function runScenario(options: ScenarioOptions): { sent: Sent[]; world: World; rsu: Rsu; senders: Map<string, BsmSender>; tboxes: Map<string, TboxModel> } {
  const clock = new VirtualClock(START);
  const random = new Random(options.seed);
  const network = new RoadNetwork(NETWORK);
  const vehicles = options.vehicles ?? traffic(3);
  const world = new World({ network, signalPlans: [SIGNAL_PLAN], vehicles, random, start: START });
  const rsu = new Rsu(rsuSpec(options.rsu), network, random.fork("rsu"));
  const sent: Sent[] = [];
  const senders = new Map<string, BsmSender>();
  const tboxes = new Map<string, TboxModel>();
  for (const [i, v] of vehicles.entries()) {
    const stream = random.fork(`vehicle:${v.id}`);
    senders.set(v.id, new BsmSender(stream, { pathHistory: true }));
    tboxes.set(v.id, new TboxModel({ vin: `LSVSIM${String(i).padStart(11, "0")}`, battery: { capacity: 2 } }, stream));
  }
  const active = (id: string): VehicleState | undefined => world.vehicles.find((v) => v.id === id);

  every(clock, START + 100, 100, () => {
    const before = new Map(world.vehicles.map((v) => [v.id, v]));
    world.step(0.1);
    for (const v of world.vehicles) tboxes.get(v.id)?.update(v, 0.1);
    options.onStep?.(world, before);
  });
  for (const v of vehicles) {
    const phase = random.fork(`vehicle:${v.id}`).fork("obu").integer(1, 99);
    every(clock, START + phase, 100, (at) => {
      const state = active(v.id);
      const sender = senders.get(v.id);
      if (state !== undefined && sender !== undefined) sent.push({ at, kind: "bsm", typeName: FRAME, message: sender.build(state, at), vehicleId: v.id });
    });
    every(clock, START + 1000, 1000, (at) => {
      const state = active(v.id);
      const tbox = tboxes.get(v.id);
      if (state !== undefined && tbox !== undefined) sent.push({ at, kind: "realtime", typeName: GBT_FRAME, message: tbox.realtimeFrame(state, at), vehicleId: v.id });
    });
  }
  every(clock, START, 100, (at) => {
    for (const m of rsu.due(at, world.vehicles, (id) => senders.get(id)?.id)) sent.push({ at, kind: m.kind, typeName: FRAME, message: m.frame });
  });
  clock.runUntil(START + options.seconds * 1000);
  return { sent, world, rsu, senders, tboxes };
}
