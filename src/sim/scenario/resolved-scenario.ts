import type { BsmOptions } from "../bsm.ts";
import type { RoadNetworkSpec } from "../road-network.ts";
import type { RsuSpec } from "../rsu.ts";
import type { SignalPlanSpec } from "../signal-controller.ts";
import type { TboxSpec } from "../tbox.ts";
import type { VehicleSpec } from "../vehicle.ts";

/** The simulation specs of a scenario, all times absolute (ms since the Unix epoch unless noted). */
export interface ScenarioSpecs {
  readonly name: string;
  readonly description: string;
  /** Root of every random stream: `new Random(seed)`, forked per vehicle (`vehicle:<id>`) and RSU. */
  readonly seed: number | string;
  readonly start: number;
  /** ms */
  readonly duration: number;
  readonly network: RoadNetworkSpec;
  /** Offsets in Unix seconds, as SignalPlanSpec wants them. */
  readonly signalPlans: readonly SignalPlanSpec[];
  readonly rsus: readonly RsuSpec[];
  /** Group by group, vehicle 0 first. */
  readonly vehicles: readonly VehicleSpec[];
  /** BSM options of each vehicle that has an OBU, by vehicle id. */
  readonly obus: Readonly<Record<string, Partial<BsmOptions>>>;
  /** T-Box of each vehicle that has one, by vehicle id. */
  readonly tboxes: Readonly<Record<string, TboxSpec>>;
}

/**
 * Shard `index` of `count`: what one process of a sharded run sends. Every shard simulates the
 * whole scenario — a World of all `scenario.vehicles` — so queues, car following and RSM
 * detections are those of the unsharded run; it sends only the messages of its own vehicles and
 * RSUs. The shards' messages together are then exactly the unsharded run's, without the shards
 * talking to each other (given the same start time).
 */
export interface ScenarioShard {
  readonly index: number;
  readonly count: number;
  readonly scenario: ResolvedScenario;
  /** This shard's vehicles: those whose position in `scenario.vehicles` is `index` modulo `count`. */
  readonly vehicles: readonly VehicleSpec[];
  readonly obus: Readonly<Record<string, Partial<BsmOptions>>>;
  readonly tboxes: Readonly<Record<string, TboxSpec>>;
  /** Every RSU in shard 0, none in the others. */
  readonly rsus: readonly RsuSpec[];
}

/** A loaded scenario, ready for World, Rsu, BsmSender and TboxModel. */
export class ResolvedScenario implements ScenarioSpecs {
  readonly name: string;
  readonly description: string;
  readonly seed: number | string;
  readonly start: number;
  readonly duration: number;
  readonly network: RoadNetworkSpec;
  readonly signalPlans: readonly SignalPlanSpec[];
  readonly rsus: readonly RsuSpec[];
  readonly vehicles: readonly VehicleSpec[];
  readonly obus: Readonly<Record<string, Partial<BsmOptions>>>;
  readonly tboxes: Readonly<Record<string, TboxSpec>>;

  constructor(specs: ScenarioSpecs) {
    this.name = specs.name;
    this.description = specs.description;
    this.seed = specs.seed;
    this.start = specs.start;
    this.duration = specs.duration;
    this.network = specs.network;
    this.signalPlans = specs.signalPlans;
    this.rsus = specs.rsus;
    this.vehicles = specs.vehicles;
    this.obus = specs.obus;
    this.tboxes = specs.tboxes;
  }

  /** Shard `index` of `count` (0 <= index < count): disjoint, deterministic, and together covering the scenario. */
  shard(index: number, count: number): ScenarioShard {
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`ResolvedScenario.shard: expected integers 0 <= index < count, got ${index}/${count}`);
    }
    const vehicles = this.vehicles.filter((_, i) => i % count === index);
    const ids = vehicles.map((v) => v.id);
    return {
      index,
      count,
      scenario: this,
      vehicles,
      obus: pick(this.obus, ids),
      tboxes: pick(this.tboxes, ids),
      rsus: index === 0 ? this.rsus : [],
    };
  }
}

function pick<T>(byId: Readonly<Record<string, T>>, ids: readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id of ids) {
    const value = byId[id];
    if (value !== undefined) out[id] = value;
  }
  return out;
}
