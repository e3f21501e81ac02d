import type { Frame } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { MessageFrame } from "../../schema/gen/v2xh/csae53/v1/index.ts";
import { BsmSender } from "../bsm.ts";
import { Random } from "../random.ts";
import { RoadNetwork } from "../road-network.ts";
import { Rsu, type RsuMessage } from "../rsu.ts";
import type { ScenarioShard } from "../scenario/resolved-scenario.ts";
import { TboxModel } from "../tbox.ts";
import type { VehicleState } from "../vehicle.ts";
import { World } from "../world.ts";
import { entryState, parkedState } from "./standing-state.ts";
import { TboxLogins } from "./tbox-login.ts";

/** A vehicle's on-board unit, sending BSMs. */
export interface ObuDevice {
  /** The vehicle's position in the whole scenario's vehicle list. */
  readonly vehicle: number;
  readonly vehicleId: string;
  readonly sender: BsmSender;
}

/** A vehicle's T-Box, logging in and sending GB/T 32960 realtime reports. */
export interface TboxDevice {
  readonly vehicle: number;
  readonly vehicleId: string;
  readonly vin: string;
  readonly model: TboxModel;
  readonly logins: TboxLogins;
}

export interface RsuDevice {
  /** 16 hex digits. */
  readonly id: string;
  readonly rsu: Rsu;
}

/**
 * The messages of one shard of a scenario, as a pure function of time: a World of every vehicle of
 * the scenario (so traffic is that of the unsharded run) is stepped every `worldStepMs` on demand,
 * and the shard's devices describe it. A message due at t describes the world as of the last step
 * at or before t, so its content depends on t alone, never on when it is actually built.
 *
 * Every equipped vehicle is switched on for the whole run: on the road it reports its simulated
 * state; before it enters (or while its entry lane is full) it stands at the start of its route;
 * after a route without loop ends it stands where it left the network.
 */
export class FleetTraffic {
  readonly shard: ScenarioShard;
  readonly obus: readonly ObuDevice[];
  readonly tboxes: readonly TboxDevice[];
  readonly rsus: readonly RsuDevice[];
  private readonly world: World;
  private readonly stepMs: number;
  private readonly indexOf: ReadonlyMap<string, number>;
  /** The state each equipped vehicle of the shard reports, by scenario position (undefined for the others). */
  private readonly states: (VehicleState | undefined)[];
  private readonly entries = new Map<number, VehicleState>();
  private onRoad: readonly VehicleState[];
  private readonly bsmIds = new Map<string, Uint8Array>();
  private readonly root: Random;

  constructor(shard: ScenarioShard, options: { readonly worldStepMs: number }) {
    const { scenario } = shard;
    if (!(options.worldStepMs > 0)) throw new RangeError(`FleetTraffic: expected a world step > 0 ms, got ${options.worldStepMs}`);
    this.shard = shard;
    this.stepMs = options.worldStepMs;
    this.root = new Random(scenario.seed);
    const network = new RoadNetwork(scenario.network);
    this.world = new World({ network, signalPlans: scenario.signalPlans, vehicles: scenario.vehicles, random: this.root, start: scenario.start });
    this.indexOf = new Map(scenario.vehicles.map((v, i) => [v.id, i]));
    this.states = new Array<VehicleState | undefined>(scenario.vehicles.length).fill(undefined);
    const position = (id: string): number => this.indexOf.get(id) ?? -1;

    this.obus = shard.vehicles
      .filter((v) => shard.obus[v.id] !== undefined)
      .map((v) => ({ vehicle: position(v.id), vehicleId: v.id, sender: new BsmSender(this.root.fork(`vehicle:${v.id}`), shard.obus[v.id]) }));
    this.tboxes = shard.vehicles.flatMap((v) => {
      const spec = shard.tboxes[v.id];
      if (spec === undefined) return [];
      return [{ vehicle: position(v.id), vehicleId: v.id, vin: spec.vin, model: new TboxModel(spec, this.root.fork(`vehicle:${v.id}`)), logins: new TboxLogins(spec.vin) }];
    });
    this.rsus = shard.rsus.map((spec) => ({ id: spec.id, rsu: new Rsu(spec, network, this.root.fork(`rsu:${spec.id}`)) }));
    for (const device of [...this.obus, ...this.tboxes]) {
      if (this.entries.has(device.vehicle)) continue;
      const entry = entryState(network, scenario.vehicles[device.vehicle]!, this.root);
      this.entries.set(device.vehicle, entry);
      this.states[device.vehicle] = entry;
    }
    this.onRoad = this.world.vehicles;
    this.track(this.onRoad);
  }

