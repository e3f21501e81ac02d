import type { BsmOptions } from "../bsm.ts";
import type { BatterySpec } from "../powertrain.ts";
import type { NodeRef, RoadNetworkSpec } from "../road-network.ts";
import type { RoadEventSpec, TrafficSignSpec } from "../rsi-message.ts";
import type { RsuSpec } from "../rsu.ts";
import type { PhaseTimingSpec } from "../signal-controller.ts";
import type { AlarmSpec, TboxSpec } from "../tbox.ts";
import type { VehicleSpec } from "../vehicle.ts";

// A scenario normalised from its file: node references resolved, SI units (m/s, m, s), scenario
// defaults filled in (the simulation's own defaults are left to it). Times are still seconds after
// the start, so the rules can run before a start time is known. Lists keep the file's order, so
// index i here is index i in the file.

/** A fixed value, or a clipped normal distribution each vehicle draws from. */
export type Distribution = number | { readonly mean: number; readonly sd: number; readonly min: number; readonly max: number };

export interface SignalPlanModel {
  readonly node: NodeRef;
  /** s after the start. */
  readonly offset: number;
  readonly phases: readonly PhaseTimingSpec[];
}

/** An RSI item with its window in seconds after the start instead of epoch ms. */
export type RsiItemModel<T extends RoadEventSpec | TrafficSignSpec> = Omit<T, "activeFrom" | "activeUntil"> & { readonly from: number; readonly until: number };

export interface RsuModel extends Omit<RsuSpec, "mapNodes" | "signalPlans" | "events"> {
  /** As written; undefined means every node. */
  readonly mapNodes: readonly NodeRef[] | undefined;
  /** As written; undefined means every signalised node of the MAP. */
  readonly spatNodes: readonly NodeRef[] | undefined;
  readonly events: readonly RsiItemModel<RoadEventSpec>[];
  readonly signs: readonly RsiItemModel<TrafficSignSpec>[];
}

export interface ObuModel {
  /** Share of the group equipped, 0..1. */
  readonly share: number;
  readonly options: Partial<BsmOptions>;
}

/** A T-Box's options, some drawn per vehicle. */
export interface TboxOptionsModel extends Omit<TboxSpec, "vin" | "alarms" | "battery" | "initialOdometer"> {
  readonly battery?: Omit<Partial<BatterySpec>, "initialSoc">;
  readonly initialSoc?: Distribution;
  /** km */
  readonly initialOdometer?: Distribution;
}

export interface TboxEquipmentModel {
  /** Share of the group equipped, 0..1. */
  readonly share: number;
  readonly options: TboxOptionsModel;
}

/** The fields every vehicle of a group shares, defaults left to resolveVehicleSpec. */
export type SharedVehicleFields = Pick<VehicleSpec, "route" | "vehicleClass" | "fuelType" | "size" | "driver" | "loop">;

export interface VehicleGroupModel {
  readonly name: string;
  readonly count: number;
  readonly vehicle: SharedVehicleFields;
  readonly departure: {
    /** s after the start. */
    readonly first: number;
    /** s; the file gives this or `rate`. */
    readonly headway: number | undefined;
    /** veh/h */
    readonly rate: number | undefined;
  };
  /** m/s */
  readonly desiredSpeed: Distribution;
  /** Undefined when the group has none. */
  readonly obu: ObuModel | undefined;
  readonly tbox: TboxEquipmentModel | undefined;
}

export interface TboxAlarmModel extends Omit<AlarmSpec, "from" | "until"> {
  readonly group: string;
  /** Vehicle numbers; undefined means every T-Box vehicle of the group. */
  readonly vehicles: readonly number[] | undefined;
  /** s after the start. */
  readonly from: number;
  readonly until: number;
}

export interface ScenarioModel {
  readonly name: string;
  readonly description: string;
  readonly seed: number | string;
  /** ms since the epoch, when the file gives a start. */
  readonly start: number | undefined;
  /** s */
  readonly duration: number;
  readonly network: RoadNetworkSpec;
  readonly signals: readonly SignalPlanModel[];
  readonly rsus: readonly RsuModel[];
  readonly groups: readonly VehicleGroupModel[];
  readonly alarms: readonly TboxAlarmModel[];
}