  /** Steps the world until its next step would pass `epochMs`. */
  advanceTo(epochMs: number): void {
    while (this.world.time + this.stepMs <= epochMs) this.step();
  }

  /** The BSM `obu` sends at `epochMs` (call advanceTo(epochMs) first). */
  bsm(obu: ObuDevice, epochMs: number): MessageFrame {
    return obu.sender.build(this.stateOf(obu.vehicle), epochMs);
  }

  /** The realtime report `tbox` sends at `epochMs`. */
  realtime(tbox: TboxDevice, epochMs: number): Frame {
    return tbox.model.realtimeFrame(this.stateOf(tbox.vehicle), epochMs);
  }

  /** The login `tbox` sends when its link comes up at `epochMs`. */
  login(tbox: TboxDevice, epochMs: number): Frame {
    return tbox.logins.next(epochMs);
  }

  /** What `device` sends at `epochMs`: each kind once its period has passed (RSM from the vehicles on the road). */
  rsuMessages(device: RsuDevice, epochMs: number): RsuMessage[] {
    return device.rsu.due(epochMs, this.onRoad, (id) => this.bsmIdOf(id));
  }

  private step(): void {
    const before = this.onRoad;
    this.world.step(this.stepMs / 1000);
    this.onRoad = this.world.vehicles;
    const still = this.track(this.onRoad);
    for (const state of before) {
      const vehicle = this.indexOf.get(state.id);
      if (vehicle === undefined || still.has(vehicle) || this.states[vehicle] === undefined) continue;
      // It left the network: back to the start of its route to wait (loop), or parked where it left.
      const entry = this.entries.get(vehicle);
      this.states[vehicle] = state.spec.loop && entry !== undefined ? { ...entry, odometer: state.odometer } : parkedState(state);
    }
    for (const tbox of this.tboxes) tbox.model.update(this.stateOf(tbox.vehicle), this.stepMs / 1000);
  }

  /** Takes the states of the shard's vehicles among `onRoad`; returns the scenario positions of all of them. */
  private track(onRoad: readonly VehicleState[]): Set<number> {
    const present = new Set<number>();
    for (const state of onRoad) {
      const vehicle = this.indexOf.get(state.id);
      if (vehicle === undefined) continue;
      present.add(vehicle);
      if (this.states[vehicle] !== undefined) this.states[vehicle] = state;
    }
    return present;
  }

  private stateOf(vehicle: number): VehicleState {
    const state = this.states[vehicle];
    if (state === undefined) throw new RangeError(`FleetTraffic: vehicle ${vehicle} has no device in shard ${this.shard.index}/${this.shard.count}`);
    return state;
  }

  /** The temporary id a vehicle's OBU sends in its BSMs, for RSMs; any shard's vehicle, the same in all. */
  private bsmIdOf(vehicleId: string): Uint8Array | undefined {
    if (this.shard.scenario.obus[vehicleId] === undefined) return undefined;
    let id = this.bsmIds.get(vehicleId);
    if (id === undefined) {
      id = new BsmSender(this.root.fork(`vehicle:${vehicleId}`)).id;
      this.bsmIds.set(vehicleId, id);
    }
    return id;
  }
}
